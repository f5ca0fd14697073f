/**
 * Builds the plan's tree from the rows of its tables, whatever their columns. The rule of thumb,
 * as in a Word table pasted as text: in a numbered column a numbered cell starts a new node and an
 * unnumbered, non-empty cell continues the latest node of its column (a wrapped cell, a row cut by
 * a page break). In a column without numbers every filled cell starts a node (a row of a Word or
 * HTML table is a row), numbered by us. Nothing is invented: gaps are kept and reported with the
 * place they are at.
 */
import { newMeasure, type GoalNode, type Measure } from '../plan';
import { splitRoles } from '../roles';
import { collapseWhitespace, isLetter, trimEndOf } from '../text';
import type { Column } from './columns';
import { isBelow, leadingId } from './identifiers';
import { errorAt, warningAt, type ImportWarning } from './import-problems';
import type { Block, Where } from './source-document';

/** The label that starts the indicator inside a combined "Ansvarlig / Måleindikator" cell. */
const INDICATOR_LABELS = ['måleindikator:', 'indikator:', 'måleindikatorar:', 'resultatmål:'];

export interface TableRows {
  columns: Column[];
  headerAt: Where;
  blocks: Block[];
}

/** A cell of a column the tree has no place for, kept with its measure for the interpreter. */
export interface ExtraCell {
  column: Column;
  text: string;
  at: Where;
}

interface Start {
  id: string;
  text: string;
  /** Numbered by us: the document gave none. */
  ours?: true;
}

export class GoalTree {
  readonly roots: GoalNode[] = [];
  readonly warnings: ImportWarning[] = [];
  readonly measureAt = new Map<Measure, Where>();
  readonly extras = new Map<Measure, ExtraCell[]>();
  /** Nodes the document gave no number, numbered by us (1, 1.1 …). */
  readonly ours = new Set<GoalNode | Measure>();
  private cursor: (GoalNode | undefined)[] = [];
  private measure: Measure | undefined;
  private readonly parentOf = new Map<Measure, GoalNode>();
  private readonly seen = new Map<string, GoalNode>();

  /** `offset`: levels above the tables' own (1 when group headings or a single root hold them). */
  constructor(
    private readonly offset: number,
    private readonly exactRows: boolean,
  ) {}

  /** A group heading between tables ("Arbeidsprosesser"), or the one root of a plan without goal columns. */
  startGroup(text: string): void {
    const id = leadingId(text);
    const node = goalNode(0, id ? id.id : this.nextNumber(undefined), collapseWhitespace(id ? id.rest || text : text));
    if (!id) this.markOurs(node);
    this.roots.push(node);
    this.cursor = [node];
    this.measure = undefined;
  }

  addTable(table: TableRows): void {
    const levelColumns = table.columns
      .filter((c) => c.meaning === 'goal' || c.meaning === 'measure')
      .sort((a, b) => (a.level ?? 0) - (b.level ?? 0));
    const numbered = numberedLevels(table, levelColumns);
    // A new table starts below the group it is in: its own levels begin afresh.
    this.cursor = this.cursor.slice(0, this.offset);
    this.measure = undefined;
    const measureColumn = levelColumns.at(-1);
    let carried: string[] = [];
    for (const [i, block] of table.blocks.entries()) {
      if (block.kind === 'row') {
        const cells =
          carried.length && measureColumn ? withPrefix(block.cells, measureColumn.index, carried) : block.cells;
        carried = [];
        this.addRow(cells, block.at, table.columns, levelColumns, numbered);
      } else if (block.kind === 'text' && !this.exactRows) {
        // A line without cells before a row whose measure text starts in lower case begins that
        // row's text (the cell wrapped above its other cells); otherwise it continues the measure above.
        const next = table.blocks.slice(i + 1).find((b) => b.kind !== 'text');
        const nextText = next?.kind === 'row' && measureColumn ? (next.cells[measureColumn.index] ?? '').trim() : '';
        if (startsLowerCase(nextText) && !numbered.has(measureColumn?.level ?? 0)) carried.push(block.text.trim());
        else this.continueMeasureText(block.text, block.at);
      }
    }
  }

  private addRow(cells: string[], at: Where, columns: Column[], levels: Column[], numbered: Set<number>): void {
    const cell = (c: Column | undefined) => (c ? (cells[c.index] ?? '').trim() : '');
    const numberColumn = (level: number) => columns.find((c) => c.meaning === 'number' && c.level === level);
    let started = false;
    let carried = false;
    const continuedGoals: GoalNode[] = [];

    for (const column of levels) {
      const level = (column.level ?? 0) + this.offset;
      const text = cell(column);
      const idText = cell(numberColumn(column.level ?? 0));
      const isMeasure = column.meaning === 'measure';
      if (!numbered.has(column.level ?? 0) && this.repeats(text, isMeasure ? this.measure : this.cursor[level]))
        continue;
      const start = this.startOf(text, idText, numbered.has(column.level ?? 0), level, isMeasure);
      if (start) {
        if (isMeasure) {
          this.startMeasure(start, at, level);
          for (const goal of continuedGoals) this.warnings.push(warningAt(at, 'cell-continued', goal.number));
          this.applyAttributes(cells, at, columns, true);
          return;
        }
        this.startGoal(start, level, at);
        started = true;
      } else if (text) {
        carried = true;
        if (isMeasure) this.continueMeasure(text, at);
        else continuedGoals.push(this.continueGoal(text, level, at));
      }
    }
    const attributes = this.applyAttributes(cells, at, columns, false);
    if (!started && (carried || attributes)) this.warnings.push(warningAt(at, 'row-continued', this.measure?.number));
  }

  /** Whether a cell starts a node, and with which number. */
  private startOf(
    text: string,
    idText: string,
    numbered: boolean,
    level: number,
    isMeasure: boolean,
  ): Start | undefined {
    if (numbered) {
      if (idText) return { id: idText, text: collapseWhitespace(text) };
      const id = leadingId(text);
      return id ? { id: id.id, text: collapseWhitespace(id.rest) } : undefined;
    }
    if (!text) return undefined;
    const current = isMeasure ? this.measure : this.cursor[level];
    // Without numbers, a line that starts in lower case continues a wrapped cell (text, PDF).
    if (!this.exactRows && current && startsLowerCase(text)) return undefined;
    return { id: this.nextNumber(this.cursor[level - 1]), text: collapseWhitespace(text), ours: true };
  }

  /** A cell that repeats its node's text (a merged cell written on every row) adds nothing. */
  private repeats(text: string, current: { text: string } | undefined): boolean {
    return text !== '' && current !== undefined && collapseWhitespace(current.text) === collapseWhitespace(text);
  }

  private nextNumber(parent: GoalNode | undefined): string {
    if (!parent) return String(this.roots.length + 1);
    return `${parent.number}.${parent.children.length + parent.measures.length + 1}`;
  }

  private startGoal(start: Start, level: number, at: Where): void {
    const parent = level > 0 ? this.cursor[level - 1] : undefined;
    if (level > 0 && !parent) throw errorAt(at, 'row-before-goal', cellOf(start));
    if (
      parent &&
      !start.ours &&
      !this.ours.has(parent) &&
      start.id.includes('.') &&
      !isBelow(start.id, parent.number)
    ) {
      this.warnings.push(warningAt(at, 'number-mismatch', start.id));
    }
    const node = goalNode(level, start.id, start.text);
    if (start.ours) this.markOurs(node);
    (parent ? parent.children : this.roots).push(node);
    this.cursor = [...this.cursor.slice(0, level), node];
    this.measure = undefined;
  }

  private continueGoal(text: string, level: number, at: Where): GoalNode {
    const node = this.cursor[level];
    if (!node) throw errorAt(at, 'row-before-goal', text.slice(0, 60));
    node.text = join(node.text, text);
    return node;
  }

  private startMeasure(start: Start, at: Where, level: number): void {
    const parent = this.cursor[level - 1] ?? (level === 0 ? undefined : this.lastGoalAbove(level));
    if (!parent) throw errorAt(at, 'row-before-goal', cellOf(start));
    const twin = this.seen.get(start.id);
    if (twin === parent) throw errorAt(at, 'duplicate-number', start.id);
    if (!start.ours && !this.ours.has(parent) && start.id.includes('.') && !isBelow(start.id, parent.number)) {
      this.warnings.push(warningAt(at, 'number-mismatch', start.id));
    }
    this.seen.set(start.id, parent);
    const measure = newMeasure({
      number: start.id,
      text: start.text,
      responsibleText: '',
      indicator: { kind: 'deliverable', text: '' },
    });
    if (start.ours) this.markOurs(measure);
    parent.measures.push(measure);
    this.parentOf.set(measure, parent);
    this.measureAt.set(measure, at);
    this.measure = measure;
  }

  /** A table without a column for a middle level puts its measures under the deepest level there is. */
  private lastGoalAbove(level: number): GoalNode | undefined {
    for (let l = level - 1; l >= 0; l--) if (this.cursor[l]) return this.cursor[l];
    return undefined;
  }

  private markOurs(item: GoalNode | Measure): void {
    this.ours.add(item);
  }

  private continueMeasure(text: string, at: Where): void {
    if (!this.measure) throw errorAt(at, 'row-before-goal', text.slice(0, 60));
    this.measure.text = join(this.measure.text, text);
  }

  /** A line of text inside a table without cell boundaries: Word wraps a long cell this way when pasted. */
  private continueMeasureText(text: string, at: Where): void {
    if (!this.measure) throw errorAt(at, 'row-before-goal', text.trim().slice(0, 60));
    this.measure.text = join(this.measure.text, text.trim());
    this.warnings.push(warningAt(at, 'text-without-table-cells', this.measure.number));
  }

  /** Responsible and indicator go to their fields, other columns are kept for the interpreter. Returns whether any was filled. */
  private applyAttributes(cells: string[], at: Where, columns: Column[], fresh: boolean): boolean {
    let filled = false;
    for (const column of columns) {
      const text = (cells[column.index] ?? '').trim();
      if (!text || ['goal', 'measure', 'number', 'ignore'].includes(column.meaning)) continue;
      filled = true;
      const measure = this.measure;
      if (!measure) continue;
      if (column.meaning === 'responsible') applyResponsible(measure, text, false);
      else if (column.meaning === 'responsible-indicator') applyResponsible(measure, text, true);
      else if (column.meaning === 'indicator')
        measure.indicator = { kind: 'deliverable', text: join(measure.indicator.text, text) };
      else {
        const list = this.extras.get(measure) ?? [];
        const same = fresh ? undefined : list.find((e) => e.column.index === column.index);
        if (same) same.text = join(same.text, text);
        else list.push({ column, text, at });
        this.extras.set(measure, list);
      }
    }
    return filled;
  }

  parentOfMeasure(measure: Measure): GoalNode | undefined {
    return this.parentOf.get(measure);
  }
}

/** Splits "Teknisk sjef Måleindikator: Opplæring gjennomført" into responsible and indicator; appends on continuation. */
function applyResponsible(measure: Measure, cell: string, combined: boolean): void {
  const label = combined ? indicatorLabel(cell) : undefined;
  const responsiblePart = trimEndOf(label ? cell.slice(0, label.index) : cell, ',.;:').trim();
  const indicatorPart = label ? cell.slice(label.index + label.length).trim() : '';
  if (responsiblePart) {
    measure.responsibleText = join(measure.responsibleText, responsiblePart);
    measure.responsibleRoles = splitRoles(measure.responsibleText);
  }
  if (indicatorPart) measure.indicator = { kind: 'deliverable', text: join(measure.indicator.text, indicatorPart) };
}

function indicatorLabel(cell: string): { index: number; length: number } | undefined {
  const lower = cell.toLocaleLowerCase('nb');
  for (const label of INDICATOR_LABELS) {
    const index = lower.indexOf(label);
    if (index >= 0) return { index, length: label.length };
    const spaced = lower.indexOf(label.replace(':', ' :'));
    if (spaced >= 0) return { index: spaced, length: label.length + 1 };
  }
  return undefined;
}

/** Per level: whether its column is numbered (most of its filled cells start with a number, or have one beside them). */
function numberedLevels(table: TableRows, levels: Column[]): Set<number> {
  const out = new Set<number>();
  for (const column of levels) {
    const level = column.level ?? 0;
    const numberColumn = table.columns.find((c) => c.meaning === 'number' && c.level === level);
    let filled = 0;
    let ids = 0;
    for (const block of table.blocks) {
      if (block.kind !== 'row') continue;
      const text = (block.cells[column.index] ?? '').trim();
      const id = numberColumn ? (block.cells[numberColumn.index] ?? '').trim() : '';
      if (!text && !id) continue;
      filled++;
      if (id || leadingId(text)) ids++;
    }
    if (ids > 0 && ids * 2 >= filled) out.add(level);
  }
  return out;
}

/** Node ids are "g" + the number at every level, as plan documents derive them. */
function goalNode(level: number, number: string, text: string): GoalNode {
  return { id: `g${number}`, level, number, text, children: [], measures: [] };
}

/** The cell as written (its number and text), shortened, to name it in a message. */
function cellOf(start: Start): string {
  return (start.ours ? start.text : `${start.id} ${start.text}`).trim().slice(0, 60);
}

function withPrefix(cells: string[], index: number, prefix: string[]): string[] {
  return cells.map((c, i) => (i === index ? [...prefix, c.trim()].join(' ') : c));
}

function startsLowerCase(text: string): boolean {
  const ch = text.charAt(0);
  return isLetter(ch) && ch === ch.toLocaleLowerCase('nb') && ch !== ch.toLocaleUpperCase('nb');
}

export function join(a: string, b: string): string {
  return a ? `${a} ${b}` : b;
}
