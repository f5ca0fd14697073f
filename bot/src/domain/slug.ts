/**
 * Ids made from names: lower-case ASCII, Norwegian letters spelled out, words joined by hyphens,
 * the word "kommune" left out: "Høylandet kommune 2023 2027" → "hoylandet-2023-2027".
 */
export function slug(text: string): string {
  return text
    .toLocaleLowerCase('nb')
    .replace(/\s+kommune\b/g, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100);
}
