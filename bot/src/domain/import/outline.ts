/**
 * Outline reading, for plans written as prose with numbered items rather than a table:
 *
 *     3 Arbeidsprosesser
 *     3.1 Digitale skjema 3.1.A Alle skjema skal være digitale. Ansvar: Servicetorget 3.1.B Innføre …
 *
 * An item is a number followed by text that starts with a capital letter, where the number fits
 * the outline so far: the first, the next at some level ("3.1.B" after "3.1.A", "3.2" after it,
 * "4" after that), or the first below ("3.1.A" after "3.1"). Several items may share a line, and an
 * item may wrap onto the next. Numbers inside sentences ("3 nye skjema") do not fit and stay text.
 * Items with items below them are goals; the others, below the top level, are measures. Labelled
 * parts of a measure ("Ansvar: …", "Frist: …", "Prioritet: …") become its fields.
 */
import { isDigits, isLetter, words } from '../text';
import type { Block, Where } from './source-document';
import { meaningOfHeading, type FieldMeaning } from './vocabulary';

export interface OutlineItem {
  id: string;
  segments: string[];
  text: string;
  at: Where;
  /** Labelled parts of the text, by meaning: "Ansvar: Rådmannen" → responsible. */
  fields: Partial<Record<FieldMeaning, string>>;
}

interface Token {
  word: string;
  at: Where;
  /** First word of its block. */
  opens: boolean;
  heading: boolean;
}

/** The items of the document's outline, in order; empty when it has none worth the name. */
export function readOutline(blocks: readonly Block[]): OutlineItem[] {
  const tokens: Token[] = [];
  for (const block of blocks) {
    const text = block.kind === 'text' ? block.text : block.kind === 'row' ? block.cells.join(' ') : '';
    words(text).forEach((word, i) =>
      tokens.push({ word, at: block.at, opens: i === 0, heading: block.kind === 'text' && block.heading === true }),
    );
  }
  // `own`: how many of the item's words stand on its own line; a goal's text ends there.
  const items: { id: string; segments: string[]; words: string[]; own: number; at: Where }[] = [];
  let closed = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1];
    const last = items.at(-1);
    const segments = next && startsUpperCase(next.word) ? idSegments(token.word, last?.segments) : undefined;
    if (segments && fits(segments, last?.segments)) {
      items.push({ id: segments.join('.'), segments, words: [], own: 0, at: token.at });
      closed = false;
      continue;
    }
    if (!last || closed) continue;
    // A new paragraph after a finished sentence ends the item; a wrapped line continues it.
    const previous = tokens[i - 1]?.word ?? '';
    if (token.opens && (token.heading || (endsSentence(previous) && startsUpperCase(token.word)))) {
      closed = true;
      continue;
    }
    last.words.push(token.word);
    if (token.at === last.at) last.own = last.words.length;
  }
  if (items.length < 2) return [];
  return items.map((item, i) => {
    const next = items[i + 1];
    const isGoal = item.segments.length === 1 || (next !== undefined && next.segments.length > item.segments.length);
    const own = isGoal ? item.words.slice(0, item.own) : item.words;
    return { id: item.id, segments: item.segments, at: item.at, ...labelledFields(own) };
  });
}

/** "3.1.A", "3.1.A.", "a)" (below the item before): the segments of a number, or undefined. */
function idSegments(word: string, current: string[] | undefined): string[] | undefined {
  if (word.length > 16) return undefined;
  let core = word;
  const last = core.charAt(core.length - 1);
  const parenthesised = last === ')';
  if (last === '.' || last === ')' || last === ':') core = core.slice(0, -1);
  const segments = core.split('.');
  if (!segments.every(isSegment)) return undefined;
  // "a)" and "b)" number the items below the current one.
  if (parenthesised && segments.length === 1 && current) {
    const parent = isRelative(current.at(-1) ?? '') ? current.slice(0, -1) : current;
    return [...parent, `${segments[0]})`];
  }
  return segments;
}

function isSegment(segment: string): boolean {
  if (isDigits(segment)) return segment.length <= 2;
  if (segment.length === 1) return isLetter(segment);
  return isLetter(segment.charAt(0)) && isDigits(segment.slice(1)) && segment.length <= 3;
}

function isRelative(segment: string): boolean {
  return segment.endsWith(')');
}

/** Whether an item numbered `next` may follow the item numbered `current`. */
function fits(next: string[], current: string[] | undefined): boolean {
  if (!current) return next.length <= 2 && next.every((s, i) => i === next.length - 1 || isDigits(s));
  if (next.length === current.length + 1) {
    return prefixEquals(next, current, current.length) && isFirst(next.at(-1) ?? '');
  }
  if (next.length > current.length) return false;
  const depth = next.length;
  if (!prefixEquals(next, current, depth - 1)) return false;
  const gap = distance(current[depth - 1] ?? '', next[depth - 1] ?? '');
  return gap >= 1 && gap <= 2;
}

function prefixEquals(a: string[], b: string[], length: number): boolean {
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isFirst(segment: string): boolean {
  const core = segment.replace(')', '');
  return core === '1' || core === 'A' || core === 'a' || (isLetter(core.charAt(0)) && core.slice(1) === '1');
}

/** How far `b` comes after `a` in the same scheme: 1 for "2" after "1", "B" after "A", "T3" after "T2". */
function distance(a: string, b: string): number {
  const ca = a.replace(')', '');
  const cb = b.replace(')', '');
  if (isDigits(ca) && isDigits(cb)) return Number(cb) - Number(ca);
  if (ca.length === 1 && cb.length === 1 && isLetter(ca) && isLetter(cb)) return cb.charCodeAt(0) - ca.charCodeAt(0);
  if (ca.charAt(0) === cb.charAt(0) && isDigits(ca.slice(1)) && isDigits(cb.slice(1)))
    return Number(cb.slice(1)) - Number(ca.slice(1));
  return 0;
}

function startsUpperCase(word: string): boolean {
  const ch = word.charAt(0);
  return isLetter(ch) && ch === ch.toLocaleUpperCase('nb') && ch !== ch.toLocaleLowerCase('nb');
}

function endsSentence(word: string): boolean {
  return word.endsWith('.') || word.endsWith('!') || word.endsWith('?') || word.endsWith(':');
}

const FIELD_LABELS: FieldMeaning[] = ['responsible', 'deadline', 'priority', 'indicator', 'status', 'benefit', 'cost'];

/** "… skjema. Ansvar: Servicetorget. Frist: 2025" → text "… skjema.", responsible "Servicetorget", deadline "2025". */
function labelledFields(itemWords: string[]): Pick<OutlineItem, 'text' | 'fields'> {
  const fields: OutlineItem['fields'] = {};
  const text: string[] = [];
  let current: FieldMeaning | undefined;
  for (const word of itemWords) {
    const meaning = word.endsWith(':') ? meaningOfHeading(word.slice(0, -1)) : undefined;
    if (meaning && FIELD_LABELS.includes(meaning)) {
      current = meaning;
      fields[meaning] = '';
      continue;
    }
    if (current) fields[current] = fields[current] ? `${fields[current]} ${word}` : word;
    else text.push(word);
  }
  for (const key of Object.keys(fields) as FieldMeaning[]) fields[key] = trimSentenceEnd(fields[key] ?? '');
  return { text: text.join(' '), fields };
}

function trimSentenceEnd(text: string): string {
  return text.endsWith('.') || text.endsWith(',') || text.endsWith(';') ? text.slice(0, -1) : text;
}
