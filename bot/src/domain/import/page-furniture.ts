/**
 * What a printed document carries that is not its content: page numbers ("Side 4 av 12", "- 5 -",
 * "4/12", a bare number counting up page by page), running headers and footers (the same line on
 * page after page), and table-of-contents lines with dot leaders ("Innledning ........ 2"). They are
 * removed before the interpreter reads the document; a page number becomes a page break, so a
 * row cut by it is mended like any other page break.
 */
import type { Block } from './source-document';
import { collapseWhitespace, isDigits, words } from '../text';

const PAGE_WORDS = new Set(['side', 'sida', 'page', 'sidan', 'sidenr']);

export function withoutPageFurniture(blocks: readonly Block[]): Block[] {
  const counting = countingNumbers(blocks);
  const running = runningLines(blocks);
  const out: Block[] = [];
  for (const block of blocks) {
    if (block.kind === 'text') {
      if (isPageMarker(block.text) || counting.has(block)) {
        out.push({ kind: 'break', what: 'page', at: block.at });
        continue;
      }
      if (running.has(furnitureKey(block.text)) || hasDotLeader(block.text)) continue;
    }
    if (block.kind === 'row' && block.cells.some(hasDotLeader)) continue;
    out.push(block);
  }
  return out;
}

/**
 * "Side 4 av 12", "Side 4", "Page 3 of 9", "- 5 -", "– 5 –", "4 / 12", "4/12", and a footer that
 * ends with one: "Årdal kommune – side 1 av 2".
 */
export function isPageMarker(line: string): boolean {
  const text = collapseWhitespace(line).toLocaleLowerCase('nb');
  if (text.length === 0 || text.length > 120) return false;
  const all = words(text.replaceAll('/', ' / '));
  if (all.length <= 4 && isMarker(all)) return true;
  // A footer's text before the marker: only the worded form ("… side 1 av 2"), never "58/22" (a case number).
  return [4, 2].some((n) => all.length > n && PAGE_WORDS.has(all[all.length - n] ?? '') && isMarker(all.slice(-n)));
}

function isMarker(parts: string[]): boolean {
  const [first = '', second = '', third = '', fourth = ''] = parts;
  if (PAGE_WORDS.has(first) && isDigits(second)) {
    return parts.length === 2 || (parts.length === 4 && ['av', 'of', '/', 'af'].includes(third) && isDigits(fourth));
  }
  if (parts.length === 3 && isDash(first) && isDigits(second) && isDash(third)) return true;
  return parts.length === 3 && isDigits(first) && second === '/' && isDigits(third);
}

function isDash(word: string): boolean {
  return word === '-' || word === '–' || word === '—';
}

/** A line that is a bare number, counting up by one from one such line to the next: page numbers. */
function countingNumbers(blocks: readonly Block[]): Set<Block> {
  const bare = blocks.filter((b): b is Extract<Block, { kind: 'text' }> => b.kind === 'text' && isBareNumber(b.text));
  const counting = new Set<Block>();
  for (let i = 0; i < bare.length; i++) {
    const n = Number(bare[i]?.text.trim());
    const previous = Number(bare[i - 1]?.text.trim());
    const next = Number(bare[i + 1]?.text.trim());
    if (previous === n - 1 || next === n + 1) counting.add(bare[i] as Block);
  }
  return counting.size >= 3 ? counting : new Set();
}

function isBareNumber(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= 3 && isDigits(trimmed);
}

/**
 * Lines repeated on at least half of the pages (and on three at least): the running header or
 * footer. Compared with their digits left out, so "Handlingsplan 2024 – side 3" matches itself on
 * every page.
 */
function runningLines(blocks: readonly Block[]): Set<string> {
  const pagesOf = new Map<string, Set<number>>();
  let page = 1;
  for (const block of blocks) {
    if (block.kind === 'break' && block.what === 'page') page += 1;
    if (block.kind !== 'text' || block.text.length > 150) continue;
    const key = furnitureKey(block.text);
    const seen = pagesOf.get(key) ?? new Set<number>();
    seen.add(block.at.page ?? page);
    pagesOf.set(key, seen);
  }
  const pages = Math.max(page, ...[...pagesOf.values()].flatMap((s) => [...s]));
  const threshold = Math.max(3, Math.ceil(pages / 2));
  return new Set([...pagesOf].filter(([key, seen]) => key.length > 0 && seen.size >= threshold).map(([key]) => key));
}

function furnitureKey(text: string): string {
  return collapseWhitespace([...text].map((ch) => (ch >= '0' && ch <= '9' ? '' : ch)).join('')).toLocaleLowerCase('nb');
}

/** "Innledning ........ 2", "Kilder …… 13", "Mål . . . . 4": a line of a table of contents. */
export function hasDotLeader(text: string): boolean {
  let run = 0;
  let longest = 0;
  for (const ch of text) {
    if (ch === '.' || ch === '…') run += ch === '…' ? 3 : 1;
    else if (ch !== ' ' || run === 0) run = 0;
    longest = Math.max(longest, run);
  }
  return longest >= 4;
}
