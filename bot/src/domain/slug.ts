import { words } from './text';

/**
 * Ids made from names: lower-case ASCII, Norwegian letters spelled out, words joined by hyphens,
 * the word "kommune" left out: "Høylandet kommune 2023 2027" → "hoylandet-2023-2027".
 */
export function slug(text: string): string {
  return withoutWordKommune(text.toLocaleLowerCase('nb'))
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100);
}

/** Drops the word "kommune" after the first word ("høylandet kommune 2023" → "høylandet 2023"). */
function withoutWordKommune(text: string): string {
  return words(text)
    .map((word, i) =>
      i > 0 && word.startsWith('kommune') && !/[\p{L}\p{N}]/u.test(word.charAt(7)) ? word.slice(7) : word,
    )
    .filter((word) => word.length > 0)
    .join(' ');
}
