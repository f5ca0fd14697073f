/**
 * The council's report as a tagged PDF (PDF 1.7, structure tree, document language, title shown
 * in the viewer): a cover, a summary per goal with its chart and its numbers in words, what changed
 * since the period before, then the goal table on landscape pages, its header row repeated on each
 * page. Text is set in Source Sans 3 (embedded, subset), so Norwegian letters and the minus sign
 * print as written (PDF's standard fonts know only WinAnsi), and what it lacks, an emoji or a star,
 * in a fallback font (pdf-text.ts). Page numbers are artifacts, so a screen reader does not read them
 * in the middle of a table.
 */
import PDFDocument from 'pdfkit';
import { OVERVIEW_STATUSES } from '../../app/get-overview';
import { BOLD, REGULAR, drawText, heightOf, type TextStyle } from './pdf-text';
import type { ReportContent, TableRow } from './report-content';
import { STATUS_COLOURS } from './status-colours';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const MARGIN = 40;
/** Column widths of the goal table on a landscape A4 page (762 pt between the margins). */
const COLUMNS = [44, 180, 72, 136, 60, 100, 170];
const CELL_PADDING = 4;
const TABLE_FONT_SIZE = 8.5;

export function reportPdf(content: ReportContent, madeAt: string): Promise<Buffer> {
  const made = new Date(madeAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    pdfVersion: '1.7',
    tagged: true,
    // Says so in the XMP metadata (pdfuaid:part 1); @types/pdfkit knows only the PDF/A subsets.
    subset: 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets,
    lang: content.locale,
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: false,
    info: { Title: content.documentTitle, Author: 'Tiltak', CreationDate: made, ModDate: made },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  doc.addPage();
  cover(doc, root, content);
  doc.addPage();
  summary(doc, root, content);
  lineSection(doc, root, content.changes);
  lineSection(doc, root, content.decisions);
  lineSection(doc, root, content.benefits);
  goalTable(doc, root, content);
  root.end();
  pageNumbers(doc, content);
  doc.end();
  return done;
}

const regular = (size: number): TextStyle => ({ chain: REGULAR, size });
const bold = (size: number): TextStyle => ({ chain: BOLD, size });

/** A run of text as one structure element of the given type (H1, P …), across pages if it must. */
function block(
  doc: Doc,
  parent: Struct,
  type: string,
  text: string,
  style: TextStyle,
  options: { align?: 'center'; paragraphGap?: number } = {},
): void {
  const element = doc.struct(type);
  parent.add(element);
  drawText(doc, text, style, { width: pageWidth(doc), align: options.align, paginate: true, into: element });
  element.end();
  doc.y += options.paragraphGap ?? 0;
}

function pageWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function cover(doc: Doc, root: Struct, content: ReportContent): void {
  const { cover } = content;
  const center = { align: 'center' } as const;
  doc.font(REGULAR[0]!).fontSize(12).moveDown(6);
  doc.fillColor('#333333');
  block(doc, root, 'P', cover.municipalities, regular(14), center);
  doc.moveDown(1).fillColor('black');
  block(doc, root, 'H1', cover.title, bold(24), center);
  doc.moveDown(1);
  block(doc, root, 'P', `${cover.subtitle} – ${cover.period}`, regular(16), center);
  doc.moveDown(2);
  block(doc, root, 'P', cover.stamp, regular(11), center);
  if (cover.filter) block(doc, root, 'P', cover.filter, regular(11), center);
  doc.moveDown(4);
  block(doc, root, 'P', content.notIncluded, regular(10), center);
}

/** Per document, the bookmark of its last H1, under which the H2s after it go (the viewer's outline pane). */
const chapters = new WeakMap<Doc, PDFKit.PDFOutline>();

function heading(doc: Doc, parent: Struct, type: 'H1' | 'H2', text: string): void {
  if (doc.y > doc.page.maxY() - 60) doc.addPage();
  if (type === 'H1') chapters.set(doc, doc.outline.addItem(text));
  else (chapters.get(doc) ?? doc.outline).addItem(text);
  doc.fillColor('black');
  block(doc, parent, type, text, bold(type === 'H1' ? 16 : 12));
  doc.moveDown(0.4);
}

function summary(doc: Doc, root: Struct, content: ReportContent): void {
  const section = doc.struct('Sect');
  root.add(section);
  heading(doc, section, 'H1', content.summaryHeading);
  for (const goal of content.summaries) {
    if (doc.y > doc.page.maxY() - 80) doc.addPage();
    heading(doc, section, 'H2', goal.heading);
    const total = OVERVIEW_STATUSES.reduce((n, s) => n + goal.counts[s], 0) || 1;
    const y = doc.y;
    const width = pageWidth(doc);
    // The chart is a figure whose alternative text is its numbers in words.
    section.add(
      doc.struct('Figure', { alt: goal.chartAlt }, () => {
        let x = doc.page.margins.left;
        for (const s of OVERVIEW_STATUSES) {
          const w = (goal.counts[s] / total) * width;
          if (w > 0) doc.rect(x, y, w, 14).fillAndStroke(STATUS_COLOURS[s].bar, 'white');
          x += w;
        }
      }),
    );
    doc.x = doc.page.margins.left;
    doc.y = y + 20;
    doc.fillColor('black');
    block(doc, section, 'P', goal.words, regular(10));
    doc.moveDown(0.6);
  }
  section.end();
}

/** A chapter of lines: what changed, the meeting's decisions. */
function lineSection(doc: Doc, root: Struct, part: { heading: string; lines: string[] }): void {
  const section = doc.struct('Sect');
  root.add(section);
  doc.moveDown(0.6);
  heading(doc, section, 'H1', part.heading);
  for (const line of part.lines) block(doc, section, 'P', line, regular(10), { paragraphGap: 3 });
  section.end();
}

function goalTable(doc: Doc, root: Struct, content: ReportContent): void {
  const section = doc.struct('Sect');
  root.add(section);
  const header = content.columns.map((text): Cell => ({ text, bold: true, fill: '#e8eaf0' }));
  for (const [i, part] of content.sections.entries()) {
    doc.addPage({ layout: 'landscape', size: 'A4', margin: MARGIN });
    if (i === 0) heading(doc, section, 'H1', content.tableHeading);
    heading(doc, section, 'H2', part.heading);
    const table = doc.struct('Table');
    section.add(table);
    drawRow(doc, { table, header: true }, header);
    for (const row of part.rows) {
      const cells = cellsOf(row);
      const height = rowHeight(doc, cells);
      if (doc.y + height > doc.page.maxY() && doc.y > doc.page.margins.top + 1) {
        doc.addPage({ layout: 'landscape', size: 'A4', margin: MARGIN });
        drawRow(doc, undefined, header); // the header again, as an artifact: it was read once already
      }
      drawRow(doc, { table, header: false }, cells, height);
    }
    table.end();
  }
  section.end();
}

interface Cell {
  text: string;
  bold?: boolean;
  fill?: string;
  span?: number;
}

function cellsOf(row: TableRow): Cell[] {
  if (row.kind === 'group') return [{ text: row.text, bold: true, span: COLUMNS.length }];
  return [
    { text: row.number },
    { text: row.text },
    { text: row.statusText, fill: STATUS_COLOURS[row.status].cell },
    { text: row.indicator },
    { text: row.deadline },
    { text: row.responsible },
    { text: row.comment },
  ];
}

function widthOf(column: number, span: number): number {
  return COLUMNS.slice(column, column + span).reduce((n, w) => n + w, 0);
}

const cellStyle = (cell: Cell): TextStyle => (cell.bold ? bold : regular)(TABLE_FONT_SIZE);

/** The row's height: its tallest cell, wrapped to its column as drawRow draws it. */
function rowHeight(doc: Doc, cells: Cell[]): number {
  let column = 0;
  let height = 0;
  for (const cell of cells) {
    const span = cell.span ?? 1;
    height = Math.max(height, heightOf(doc, cell.text, cellStyle(cell), widthOf(column, span) - 2 * CELL_PADDING));
    column += span;
  }
  return height + 2 * CELL_PADDING;
}

/**
 * One row at the current position, as TR with a TH or TD per cell under `into.table` (header cells
 * scoped to their column, a spanning cell saying how far it spans); without `into`, as an artifact.
 */
function drawRow(
  doc: Doc,
  into: { table: Struct; header: boolean } | undefined,
  cells: Cell[],
  height = rowHeight(doc, cells),
): void {
  const top = doc.y;
  const row = into ? doc.struct('TR') : undefined;
  if (into && row) into.table.add(row);
  let column = 0;
  for (const cell of cells) {
    const span = cell.span ?? 1;
    const x = doc.page.margins.left + widthOf(0, column);
    const width = widthOf(column, span);
    // The cell's colour and border are layout, not content: an artifact, which a screen reader skips.
    doc.markContent('Artifact', { type: 'Layout' });
    if (cell.fill) doc.rect(x, top, width, height).fill(cell.fill);
    doc.lineWidth(0.5).rect(x, top, width, height).stroke('#9e9e9e');
    doc.endMarkedContent();
    doc.fillColor('black');
    doc.x = x + CELL_PADDING;
    doc.y = top + CELL_PADDING;
    const text = (element?: Struct) =>
      drawText(doc, cell.text, cellStyle(cell), { width: width - 2 * CELL_PADDING, into: element });
    if (into && row) {
      const element = doc.struct(into.header ? 'TH' : 'TD');
      const attributes = {
        O: 'Table',
        ...(into.header ? { Scope: 'Column' } : {}),
        ...(span > 1 ? { ColSpan: span } : {}),
      };
      if (into.header || span > 1) (element as unknown as StructDictionary).dictionary.data.A = attributes;
      row.add(element);
      text(element);
      element.end();
    } else {
      doc.markContent('Artifact', { type: 'Pagination' });
      text();
      doc.endMarkedContent();
    }
    column += span;
  }
  row?.end();
  doc.x = doc.page.margins.left;
  doc.y = top + height;
}

/** pdfkit's structure element keeps its PDF dictionary here; table attributes go into it. */
interface StructDictionary {
  dictionary: { data: Record<string, unknown> };
}

/** "Side 2 av 9" at the foot of every page but the cover, marked as a pagination artifact. */
function pageNumbers(doc: Doc, content: ReportContent): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    if (i === start) continue;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.fillColor('#333333');
    doc.x = MARGIN;
    doc.y = doc.page.height - MARGIN + 12;
    drawText(doc, content.pageLabel(i - start + 1, count), regular(9), {
      width: doc.page.width - 2 * MARGIN,
      align: 'right',
    });
    doc.endMarkedContent(); // drawText does not paginate, so writing in the margin starts no page
  }
}
