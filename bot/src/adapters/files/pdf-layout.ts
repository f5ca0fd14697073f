/**
 * Finds the tables in a PDF's positioned lines, by geometry: a line whose chunks are column words
 * ("Tiltak", "Prioritet", "Tidsfrist", "Ansvar") is a header, and its chunks' left edges are the
 * columns. Below it, a line whose chunks each stay inside one column belongs to the table; a line
 * close under the one before (a line's height, not a row's padding) continues the same row, as a
 * wrapped cell does. Anything else is text: a larger font makes a heading. Page breaks are kept,
 * so a row cut by one is mended by the interpreter; a running header in a smaller font stays
 * text, and the interpreter removes it.
 */
import { isHeaderRow } from '../../domain/import/columns';
import type { Block } from '../../domain/import/source-document';

export interface PdfChunk {
  text: string;
  x0: number;
  x1: number;
}

export interface PdfLine {
  /** Baseline, from the bottom of the page. */
  y: number;
  /** Font height. */
  size: number;
  chunks: PdfChunk[];
}

interface Table {
  starts: number[];
  size: number;
}

interface OpenRow {
  cells: string[];
  y: number;
  at: { page: number; line: number };
  /** Columns the row's last line had text in: a column whose text stopped cannot go on in the same row. */
  lastLine: boolean[];
}

/** Two lines of one cell are about 1.2 font heights apart; rows have padding between them. */
const WRAP_GAP = 1.4;
/** A row's lines are at most this many font heights below the row above (padding and border). */
const ROW_GAP = 2.5;
/** A gap this many font heights below the table ends it. */
const TABLE_END_GAP = 3;
const TOLERANCE = 2;

export function layoutPages(pages: PdfLine[][]): Block[] {
  const blocks: Block[] = [];
  const sizes = pages
    .flat()
    .map((l) => l.size)
    .sort((a, b) => a - b);
  const bodySize = sizes[Math.floor(sizes.length / 2)] ?? 10;
  let table: Table | undefined;
  let row: OpenRow | undefined;
  let lastTableY: number | undefined;
  const flush = () => {
    if (row) blocks.push({ kind: 'row', cells: row.cells, at: row.at });
    row = undefined;
  };

  pages.forEach((lines, p) => {
    const page = p + 1;
    if (p > 0) {
      flush();
      blocks.push({ kind: 'break', what: 'page', at: { page, line: 1 } });
      lastTableY = undefined;
    }
    lines.forEach((line, i) => {
      const at = { page, line: i + 1 };
      const texts = line.chunks.map((c) => c.text.trim());
      if (isHeaderRow(texts)) {
        flush();
        table = { starts: line.chunks.map((c) => c.x0), size: line.size };
        row = { cells: texts, y: line.y, at, lastLine: texts.map(() => true) };
        lastTableY = line.y;
        return;
      }
      const ended = table && lastTableY !== undefined && lastTableY - line.y > TABLE_END_GAP * table.size;
      const cells = table && !ended ? cellsIn(line, table) : undefined;
      if (table && cells) {
        if (row && row.y - line.y <= WRAP_GAP * line.size && !resumes(row, cells)) {
          row.cells = row.cells.map((c, k) => join(c, cells[k] ?? ''));
          row.y = line.y;
          row.lastLine = cells.map((c) => c !== '');
        } else {
          flush();
          row = { cells, y: line.y, at, lastLine: cells.map((c) => c !== '') };
        }
        lastTableY = line.y;
        return;
      }
      if (table && !ended && lastTableY !== undefined && spansTable(line, table, lastTableY)) {
        // A line across the columns, right under the table's last row: a heading row of the table.
        flush();
        blocks.push({
          kind: 'row',
          cells: [texts.join(' '), ...table.starts.slice(1).map(() => '')],
          at,
          spanning: true,
        });
        lastTableY = line.y;
        return;
      }
      flush();
      if (ended) {
        blocks.push({ kind: 'break', what: 'table', at });
        table = undefined;
      }
      const text = texts.join(' ');
      blocks.push({ kind: 'text', text, at, ...(line.size > bodySize * 1.2 ? { heading: true } : {}) });
    });
  });
  flush();
  return blocks;
}

/**
 * Whether the line starts a new row although it stands close under the last: a column whose
 * text had stopped gets text again (a cell spanning several rows, such as a goal beside its
 * measures, keeps the lines close while the rows beside it change).
 */
function resumes(row: OpenRow, cells: string[]): boolean {
  return cells.some((c, k) => c !== '' && row.cells[k] !== '' && !row.lastLine[k]);
}

function spansTable(line: PdfLine, table: Table, lastY: number): boolean {
  const first = line.chunks[0];
  const start = table.starts[0] ?? 0;
  return (
    first !== undefined &&
    Math.abs(first.x0 - start) <= TOLERANCE * 2 &&
    Math.abs(line.size - table.size) <= table.size * 0.2 &&
    lastY - line.y <= ROW_GAP * table.size
  );
}

/** The line's chunks by column, or undefined when the line does not fit the table's columns. */
function cellsIn(line: PdfLine, table: Table): string[] | undefined {
  if (Math.abs(line.size - table.size) > table.size * 0.15) return undefined;
  const cells = table.starts.map(() => '');
  for (const chunk of line.chunks) {
    const k = columnAt(table.starts, chunk.x0);
    if (k < 0) return undefined;
    const next = table.starts[k + 1];
    if (next !== undefined && chunk.x1 > next + TOLERANCE) return undefined; // runs across a column: a paragraph
    cells[k] = join(cells[k] ?? '', chunk.text.trim());
  }
  return cells;
}

function columnAt(starts: number[], x: number): number {
  let found = -1;
  starts.forEach((s, k) => {
    if (s <= x + TOLERANCE) found = k;
  });
  return found;
}

/** Joins a cell's lines; a word broken at its hyphen ("IKT-" / "strategi") is joined without a space. */
function join(a: string, b: string): string {
  if (!a || !b) return a || b;
  const first = b.split(' ', 1)[0] ?? '';
  const hyphenated = /\p{L}-$/u.test(a) && /^\p{Ll}/u.test(b) && !JOINING_WORDS.has(first);
  return hyphenated ? `${a}${b}` : `${a} ${b}`;
}

/** Words after a hyphen that show it was a real one: "helse- og omsorg". */
const JOINING_WORDS = new Set(['og', 'eller', 'and', 'or', 'och', 'samt', 'som']);
