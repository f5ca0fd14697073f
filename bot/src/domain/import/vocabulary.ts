/**
 * The words plans use for their columns, in bokmål and nynorsk, and in Swedish and Danish where
 * it costs nothing: "Tiltak", "Aktivitet", "Initiativ", "Åtgärd"; "Ansvar", "Ansvarleg", "Pådriver",
 * "Eier"; "Frist", "Tidsplan", "Når" … A heading is matched by its words (a year and punctuation
 * left out), so "Tiltak 2023", "Ansvarlig enhet" and "Status pr. januar hvert år" are understood.
 */
import { collapseWhitespace, withoutTrailingYear, words } from '../text';
import type { FieldMeaning } from './field-meanings';

export { FIELD_MEANINGS, type FieldMeaning } from './field-meanings';

const WORDS: Record<Exclude<FieldMeaning, 'responsible-indicator' | 'ignore'>, string[]> = {
  goal: [
    'hovedmål',
    'hovudmål',
    'mål',
    'delmål',
    'delområde',
    'delområder',
    'målsetting',
    'målsettinger',
    'målsetjing',
    'strategi',
    'strategier',
    'satsingsområde',
    'satsingsområder',
    'satsningsområde',
    'satsningsområder',
    'innsatsområde',
    'innsatsområder',
    'fokusområde',
    'fokusområder',
    'hovedprioritering',
    'hovedprioriteringer',
    'område',
    'områder',
    'tema',
    'målbilde',
    'målbilete',
    'saksnavn',
    'saksnamn',
    'sak',
    'fagområde',
    'sektor',
    'delstrategi',
    'målområde',
    'insatsområde',
    'strategiområde',
    'indsatsområde',
    'temaområde',
  ],
  measure: [
    'tiltak',
    'tiltaket',
    'aktivitet',
    'aktiviteter',
    'initiativ',
    'initiativer',
    'handling',
    'handlinger',
    'åtgärd',
    'åtgärder',
    'insats',
    'insatser',
    'indsats',
    'indsatser',
    'tiltaksbeskrivelse',
    'prosjekt',
  ],
  number: ['nr', 'nummer', 'id', 'saksnr', 'sak nr', 'løpenr', 'lnr', 'ref', 'punkt', 'pkt', 'tiltaksnr', 'tiltak nr'],
  responsible: [
    'ansvar',
    'ansvarlig',
    'ansvarleg',
    'ansvarlige',
    'ansvarlege',
    'pådriver',
    'pådrivar',
    'eier',
    'eigar',
    'tiltakseier',
    'tiltakseigar',
    'hvem',
    'kven',
    'ansvarig',
    'ägare',
    'ejer',
    'ansvarshavende',
    'utføres av',
  ],
  indicator: [
    'måleindikator',
    'måleindikatorer',
    'indikator',
    'indikatorer',
    'resultatmål',
    'resultatindikator',
    'suksesskriterium',
    'suksesskriterier',
    'suksesskriterie',
    'målepunkt',
    'måltal',
    'måltall',
    'mått',
    'succeskriterie',
    'succeskriterier',
    'leveranse',
    'leveransar',
    'leveranser',
  ],
  priority: ['prioritet', 'prioritering', 'prioriteret', 'prio', 'pri', 'prioritet nr'],
  deadline: [
    'frist',
    'tidsfrist',
    'tidsplan',
    'tidsramme',
    'når',
    'tidspunkt',
    'periode',
    'gjennomføring',
    'gjennomføres',
    'ferdig',
    'ferdigstilles',
    'år',
    'klart',
    'klar',
    'tidplan',
    'deadline',
    'tid',
    'innen',
    'slutdato',
    'sluttdato',
  ],
  status: ['status', 'statuser', 'läge', 'framdrift', 'fremdrift'],
  benefit: ['gevinst', 'gevinster', 'vinst', 'vinstar', 'forventet gevinst', 'nytte', 'nytta', 'gevinstar'],
  cost: [
    'kostnad',
    'kostnader',
    'økonomi',
    'budsjett',
    'budsjet',
    'omkostning',
    'omkostninger',
    'ressurser',
    'ressursbehov',
  ],
  note: [
    'merknad',
    'merknader',
    'kommentar',
    'kommentarer',
    'beskrivelse',
    'beskriving',
    'forklaring',
    'dagens system',
    'utfordringer',
    'utfordringar',
    'gjennomførbarhet',
    'gjennomførleg',
    'samarbeid',
    'kilde',
  ],
};

const LOOKUP = new Map<string, FieldMeaning>(
  Object.entries(WORDS).flatMap(([meaning, list]) => list.map((w) => [w, meaning as FieldMeaning] as const)),
);

/** Lower case, the edition year and punctuation dropped: "Tiltak 2023" → "tiltak", "Nr." → "nr". */
export function headingKey(heading: string): string {
  const plain = [...withoutTrailingYear(heading.trim()).toLocaleLowerCase('nb')]
    .map((ch) => (/[\p{L}\p{N}/ ]/u.test(ch) ? ch : ' '))
    .join('');
  return collapseWhitespace(plain);
}

/**
 * What a column heading means, or undefined when it is none of the words. "Ansvarlig /
 * Måleindikator" is both responsible and indicator (Høylandet's combined column).
 */
export function meaningOfHeading(heading: string): FieldMeaning | undefined {
  const parts = headingKey(heading)
    .split('/')
    .map((p) => p.trim())
    .filter(Boolean);
  const meanings = parts.map(meaningOfPart).filter((m): m is FieldMeaning => m !== undefined);
  if (meanings.includes('responsible') && meanings.includes('indicator')) return 'responsible-indicator';
  return meanings[0];
}

function meaningOfPart(part: string): FieldMeaning | undefined {
  const exact = LOOKUP.get(part);
  if (exact) return exact;
  const partWords = words(part);
  // "Status pr. januar hvert år", "Ansvarlig enhet", "Tiltak (kortnavn)": the first words decide.
  for (let n = Math.min(partWords.length, 2); n >= 1; n--) {
    const found = LOOKUP.get(partWords.slice(0, n).join(' '));
    if (found) return found;
  }
  return undefined;
}

/** A heading that is one or two letters off a word of the vocabulary ("Tiltakk", "Ansvalig"). */
export function nearlyAHeading(heading: string): boolean {
  const key = headingKey(heading);
  if (key.length < 4 || key.length > 30 || meaningOfHeading(heading)) return false;
  const first = words(key)[0] ?? '';
  for (const word of LOOKUP.keys()) {
    if (word.length >= 5 && Math.abs(word.length - first.length) <= 2 && editDistance(word, first, 2) <= 2) return true;
  }
  return false;
}

/** Levenshtein distance, stopping once it passes `limit` (both words are short). */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return best;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}
