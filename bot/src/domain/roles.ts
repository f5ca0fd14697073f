/**
 * Responsible roles. Plans name roles, not people ("Teknisk sjef", "fagleder digitalisering"),
 * written with varying case and punctuation; people change, roles stay. Matching uses a
 * normalised key so "Teknisk sjef." in one row and "teknisk sjef" in another are the same role.
 */
import { isWhitespace, splitList, trimEndOf, trimStartWhere, words } from './text';

/**
 * Keys made so far: a round asks for the same few roles' keys for every person and measure, and
 * normalising costs more than looking up. Bounded (cleared when full): roles are few, text is not.
 */
const keys = new Map<string, string>();
const MAX_KEYS = 10_000;

export function roleKey(role: string): string {
  let key = keys.get(role);
  if (key === undefined) {
    key = role
      .normalize('NFC')
      .toLocaleLowerCase('nb')
      .replace(/[.,:;]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (keys.size >= MAX_KEYS) keys.clear();
    keys.set(role, key);
  }
  return key;
}

/**
 * Splits a responsible cell into its roles: "Teknisk sjef, fagleder digitalisering" and
 * "Kommunalsjefer og fagleder digitalisering" both name two roles. A leading "Ansvarlig:" label
 * and trailing punctuation are not part of a role.
 */
export function splitRoles(responsibleText: string): string[] {
  const cleaned = withoutLabel(responsibleText);
  return splitList(protectSectorNames(cleaned))
    .map((part) => trimEndOf(restoreSectorNames(part), '.,:;'))
    .filter((part) => part.length > 0);
}

/** "Ansvarlig: IKTIN" → "IKTIN" (also "Ansvarleg:"). */
function withoutLabel(text: string): string {
  const start = trimStartWhere(text, isWhitespace);
  const colon = start.indexOf(':');
  const label = colon > 0 ? start.slice(0, colon).trim().toLocaleLowerCase('nb') : '';
  return label === 'ansvarlig' || label === 'ansvarleg' || label === 'ansvarig' ? start.slice(colon + 1) : text;
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
const SECTOR_WORDS = SECTOR_NAMES.map((name) => words(name));

/** Replaces the separators inside sector names, compared word by word (linear in the text). */
function protectSectorNames(text: string): string {
  const tokens = words(text.replaceAll(',', ', '));
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const hit = SECTOR_WORDS.find((name) => name.every((w, k) => tokens[i + k]?.toLocaleLowerCase('nb') === w));
    if (hit) {
      out.push(
        tokens
          .slice(i, i + hit.length)
          .join(' ')
          .replaceAll(' og ', AND)
          .replaceAll(',', COMMA),
      );
      i += hit.length - 1;
    } else out.push(tokens[i] ?? '');
  }
  return out.join(' ');
}

function restoreSectorNames(text: string): string {
  return text.replaceAll(AND, ' og ').replaceAll(COMMA, ',');
}
