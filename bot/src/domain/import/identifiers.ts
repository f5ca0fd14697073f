/**
 * The numbering plans put in front of their items, of any scheme: "1", "1.1", "1.3.1." (a trailing
 * dot), "3.1.A", "A", "a)", "T1", "M12", "Mål 1" (a level word first). Read word by word, never
 * with a backtracking pattern: cells are untrusted and may be long.
 */
import { isDigits, isLetter, isWhitespace, trimStartWhere, words } from '../text';

export interface LeadingId {
  id: string;
  /** The cell's text after the id (may be empty: the number stood alone, its text on a later row). */
  rest: string;
  depth: number;
}

/** Words a numbered cell may start with before its number: "Mål 1 …", "Tiltak 2.3: …". */
const LEVEL_WORDS = new Set([
  'mål',
  'hovedmål',
  'hovudmål',
  'delmål',
  'tiltak',
  'strategi',
  'satsingsområde',
  'fokusområde',
  'område',
  'kapittel',
  'kapitel',
  'punkt',
  'aktivitet',
  'initiativ',
  'åtgärd',
  'insats',
  'indsats',
]);
/** One-letter words of the Nordic languages: never taken for a letter id when they stand bare. */
const ONE_LETTER_WORDS = new Set(['I', 'Å', 'Ö', 'O', 'E']);
const MAX_SEGMENTS = 6;

export function leadingId(cell: string): LeadingId | undefined {
  const text = trimStartWhere(cell, isWhitespace);
  const [first = '', second = ''] = firstTwoWords(text);
  if (LEVEL_WORDS.has(first.toLocaleLowerCase('nb')) && second) {
    const id = idToken(second, true);
    if (id) return { ...id, rest: restAfter(text, 2) };
  }
  const id = idToken(first, false);
  if (!id) return undefined;
  const rest = restAfter(text, 1);
  if (id.bareLetter && (ONE_LETTER_WORDS.has(id.id) || !startsUpperCase(rest))) return undefined;
  return { id: id.id, depth: id.depth, rest };
}

function idToken(
  token: string,
  afterLevelWord: boolean,
): { id: string; depth: number; bareLetter: boolean } | undefined {
  if (token.length === 0 || token.length > 24) return undefined;
  let core = token;
  if (core.startsWith('(') && core.endsWith(')')) core = core.slice(1, -1);
  let punctuated = false;
  const last = core.charAt(core.length - 1);
  if (last === '.' || last === ')' || last === ':') {
    core = core.slice(0, -1);
    punctuated = true;
  }
  const segments = core.split('.');
  if (segments.length > MAX_SEGMENTS || !segments.every(isSegment)) return undefined;
  const bareLetter = segments.length === 1 && isLetter(core) && !punctuated && !afterLevelWord;
  if (segments.length === 1 && isLetter(core) && core !== core.toLocaleUpperCase('nb') && !punctuated) return undefined;
  return { id: core, depth: segments.length, bareLetter };
}

/** "1" … "999", "A", "a", "T1", "M12", "DS3": a segment of a number. */
function isSegment(segment: string): boolean {
  if (segment.length === 0 || segment.length > 5) return false;
  if (isDigits(segment)) return segment.length <= 3;
  if (segment.length === 1) return isLetter(segment);
  let letters = 0;
  while (letters < segment.length && isLetter(segment.charAt(letters))) letters++;
  return letters >= 1 && letters <= 2 && isDigits(segment.slice(letters)) && segment.length - letters <= 3;
}

function firstTwoWords(text: string): string[] {
  // Only the start of the cell matters; a bounded prefix keeps this cheap on a huge cell.
  return words(text.slice(0, 80)).slice(0, 2);
}

/** The text after the first `count` words, with the whitespace after them removed. */
function restAfter(text: string, count: number): string {
  let i = 0;
  for (let w = 0; w < count; w++) {
    while (i < text.length && isWhitespace(text.charAt(i))) i++;
    while (i < text.length && !isWhitespace(text.charAt(i))) i++;
  }
  return trimStartWhere(text.slice(i), isWhitespace);
}

function startsUpperCase(text: string): boolean {
  const ch = text.charAt(0);
  return ch === '' || (isLetter(ch) && ch === ch.toLocaleUpperCase('nb')) || isDigits(ch);
}

/** Whether `child` is numbered below `parent`: "1.2.3" under "1.2", "3.1.A" under "3.1". */
export function isBelow(child: string, parent: string): boolean {
  return child.startsWith(`${parent}.`);
}
