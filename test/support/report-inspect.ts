/**
 * Reading a report back as a reader's tools do: the PDF through poppler (Debian's poppler-utils:
 * pdftotext for the text a screen reader or a search gets, pdffonts for what is embedded, pdfinfo
 * for tagging and the structure tree), the Word document as the zip of XML parts Word opens.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';

function withFile<T>(bytes: Buffer, use: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'tiltak-report-'));
  try {
    const path = join(dir, 'report.pdf');
    writeFileSync(path, bytes);
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

/** The text of each page, as pdftotext extracts it. */
export function pdfPages(bytes: Buffer): string[] {
  return withFile(bytes, (path) => run('pdftotext', ['-enc', 'UTF-8', path, '-']))
    .split('\f')
    .slice(0, -1);
}

/** pdffonts' table: each font's name, type, and whether it is embedded. */
export function pdfFonts(bytes: Buffer): { name: string; type: string; embedded: boolean }[] {
  const lines = withFile(bytes, (path) => run('pdffonts', [path]))
    .split('\n')
    .slice(2)
    .filter(Boolean);
  // name, then type words, encoding, then emb/sub/uni (yes|no) and the object id.
  return lines.map((line) => {
    const words = line.trim().split(/\s+/);
    const flags = words.slice(-5, -2);
    return { name: words[0] ?? '', type: words.slice(1, -6).join(' '), embedded: flags[0] === 'yes' };
  });
}

export function pdfInfo(bytes: Buffer): Record<string, string> {
  const out = withFile(bytes, (path) => run('pdfinfo', [path]));
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

/** The structure tree as pdfinfo prints it: one element per line, indented by depth, with its text. */
export function pdfStructure(bytes: Buffer): string {
  return withFile(bytes, (path) => run('pdfinfo', ['-struct-text', path]));
}

/** A PDF literal string at `start` (just after its opening parenthesis), unescaped, as bytes. */
function literalAt(raw: Buffer, start: number): Buffer {
  const out: number[] = [];
  const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
  for (let i = start; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === 0x29) break; // ")"
    if (c !== 0x5c) {
      out.push(c);
      continue;
    }
    const next = String.fromCharCode(raw[++i]!);
    out.push(escapes[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(out);
}

/** Text strings of the document's objects under a key (/Alt, /Lang …), decoded (UTF-16BE with its mark, or ASCII). */
export function pdfStrings(bytes: Buffer, key: string): string[] {
  const found: string[] = [];
  const marker = Buffer.from(`/${key} (`, 'latin1');
  for (let at = bytes.indexOf(marker); at >= 0; at = bytes.indexOf(marker, at + 1)) {
    const value = literalAt(bytes, at + marker.length);
    if (value[0] === 0xfe && value[1] === 0xff) {
      const swapped = Buffer.from(value.subarray(2));
      swapped.swap16();
      found.push(swapped.toString('utf16le'));
    } else found.push(value.toString('latin1'));
  }
  return found;
}

/** The Word document's parts: the body, its styles and its footers, as XML text. */
export async function docxParts(bytes: Buffer): Promise<{ document: string; styles: string; footers: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => /^word\/footer\d+\.xml$/.test(n))
      .map(text),
  );
  return { document: await text('word/document.xml'), styles: await text('word/styles.xml'), footers };
}

/** The text of each table row of the Word document's body, cells joined by " | ". */
export function docxTableRows(document: string): string[] {
  return [...document.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc\b[\s\S]*?<\/w:tc>/g)]
      .map((cell) => [...cell[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(' '))
      .join(' | '),
  );
}

/** The document's objects (`n 0 obj … endobj`) by number, as raw text, for what poppler does not print. */
export function pdfObjects(bytes: Buffer): Map<string, string> {
  const raw = bytes.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of raw.matchAll(/^(\d+) 0 obj\b/gm)) {
    const start = m.index + m[0].length;
    objects.set(m[1]!, raw.slice(start, raw.indexOf('endobj', start)));
  }
  return objects;
}

/** Each word pdftotext finds, with its page (from 1) and its box in points from the page's top left. */
export function pdfWords(bytes: Buffer): { page: number; text: string; xMin: number; xMax: number; yMin: number }[] {
  const html = withFile(bytes, (path) => run('pdftotext', ['-enc', 'UTF-8', '-bbox', path, '-']));
  return html
    .split('<page ')
    .slice(1)
    .flatMap((page, i) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map(
        (m) => ({
          page: i + 1,
          xMin: Number(m[1]),
          yMin: Number(m[2]),
          xMax: Number(m[3]),
          text: decodeEntities(m[4]!),
        }),
      ),
    );
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#\d+|\w+);/g, (all, name: string) =>
    name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (named[name] ?? all),
  );
}
