/**
 * Responsible roles. Plans name roles, not people ("Teknisk sjef", "fagleder digitalisering"),
 * written with varying case and punctuation; people change, roles stay. Matching uses a
 * normalised key so "Teknisk sjef." in one row and "teknisk sjef" in another are the same role.
 */

export function roleKey(role: string): string {
  return role
    .normalize('NFC')
    .toLocaleLowerCase('nb')
    .replace(/[.,:;]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Splits a responsible cell into its roles: "Teknisk sjef, fagleder digitalisering" and
 * "Kommunalsjefer og fagleder digitalisering" both name two roles. A leading "Ansvarlig:" label
 * and trailing punctuation are not part of a role.
 */
export function splitRoles(responsibleText: string): string[] {
  const cleaned = responsibleText.replace(/^\s*ansvarle?i?g\s*:\s*/i, '');
  return protectSectorNames(cleaned)
    .split(/,|\s+og\s+/i)
    .map((part) =>
      part
        .replace(/\uE000/g, ' og ')
        .replace(/[\s.,:;]+$/u, '')
        .replace(/^\s+/, ''),
    )
    .filter((part) => part.length > 0);
}

/**
 * "og" joins two roles ("Kommunalsjefer og fagleder digitalisering") but also sits inside the
 * names of sectors ("Kommunalsjef Oppvekst og kultur"). Sector names municipalities use are
 * protected from the split (a private-use character stands in for their " og " while the text is
 * split); extend the list when a plan names another.
 */
const SECTOR_NAMES = [
  'oppvekst og kultur',
  'helse og omsorg',
  'helse og velferd',
  'kultur og fritid',
  'plan og utvikling',
  'samfunn og utvikling',
  'drift og forvaltning',
  'drift og vedlikehald',
  'drift og vedlikehold',
  'bygg og eigedom',
  'bygg og eiendom',
  'skule og barnehage',
  'skole og barnehage',
  'teknisk og miljø',
  'økonomi og personal',
];

function protectSectorNames(text: string): string {
  let out = text;
  for (const name of SECTOR_NAMES) {
    const pattern = new RegExp(name.replace(/ og /, '\\s+og\\s+'), 'giu');
    out = out.replace(pattern, (match) => match.replace(/\s+og\s+/i, '\uE000'));
  }
  return out;
}
