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
      restoreSectorNames(part)
        .replace(/[\s.,:;]+$/u, '')
        .replace(/^\s+/, ''),
    )
    .filter((part) => part.length > 0);
}

/**
 * "og" and commas join roles ("Kommunalsjefer og fagleder digitalisering") but also sit inside the
 * names of sectors ("Kommunalsjef Oppvekst og kultur", "Sektorgruppe Utdanning, oppvekst og
 * kultur"). Sector names municipalities use are protected from the split; extend the list when a
 * plan names another.
 */
const SECTOR_NAMES = [
  'utdanning, oppvekst og kultur',
  'helse, sosial og omsorg',
  'oppvekst og kultur',
  'helse og omsorg',
  'helse og velferd',
  'teknikk og samfunn',
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

// Private-use characters stand in for the separators inside a protected name while text is split.
const AND = '\uE000';
const COMMA = '\uE001';
const SECTOR_PATTERNS = SECTOR_NAMES.map(
  (name) => new RegExp(name.replace(/,\s*/g, ',\\s*').replace(/ og /g, '\\s+og\\s+'), 'giu'),
);

function protectSectorNames(text: string): string {
  return SECTOR_PATTERNS.reduce(
    (out, pattern) => out.replace(pattern, (match) => match.replace(/\s+og\s+/gi, AND).replace(/,/g, COMMA)),
    text,
  );
}

function restoreSectorNames(text: string): string {
  return text.replaceAll(AND, ' og ').replaceAll(COMMA, ',');
}
