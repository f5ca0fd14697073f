/**
 * Values in a measure's cells that have a meaning of their own: a priority ("1", "Høy", "A") and
 * a status ("Pågår", "Fullført", "Ikkje starta"). What is not understood is kept as text by the
 * interpreter, in the measure's notes, never dropped.
 */
import type { StatusCode } from '../status';
import { collapseWhitespace, isDigits, words } from '../text';

const PRIORITY_WORDS = new Map<string, number>([
  ['høy', 1],
  ['høg', 1],
  ['hög', 1],
  ['høj', 1],
  ['high', 1],
  ['svært høy', 1],
  ['middels', 2],
  ['middel', 2],
  ['medium', 2],
  ['medel', 2],
  ['mellem', 2],
  ['lav', 3],
  ['låg', 3],
  ['low', 3],
]);
const PRIORITY_LETTERS = new Map([
  ['a', 1],
  ['b', 2],
  ['c', 3],
]);

export interface PriorityValue {
  priority: number;
  /** The word the document used, when it was not a number. */
  priorityText?: string;
}

export function readPriority(cell: string): PriorityValue | undefined {
  const text = collapseWhitespace(cell);
  if (!text) return undefined;
  const trimmed = text.endsWith('.') ? text.slice(0, -1) : text;
  if (isDigits(trimmed) && trimmed.length <= 3 && Number(trimmed) >= 1) return { priority: Number(trimmed) };
  const lower = trimmed.toLocaleLowerCase('nb');
  const rank = PRIORITY_WORDS.get(lower) ?? PRIORITY_WORDS.get(words(lower)[0] ?? '') ?? PRIORITY_LETTERS.get(lower);
  return rank === undefined ? undefined : { priority: rank, priorityText: text };
}

const STATUS_PHRASES: [StatusCode, string[]][] = [
  [
    'not_started',
    [
      'ikke startet',
      'ikkje starta',
      'ikkje starta opp',
      'ikke påbegynt',
      'ikkje påbyrja',
      'ikke igangsatt',
      'ikkje sett i gang',
      'ikke begynt',
      'planlagt',
      'ej påbörjad',
      'ej startad',
      'ikke startet op',
      'ikke påbegyndt',
    ],
  ],
  [
    'on_track',
    [
      'i rute',
      'pågår',
      'pågående',
      'igangsatt',
      'sett i gang',
      'startet',
      'starta',
      'under arbeid',
      'i gang',
      'påbegynt',
      'påbyrja',
      'i arbeid',
      'pågående arbeid',
      'i tid',
      'enligt plan',
      'i gang sat',
    ],
  ],
  ['delayed', ['forsinket', 'forseinka', 'forsinka', 'försenad', 'forsinket arbeid', 'utsatt', 'utsett']],
  [
    'done',
    [
      'fullført',
      'fullført arbeid',
      'ferdig',
      'ferdigstilt',
      'utført',
      'gjennomført',
      'gjennomført',
      'levert',
      'avsluttet',
      'avslutta',
      'slutført',
      'genomförd',
      'klar',
      'klart',
      'afsluttet',
      'gennemført',
      'implementert',
      'innført',
      'på plass',
    ],
  ],
  [
    'cancelled',
    ['avbrutt', 'avbrote', 'utgår', 'utgått', 'avlyst', 'stoppet', 'stoppa', 'skrinlagt', 'strøket', 'annullert'],
  ],
];
const STATUS_LOOKUP = new Map(STATUS_PHRASES.flatMap(([code, phrases]) => phrases.map((p) => [p, code] as const)));

/** The status a cell names, by its first words ("Pågår, men forsinket av leverandør" is on track). */
export function readStatus(cell: string): StatusCode | undefined {
  const cellWords = words(cell.toLocaleLowerCase('nb').slice(0, 200)).map((w) => trimPunctuation(w));
  for (let n = Math.min(4, cellWords.length); n >= 1; n--) {
    const found = STATUS_LOOKUP.get(cellWords.slice(0, n).join(' '));
    if (found) return found;
  }
  return undefined;
}

function trimPunctuation(word: string): string {
  let end = word.length;
  while (end > 0 && '.,;:!-–'.includes(word.charAt(end - 1))) end--;
  return word.slice(0, end);
}
