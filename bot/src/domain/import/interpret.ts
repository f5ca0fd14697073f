/**
 * The one interpreter of plan documents, whatever format they came in (see source-document.ts):
 * page furniture and deadline legends first, then the header row and what each column means, the
 * group headings between tables, and the tree of goals and measures; a table copied with spaces
 * instead of tabs is split at its anchors, and a document without any table is read as an
 * outline. The coordinator's choices (column meanings, level names, how a responsible cell
 * splits) are applied to the whole document, so the preview and the saved plan agree.
 */
import type { Cadence } from '../period';
import type { GoalNode } from '../plan';
import type { ImportChoices } from './choices';
import { columnsOf, isHeaderRow, levelNamesOf, looksLikeHeader, sameHeader, type Column } from './columns';
import { readLegendLine, type LegendEntry } from './deadline';
import { finishMeasures, type DocumentStatus } from './finish-measures';
import { GoalTree, type TableRows } from './goal-tree';
import { errorAt, ImportError, warningAt, type ImportWarning } from './import-problems';
import { outlineTree } from './outline-tree';
import { readOutline } from './outline';
import { withoutPageFurniture } from './page-furniture';
import type { Block, SourceDocument, SourceFormat, Where } from './source-document';
import { spaceSeparatedRows } from './space-columns';
import type { FieldMeaning } from './vocabulary';

export type { DocumentStatus, ImportChoices };

export interface ReadingColumn {
  heading: string;
  meaning: FieldMeaning;
  level?: number;
  chosen: boolean;
}

/** How the document was read, for the preview: the coordinator checks it and corrects it. */
export interface Reading {
  method: 'table' | 'spaces' | 'outline';
  format: SourceFormat;
  encoding?: string;
  pages?: number;
  headerAt?: Where;
  columns: ReadingColumn[];
  levels: string[];
  /** Some items had no number in the document and were numbered by us. */
  numberedByUs: boolean;
  legend: LegendEntry[];
  /** Responsible cells that name several roles, with the split, for the coordinator to check. */
  responsibleCells: { text: string; roles: string[] }[];
}

export interface Interpretation {
  levels: string[];
  statusColumnLabel: string;
  cadence: Cadence;
  goals: GoalNode[];
  warnings: ImportWarning[];
  reading: Reading;
  /** Statuses the document's status column gave, to be stored as taken from the document. */
  statuses: DocumentStatus[];
}

const GROUP_LEVEL = 'Område';
const MAX_HEADING = 150;

export function interpretDocument(doc: SourceDocument, choices: ImportChoices = {}): Interpretation {
  const legend: LegendEntry[] = [];
  const blocks = withoutPageFurniture(doc.blocks).filter((b) => {
    const entries = b.kind === 'text' ? readLegendLine(b.text) : [];
    legend.push(...entries);
    return entries.length === 0;
  });
  const base = {
    format: doc.format,
    ...(doc.encoding ? { encoding: doc.encoding } : {}),
    ...(doc.pages ? { pages: doc.pages } : {}),
  };

  if (blocks.some((b) => b.kind === 'row' && isHeaderRow(b.cells)))
    return readTables(blocks, doc.exactRows, legend, choices, { ...base, method: 'table' });
  const spaced = spaceSeparatedRows(blocks, legend);
  if (spaced) return readTables(spaced, false, legend, choices, { ...base, method: 'spaces' });
  const items = readOutline(blocks);
  if (items.some((i) => i.segments.length >= 2)) {
    const tree = outlineTree(items, legend, choices);
    return { ...tree, reading: { ...base, ...tree.reading, method: 'outline', legend } };
  }
  throw noHeader(blocks);
}

/** No header row: name the row that nearly is one, else the start of the document. */
function noHeader(blocks: Block[]): ImportError {
  const near = blocks.find((b) => b.kind === 'row' && looksLikeHeader(b.cells));
  if (near?.kind === 'row')
    return errorAt(
      near.at,
      'near-header',
      near.cells
        .map((c) => c.trim())
        .filter(Boolean)
        .join(', '),
    );
  return new ImportError(1, 'no-header');
}

interface Segment extends TableRows {
  heading?: string;
}

function readTables(
  blocks: Block[],
  exactRows: boolean,
  legend: LegendEntry[],
  choices: ImportChoices,
  base: Pick<Reading, 'method' | 'format' | 'encoding' | 'pages'>,
): Interpretation {
  // A header directly followed by a heading row leaves a segment without rows: it only gave the columns.
  const segments = segment(blocks, exactRows, choices).filter((s) => s.blocks.some((b) => b.kind === 'row'));
  const first = segments[0];
  if (!first) throw new ImportError(1, 'no-header');
  const headed = segments.filter((s) => s.heading).length;
  const anyGoalColumns = segments.some((s) => s.columns.some((c) => c.meaning === 'goal'));
  const groups = headed >= 2 || (!anyGoalColumns && headed >= 1);
  const offset = groups || !anyGoalColumns ? 1 : 0;
  const tree = new GoalTree(offset, exactRows);
  for (const s of segments) {
    if (groups && s.heading) tree.startGroup(s.heading);
    else if (offset === 1 && tree.roots.length === 0) {
      tree.startGroup(s.heading ?? s.columns.find((c) => c.meaning === 'measure')?.heading ?? GROUP_LEVEL);
      if (!s.heading) tree.warnings.push(warningAt(s.headerAt, 'one-group'));
    }
    tree.addTable(s);
  }
  if (tree.roots.every((g) => countMeasures(g) === 0)) throw errorAt({ line: first.headerAt.line + 1 }, 'no-rows');

  const columnLevels = levelNamesOf(first.columns);
  const levels = named([...(offset ? [GROUP_LEVEL] : []), ...columnLevels], choices);
  const status = first.columns.find((c) => c.meaning === 'status');
  const statusColumnLabel = status?.heading.trim() ?? '';
  const finished = finishMeasures(tree, legend, choices, {
    responsible: segments.some((s) =>
      s.columns.some((c) => c.meaning === 'responsible' || c.meaning === 'responsible-indicator'),
    ),
    indicator: segments.some((s) =>
      s.columns.some((c) => c.meaning === 'indicator' || c.meaning === 'responsible-indicator'),
    ),
  });
  if (tree.ours.size > 0) finished.warnings.push(warningAt(first.headerAt, 'numbered-by-us'));
  return {
    levels,
    statusColumnLabel,
    cadence: cadenceFromStatusLabel(statusColumnLabel),
    goals: tree.roots,
    warnings: sortByPlace(finished.warnings),
    statuses: finished.statuses,
    reading: {
      ...base,
      headerAt: first.headerAt,
      columns: first.columns.map(readingColumn),
      levels,
      numberedByUs: tree.ours.size > 0,
      legend,
      responsibleCells: finished.responsibleCells,
    },
  };
}

/**
 * Cuts the blocks into tables: a header row starts one (a repeated header continues it), a
 * heading before a header or a spanning row starts a group. Rows before the first header, and
 * text after the last row, are not part of any table.
 */
function segment(blocks: Block[], exactRows: boolean, choices: ImportChoices): Segment[] {
  const segments: Segment[] = [];
  let current: Segment | undefined;
  let header: string[] | undefined;
  let pending: Extract<Block, { kind: 'text' }>[] = [];
  const open = (columns: Column[], headerAt: Where, heading?: string): Segment => {
    const s: Segment = { columns, headerAt, blocks: [], ...(heading ? { heading } : {}) };
    segments.push(s);
    return s;
  };
  for (const block of blocks) {
    if (block.kind === 'row' && isHeaderRow(block.cells)) {
      const heading = headingOf(pending);
      if (current && header && sameHeader(header, block.cells) && !heading) {
        if (!exactRows) current.blocks.push(...pending);
      } else {
        current = open(columnsOf(block.cells, choices.columns), block.at, heading);
        header = block.cells;
      }
      pending = [];
    } else if (block.kind === 'row' && current) {
      if (block.spanning) {
        current = open(current.columns, block.at, block.cells.find((c) => c.trim())?.trim());
      } else {
        if (!exactRows) current.blocks.push(...pending);
        current.blocks.push(block);
      }
      pending = [];
    } else if (block.kind === 'text' && current) {
      pending.push(block);
    } else if (block.kind === 'text') {
      pending = [...pending.slice(-2), block];
    } else if (block.kind === 'break' && block.what === 'table') {
      pending = [];
    }
  }
  return segments;
}

/** A heading above a table: the last short line before it that is not a sentence. */
function headingOf(pending: Extract<Block, { kind: 'text' }>[]): string | undefined {
  const last = pending.at(-1);
  if (!last) return undefined;
  const text = last.text.trim();
  if (text.length === 0 || text.length > MAX_HEADING || (text.endsWith('.') && !last.heading)) return undefined;
  return text;
}

function readingColumn(c: Column): ReadingColumn {
  return {
    heading: c.heading.trim(),
    meaning: c.meaning,
    ...(c.level !== undefined ? { level: c.level } : {}),
    chosen: c.chosen,
  };
}

function named(levels: string[], choices: ImportChoices): string[] {
  return levels.map((name, i) => choices.levelNames?.[i]?.trim() || name);
}

function countMeasures(node: GoalNode): number {
  return node.measures.length + node.children.reduce((n, c) => n + countMeasures(c), 0);
}

export function cadenceFromStatusLabel(label: string): Cadence {
  const lower = label.toLocaleLowerCase('nb');
  if (lower.includes('terti') || lower.includes('30.04') || lower.includes('30.4')) return { kind: 'tertial' };
  if (lower.includes('kvartal') || lower.includes('quarter')) return { kind: 'quarterly' };
  return { kind: 'yearly', dueMonth: 1 };
}

function sortByPlace(warnings: ImportWarning[]): ImportWarning[] {
  return [...warnings].sort(
    (a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || (a.page ?? 0) - (b.page ?? 0) || a.line - b.line,
  );
}
