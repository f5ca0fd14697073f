/**
 * The header row and what each column means. A row is a header when at least two of its cells
 * are words of the vocabulary and one of them names the measures (or a goal level beside a
 * responsible, deadline … column). The coordinator's choices, given by heading, win over what
 * the words say and apply to every table of the document with that heading.
 */
import { withoutTrailingYear, words } from '../text';
import type { ColumnChoice } from './choices';
import { headingKey, meaningOfHeading, nearlyAHeading, type FieldMeaning } from './vocabulary';

export interface Column {
  index: number;
  /** The heading as written. */
  heading: string;
  meaning: FieldMeaning;
  /** Goal and measure columns: their level among the table's levels (the measure column is the last). */
  level?: number;
  /** Whether the coordinator chose this meaning (else the words of the heading gave it). */
  chosen: boolean;
}

const ATTRIBUTES: FieldMeaning[] = [
  'responsible',
  'responsible-indicator',
  'deadline',
  'priority',
  'indicator',
  'status',
];

export function isHeaderRow(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '');
  // Headings are short; a data cell may start with the same word ("Tiltak 12 med …", "Område 3").
  const meanings = cells.map((c) => (isShort(c) ? meaningOfHeading(c) : undefined));
  const known = meanings.filter((m) => m !== undefined).length;
  if (known < 2 || known * 5 < filled.length * 3) return false;
  if (meanings.includes('measure')) return true;
  return meanings.includes('goal') && meanings.some((m) => m !== undefined && ATTRIBUTES.includes(m));
}

function isShort(cell: string): boolean {
  return cell.length <= 80 && words(cell).length <= 6;
}

/** A row that looks like a header a little: one known word and another nearly one, or one word beside others. */
export function looksLikeHeader(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c.trim().length > 0 && c.length <= 80);
  if (filled.length < 2) return false;
  const known = filled.filter((c) => meaningOfHeading(c) !== undefined).length;
  const nearly = filled.filter((c) => nearlyAHeading(c)).length;
  return known + nearly >= 2 || (known >= 1 && filled.length >= 3 && filled.length <= 8);
}

/** Same columns in the same order: a header repeated on a new page ("Tiltak 2023" and "Tiltak 2020" alike). */
export function sameHeader(a: readonly string[], b: readonly string[]): boolean {
  const signature = (cells: readonly string[]) =>
    cells
      .map((c) => meaningOfHeading(c) ?? headingKey(c))
      .filter(Boolean)
      .join('|');
  return signature(a) === signature(b);
}

export function columnsOf(header: readonly string[], choices: readonly ColumnChoice[] = []): Column[] {
  const chosen = new Map(choices.map((c) => [headingKey(c.heading), c]));
  const columns: Column[] = header.map((heading, index) => {
    const choice = chosen.get(headingKey(heading));
    if (choice) return { index, heading, meaning: choice.meaning, ...levelOf(choice), chosen: true };
    const meaning = heading.trim() ? (meaningOfHeading(heading) ?? 'note') : 'ignore';
    return { index, heading, meaning, chosen: false };
  });
  keepFirst(columns, 'measure');
  keepFirst(columns, 'responsible');
  keepFirst(columns, 'responsible-indicator');
  if (!columns.some((c) => c.meaning === 'measure')) {
    const lastGoal = columns.filter((c) => c.meaning === 'goal').at(-1);
    if (lastGoal) lastGoal.meaning = 'measure';
  }
  assignLevels(columns);
  return columns;
}

function levelOf(choice: ColumnChoice): { level?: number } {
  return choice.meaning === 'goal' && choice.level !== undefined ? { level: choice.level } : {};
}

/** A second measure or responsible column is kept as a note: a table has one of each. */
function keepFirst(columns: Column[], meaning: FieldMeaning): void {
  columns
    .filter((c) => c.meaning === meaning && !c.chosen)
    .forEach((c, i) => {
      if (i > 0 || columns.some((o) => o.meaning === meaning && o.chosen && o !== c)) c.meaning = 'note';
    });
}

/** Goal columns get levels in the order chosen (else left to right); the measure column is below them all. */
function assignLevels(columns: Column[]): void {
  const goals = columns.filter((c) => c.meaning === 'goal');
  const ordered = [...goals].sort(
    (a, b) => (a.level ?? a.index + 1000) - (b.level ?? b.index + 1000) || a.index - b.index,
  );
  ordered.forEach((c, i) => (c.level = i));
  const measure = columns.find((c) => c.meaning === 'measure');
  if (measure) measure.level = goals.length;
  // A number column numbers the level column to its right ("Saksnr | Saksnavn"), else the measures.
  for (const column of columns.filter((c) => c.meaning === 'number')) {
    const right = columns.find((c) => c.index > column.index && (c.meaning === 'goal' || c.meaning === 'measure'));
    column.level = right?.level ?? goals.length;
  }
}

/** The level names a header gives: "Tiltak 2023" names the level "Tiltak". */
export function levelNamesOf(columns: readonly Column[]): string[] {
  return columns
    .filter((c) => c.meaning === 'goal' || c.meaning === 'measure')
    .sort((a, b) => (a.level ?? 0) - (b.level ?? 0))
    .map((c) => withoutTrailingYear(c.heading.trim()));
}
