/**
 * Text files in the encodings municipalities' files come in: UTF-8 with or without a BOM, UTF-16
 * LE or BE with or without a BOM (Word's "Unicode text"), and the legacy Windows-1252 /
 * ISO-8859-1 of older Windows programs. A BOM or UTF-16's pattern of zero bytes decides; valid
 * UTF-8 is UTF-8; anything else is guessed by chardet and decoded by iconv-lite, and the guess
 * is named so the coordinator can check æ, ø and å.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The encoding's usual name: "UTF-8", "UTF-16 LE", "Windows-1252" … */
  encoding: string;
  /** True when no BOM or byte pattern said it and chardet guessed. */
  guessed: boolean;
}

const LATIN_1_FAMILY = new Set(['ISO-8859-1', 'windows-1252', 'ISO-8859-15']);

export function decodeText(bytes: Buffer): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return known(bytes.subarray(3), 'utf8', 'UTF-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return known(bytes.subarray(2), 'utf16le', 'UTF-16 LE');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return known(bytes.subarray(2), 'utf16be', 'UTF-16 BE');
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return known(bytes, utf16 === 'le' ? 'utf16le' : 'utf16be', utf16 === 'le' ? 'UTF-16 LE' : 'UTF-16 BE');
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'UTF-8', guessed: false };
  const detected = chardet.detect(bytes.subarray(0, 64 * 1024)) ?? 'windows-1252';
  const name = LATIN_1_FAMILY.has(detected) || !iconv.encodingExists(detected) ? 'windows-1252' : detected;
  return {
    text: iconv.decode(bytes, name),
    encoding: name === 'windows-1252' ? 'Windows-1252' : detected,
    guessed: true,
  };
}

function known(bytes: Buffer, encoding: string, name: string): DecodedText {
  return { text: iconv.decode(bytes, encoding), encoding: name, guessed: false };
}

/** Text in UTF-16 without a BOM has a zero byte beside most ASCII characters: after them (LE) or before (BE). */
function utf16WithoutBom(bytes: Buffer): 'le' | 'be' | undefined {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const pairs = sample / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'be';
  return undefined;
}

function strictUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
