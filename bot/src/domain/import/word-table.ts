/**
 * Parses a goal table pasted from Word or PDF: tab-separated cells, one table row per line as a
 * rule, but with the damage real documents have — repeated header rows on every page, a row split
 * by a page break (its cells continue on a later line without numbers), a number alone in its cell
 * with the text on the next line, "Måleindikator:" sharing a cell with the responsible role.
 *
 * Rule of thumb: a numbered cell starts a new node; an unnumbered, non-empty cell continues the
 * latest node of its column. Nothing is invented: gaps are kept and reported as warnings tied to
 * the source line.
 */
import type { Cadence } from '../period';
import { newMeasure, type GoalNode, type Indicator, type Measure } from '../plan';
import { splitRoles } from '../roles';
import { trimEndOf, withoutTrailingYear } from '../text';

export type ImportWarningCode =
  | 'row-continued'
  | 'cell-continued'
  | 'text-without-table-cells'
  | 'empty-text'
  | 'missing-responsible'
  | 'missing-indicator'
  | 'number-mismatch'
  | 'status-ignored';

export interface ImportWarning {
  line: number;
  code: ImportWarningCode;
  /** The node the warning is about, by its number ("7.3.1"), when there is one. */
  number?: string;
}

export class ImportError extends Error {
  constructor(
    readonly line: number,
    readonly code: 'no-header' | 'no-rows' | 'row-before-goal' | 'duplicate-number',
    readonly detail = '',
  ) {
    super(`Line ${line}: ${code}${detail ? ` (${detail})` : ''}`);
    this.name = 'ImportError';
  }
}

export interface ParsedGoalTable {
  levels: string[];
  statusColumnLabel: string;
  cadence: Cadence;
  goals: GoalNode[];
  warnings: ImportWarning[];
}

const MEASURE_LEVEL_COLUMN = 2;
const RESPONSIBLE_COLUMN = 3;
const STATUS_COLUMN = 4;
const INDICATOR_LABEL = /m[åa]leindikator\s*:/i;
/** "Mål 1 Tekst", "1.1 Tekst", "1.3.1. Tekst", or a number alone. */
const NUMBERED_CELL = /^(?:(?:hoved|hovud)?m[åa]l\s+)?(\d+(?:\.\d+)*)\.?(?=\s|$)(.*)$/isu;

interface Cursor {
  goal?: GoalNode;
  strategy?: GoalNode;
  measure?: Measure;
  measureLine: number;
}

export function parseWordGoalTable(text: string): ParsedGoalTable {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const headerIndex = lines.findIndex(isHeaderRow);
  if (headerIndex < 0) throw new ImportError(1, 'no-header');
  const header = splitCells(lines[headerIndex] ?? '');
  const headerKey = normalise(header[0] ?? '');
  const lastTabbedIndex = findLastIndex(lines, (l) => l.includes('\t'));

  const goals: GoalNode[] = [];
  const warnings: ImportWarning[] = [];
  const measureLines = new Map<Measure, number>();
  const seenNumbers = new Set<string>();
  const cursor: Cursor = { measureLine: 0 };

  for (let i = headerIndex + 1; i <= lastTabbedIndex; i++) {
    const raw = lines[i] ?? '';
    const lineNo = i + 1;
    if (raw.trim() === '') continue;
    const cells = splitCells(raw);
    if (normalise(cells[0] ?? '') === headerKey) continue; // header repeated on a new page

    if (!raw.includes('\t')) {
      // A line of text inside the table without any cell boundary: it can only continue the
      // text of the latest measure (Word wraps a long cell this way when pasted).
      if (!cursor.measure) throw new ImportError(lineNo, 'row-before-goal', raw.trim().slice(0, 60));
      cursor.measure.text = join(cursor.measure.text, raw.trim());
      warnings.push({ line: lineNo, code: 'text-without-table-cells', number: cursor.measure.number });
      continue;
    }

    const continued = applyRow(cells, lineNo, cursor, goals, warnings, seenNumbers);
    if (cursor.measure && !measureLines.has(cursor.measure)) measureLines.set(cursor.measure, lineNo);
    if (continued) warnings.push({ line: lineNo, code: 'row-continued', number: cursor.measure?.number });
    const status = (cells[STATUS_COLUMN] ?? '').trim();
    if (status) warnings.push({ line: lineNo, code: 'status-ignored', number: cursor.measure?.number });
  }

  if (goals.length === 0) throw new ImportError(headerIndex + 2, 'no-rows');
  warnings.push(...gapWarnings(goals, measureLines));
  warnings.sort((a, b) => a.line - b.line);

  const statusColumnLabel = (header[STATUS_COLUMN] ?? '').trim();
  return {
    levels: header.slice(0, MEASURE_LEVEL_COLUMN + 1).map(levelName),
    statusColumnLabel,
    cadence: cadenceFromStatusLabel(statusColumnLabel),
    goals,
    warnings,
  };
}

/** Applies one tabbed row. Returns true when the row only continued earlier nodes (a page break). */
function applyRow(
  cells: string[],
  lineNo: number,
  cursor: Cursor,
  goals: GoalNode[],
  warnings: ImportWarning[],
  seenNumbers: Set<string>,
): boolean {
  const [goalCell = '', strategyCell = '', measureCell = ''] = cells.map((c) => c.trim());
  const responsibleCell = (cells[RESPONSIBLE_COLUMN] ?? '').trim();
  let startedSomething = false;

  const goalStart = numbered(goalCell);
  if (goalStart) {
    cursor.goal = node(0, goalStart.number, goalStart.text);
    goals.push(cursor.goal);
    cursor.strategy = undefined;
    cursor.measure = undefined;
    startedSomething = true;
  } else if (goalCell) {
    if (!cursor.goal) throw new ImportError(lineNo, 'row-before-goal', goalCell.slice(0, 60));
    cursor.goal.text = join(cursor.goal.text, goalCell);
  }

  const strategyStart = numbered(strategyCell);
  if (strategyStart) {
    if (!cursor.goal) throw new ImportError(lineNo, 'row-before-goal', strategyCell.slice(0, 60));
    if (!strategyStart.number.startsWith(`${cursor.goal.number}.`)) {
      warnings.push({ line: lineNo, code: 'number-mismatch', number: strategyStart.number });
    }
    cursor.strategy = node(1, strategyStart.number, strategyStart.text);
    cursor.goal.children.push(cursor.strategy);
    cursor.measure = undefined;
    startedSomething = true;
  } else if (strategyCell) {
    if (!cursor.strategy) throw new ImportError(lineNo, 'row-before-goal', strategyCell.slice(0, 60));
    cursor.strategy.text = join(cursor.strategy.text, strategyCell);
  }

  const measureStart = numbered(measureCell);
  if (measureStart) {
    if (!cursor.strategy) throw new ImportError(lineNo, 'row-before-goal', measureCell.slice(0, 60));
    if (seenNumbers.has(measureStart.number)) throw new ImportError(lineNo, 'duplicate-number', measureStart.number);
    if (strategyCell && !strategyStart) {
      // The strategy's text sits on the row of its second measure (its number stood alone above).
      warnings.push({ line: lineNo, code: 'cell-continued', number: cursor.strategy.number });
    }
    seenNumbers.add(measureStart.number);
    if (!measureStart.number.startsWith(`${cursor.strategy.number}.`)) {
      warnings.push({ line: lineNo, code: 'number-mismatch', number: measureStart.number });
    }
    cursor.measure = newMeasure({
      number: measureStart.number,
      text: measureStart.text,
      responsibleText: '',
      indicator: { kind: 'deliverable', text: '' },
    });
    cursor.measureLine = lineNo;
    cursor.strategy.measures.push(cursor.measure);
    applyResponsible(cursor.measure, responsibleCell);
    return false;
  }
  if (measureCell) {
    if (!cursor.measure) throw new ImportError(lineNo, 'row-before-goal', measureCell.slice(0, 60));
    cursor.measure.text = join(cursor.measure.text, measureCell);
  }
  if (responsibleCell && cursor.measure) applyResponsible(cursor.measure, responsibleCell);
  // A row that started nothing yet carried text continues the row above it (a page break).
  return !startedSomething && (goalCell !== '' || measureCell !== '' || responsibleCell !== '');
}

/** Splits "Teknisk sjef Måleindikator: Opplæring gjennomført" into responsible and indicator; appends on continuation. */
function applyResponsible(measure: Measure, cell: string): void {
  const match = INDICATOR_LABEL.exec(cell);
  const responsiblePart = tidy(match ? cell.slice(0, match.index) : cell);
  const indicatorPart = match ? cell.slice(match.index + match[0].length).trim() : '';
  if (responsiblePart) {
    measure.responsibleText = join(measure.responsibleText, responsiblePart);
    measure.responsibleRoles = splitRoles(measure.responsibleText);
  }
  if (indicatorPart) {
    const indicator: Indicator = { kind: 'deliverable', text: join(measure.indicator.text, indicatorPart) };
    measure.indicator = indicator;
  }
}

function gapWarnings(goals: GoalNode[], measureLines: Map<Measure, number>): ImportWarning[] {
  const out: ImportWarning[] = [];
  const walk = (nodes: GoalNode[]): void => {
    for (const n of nodes) {
      const line = firstLineOf(n, measureLines);
      if (!n.text) out.push({ line, code: 'empty-text', number: n.number });
      for (const m of n.measures) {
        const mLine = measureLines.get(m) ?? line;
        if (!m.text) out.push({ line: mLine, code: 'empty-text', number: m.number });
        if (m.responsibleRoles.length === 0) out.push({ line: mLine, code: 'missing-responsible', number: m.number });
        if (!m.indicator.text) out.push({ line: mLine, code: 'missing-indicator', number: m.number });
      }
      walk(n.children);
    }
  };
  walk(goals);
  return out;
}

function firstLineOf(n: GoalNode, measureLines: Map<Measure, number>): number {
  const first = n.measures[0] ?? n.children[0]?.measures[0];
  return first ? (measureLines.get(first) ?? 0) : 0;
}

/** Node ids are "g" + the number at every level, as plan documents derive them. */
function node(level: number, number: string, text: string): GoalNode {
  return { id: `g${number}`, level, number, text, children: [], measures: [] };
}

function numbered(cell: string): { number: string; text: string } | undefined {
  const m = NUMBERED_CELL.exec(cell);
  if (!m) return undefined;
  return { number: m[1] ?? '', text: tidyText(m[2] ?? '') };
}

function isHeaderRow(line: string): boolean {
  const cells = splitCells(line).map(normalise);
  return cells.length >= 4 && cells.some((c) => c.startsWith('tiltak')) && cells.some((c) => c.startsWith('ansvarl'));
}

function splitCells(line: string): string[] {
  return line.split('\t');
}

function normalise(s: string): string {
  return s.trim().toLocaleLowerCase('nb');
}

/** "Tiltak 2023" names the level "Tiltak": the year is the edition of the table, not the level. */
function levelName(cell: string): string {
  return withoutTrailingYear(cell.trim());
}

function cadenceFromStatusLabel(label: string): Cadence {
  if (/terti/i.test(label) || /30\.0?4/.test(label)) return { kind: 'tertial' };
  if (/kvartal|quarter/i.test(label)) return { kind: 'quarterly' };
  return { kind: 'yearly', dueMonth: 1 };
}

function join(a: string, b: string): string {
  return a ? `${a} ${b}` : b;
}

/** Removes the separators Word leaves at the end of a responsible cell ("Teknisk sjef.", "…digitalisering,"). */
function tidy(s: string): string {
  return trimEndOf(s, ',.;:').trim();
}

function tidyText(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function findLastIndex<T>(items: T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i] as T)) return i;
  return -1;
}
