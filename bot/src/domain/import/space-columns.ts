/**
 * A table copied from a web page as plain text, with spaces between its columns instead of tabs:
 *
 *     Tiltak Prioritet Tidsfrist Ansvar
 *     Innføre digital byggesøknad 1 K Teknisk sjef
 *
 * Runs of two or more spaces part cells where the text has them. Where only single spaces remain,
 * the row is split at its anchor: a priority directly before a deadline ("1 K", "1K", "2 2025"),
 * with the text before it in the column(s) before and the text after it in the column after.
 * Lines without an anchor stay text (they continue the measure above, as a wrapped cell does).
 */
import { readPriority } from './field-values';
import { columnsOf, isHeaderRow } from './columns';
import { readDeadline, type LegendEntry } from './deadline';
import type { Block } from './source-document';
import { meaningOfHeading } from './vocabulary';
import { words } from '../text';

export function spaceSeparatedRows(blocks: readonly Block[], legend: readonly LegendEntry[]): Block[] | undefined {
  let header: string[] | undefined;
  let found = false;
  const out: Block[] = [];
  for (const block of blocks) {
    if (block.kind !== 'text') {
      out.push(block);
      continue;
    }
    const headings = headingsOf(block.text);
    if (headings && isHeaderRow(headings)) {
      header = headings;
      found = true;
      out.push({ kind: 'row', cells: headings, at: block.at });
      continue;
    }
    const cells = header ? splitRow(block.text, header, legend) : undefined;
    out.push(cells ? { kind: 'row', cells, at: block.at } : block);
  }
  return found ? out : undefined;
}

/** "Tiltak Prioritet Tidsfrist Ansvarlig enhet" → four headings; a word that means nothing joins the one before. */
function headingsOf(line: string): string[] | undefined {
  if (line.length > 200) return undefined;
  const wide = splitWide(line);
  if (wide.length >= 2) return wide;
  const headings: string[] = [];
  for (const word of words(line)) {
    if (meaningOfHeading(word) !== undefined || headings.length === 0) headings.push(word);
    else headings[headings.length - 1] = `${headings.at(-1)} ${word}`;
  }
  return headings;
}

/** Cells parted by runs of two or more spaces (or a tab's worth). */
function splitWide(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let spaces = 0;
  for (const ch of line.trim()) {
    if (ch === ' ' || ch === '\u00a0') {
      spaces++;
      continue;
    }
    if (spaces >= 2 && current) {
      cells.push(current);
      current = '';
    } else if (spaces === 1) current += ' ';
    spaces = 0;
    current += ch;
  }
  if (current) cells.push(current);
  return cells;
}

function splitRow(line: string, header: string[], legend: readonly LegendEntry[]): string[] | undefined {
  const wide = splitWide(line);
  if (wide.length === header.length) return wide;
  const columns = columnsOf(header);
  const priority = columns.findIndex((c) => c.meaning === 'priority');
  const deadline = columns.findIndex((c) => c.meaning === 'deadline');
  if (priority < 0 || deadline < 0 || Math.abs(priority - deadline) !== 1) return undefined;
  const tokens = words(line);
  const anchor = findAnchor(tokens, legend, priority < deadline);
  if (!anchor) return undefined;
  const first = Math.min(priority, deadline);
  const before = tokens.slice(0, anchor.start);
  const after = tokens.slice(anchor.end);
  if (first === 0) return undefined; // nothing can stand before the anchor: no text for the measure
  const cells = header.map(() => '');
  cells[priority] = anchor.priority;
  cells[deadline] = anchor.deadline;
  if (first === 2 && columns[0]?.meaning === 'number') {
    cells[0] = before[0] ?? '';
    cells[1] = before.slice(1).join(' ');
  } else cells[first - 1] = before.join(' ');
  if (after.length > 0 && first + 2 < header.length) cells[first + 2] = after.join(' ');
  const measureCell = cells[columns.findIndex((c) => c.meaning === 'measure')] ?? '';
  return measureCell ? cells : undefined;
}

interface Anchor {
  start: number;
  end: number;
  priority: string;
  deadline: string;
}

/** The first place where a priority stands directly before (or after) a deadline. */
function findAnchor(tokens: string[], legend: readonly LegendEntry[], priorityFirst: boolean): Anchor | undefined {
  const isDeadline = (token: string) => isDeadlineToken(token, legend);
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const next = tokens[i + 1] ?? '';
    // "1K": the digit and the code written together.
    if (priorityFirst && token.length >= 2 && isPriorityToken(token.charAt(0)) && isDeadline(token.slice(1))) {
      return { start: i, end: i + 1, priority: token.charAt(0), deadline: token.slice(1) };
    }
    if (priorityFirst && isPriorityToken(token) && next && isDeadline(next)) {
      return { start: i, end: i + 2, priority: token, deadline: next };
    }
    if (!priorityFirst && isDeadline(token) && next && isPriorityToken(next)) {
      return { start: i, end: i + 2, priority: next, deadline: token };
    }
  }
  return undefined;
}

function isPriorityToken(token: string): boolean {
  const value = readPriority(token);
  return value !== undefined && value.priority <= 9 && (value.priorityText === undefined || token.length > 1);
}

function isDeadlineToken(token: string, legend: readonly LegendEntry[]): boolean {
  const deadline = readDeadline(token, legend);
  return deadline !== undefined && deadline.kind !== 'text';
}
