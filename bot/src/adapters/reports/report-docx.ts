/**
 * The council's report as a Word document, for pasting into the case document (saksframlegg): the
 * same content as the PDF (report-content.ts), with Word's own headings (Heading 1/2, so the
 * navigation pane and a screen reader find them), the goal table as a Word table whose header row
 * repeats on every page, the document's language set, and page numbers as Word fields.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { OVERVIEW_STATUSES } from '../../app/get-overview';
import type { GoalSummary, ReportContent, TableRow as ContentRow } from './report-content';
import { STATUS_COLOURS } from './status-colours';

/** Column widths of the goal table in twentieths of a point, on a landscape A4 page. */
const COLUMNS = [800, 3300, 1300, 2500, 1100, 1800, 3100];
const FONT = 'Calibri';

/** Word writes its own creation time into the package; the report's date is the one on its cover. */
export async function reportDocx(content: ReportContent): Promise<Buffer> {
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({
            children: content.pageLabelParts.map((p) =>
              typeof p === 'string' ? p : p.field === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES,
            ),
          }),
        ],
      }),
    ],
  });
  const doc = new Document({
    creator: 'Tiltak',
    title: content.documentTitle,
    description: content.cover.subtitle,
    styles: { default: { document: { run: { font: FONT, size: 22, language: { value: content.locale } } } } },
    sections: [
      {
        footers: { default: footer },
        children: [
          ...cover(content),
          ...summary(content),
          ...lineSection(content.changes),
          ...lineSection(content.decisions),
          ...lineSection(content.benefits),
        ],
      },
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        footers: { default: footer },
        children: goalTable(content),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function paragraph(text: string, options: { bold?: boolean; size?: number; centre?: boolean } = {}): Paragraph {
  return new Paragraph({
    ...(options.centre ? { alignment: AlignmentType.CENTER } : {}),
    spacing: { after: 120 },
    children: lines(text, { bold: options.bold, size: options.size }),
  });
}

/** A text with line breaks as runs Word breaks at. */
function lines(text: string, style: { bold?: boolean | undefined; size?: number | undefined } = {}): TextRun[] {
  return text.split('\n').map(
    (line, i) =>
      new TextRun({
        text: line,
        ...(i > 0 ? { break: 1 } : {}),
        ...(style.bold ? { bold: true } : {}),
        ...(style.size ? { size: style.size } : {}),
      }),
  );
}

function cover(content: ReportContent): Paragraph[] {
  const { cover } = content;
  return [
    paragraph(cover.municipalities, { size: 28, centre: true }),
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, text: cover.title }),
    paragraph(`${cover.subtitle} – ${cover.period}`, { size: 32, centre: true }),
    paragraph(cover.stamp, { centre: true }),
    ...(cover.filter ? [paragraph(cover.filter, { centre: true })] : []),
    paragraph(content.notIncluded, { centre: true }),
  ];
}

function summary(content: ReportContent): (Paragraph | Table)[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: content.summaryHeading, pageBreakBefore: true }),
    ...content.summaries.flatMap((goal) => [
      new Paragraph({ heading: HeadingLevel.HEADING_2, text: goal.heading }),
      chart(goal),
      paragraph(goal.words),
    ]),
  ];
}

/** The goal's bar as a one-row table of coloured parts, each with its count; the words follow it. */
function chart(goal: GoalSummary): Table {
  const total = OVERVIEW_STATUSES.reduce((n, s) => n + goal.counts[s], 0);
  const parts = OVERVIEW_STATUSES.filter((s) => goal.counts[s] > 0);
  const cells = (parts.length ? parts : (['not_reported'] as const)).map((s) => {
    const share = total ? goal.counts[s] / total : 1;
    const dark = ['done', 'delayed', 'cancelled'].includes(s);
    return new TableCell({
      width: { size: Math.max(4, Math.round(share * 100)), type: WidthType.PERCENTAGE },
      shading: { type: ShadingType.CLEAR, fill: STATUS_COLOURS[s].bar.slice(1).toUpperCase(), color: 'auto' },
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: String(goal.counts[s]), color: dark ? 'FFFFFF' : '000000', size: 18 })],
        }),
      ],
    });
  });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [new TableRow({ children: cells })] });
}

/** A chapter of lines: what changed, the meeting's decisions. */
function lineSection(part: { heading: string; lines: string[] }): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: part.heading }),
    ...part.lines.map((line) => paragraph(line)),
  ];
}

function goalTable(content: ReportContent): (Paragraph | Table)[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: content.tableHeading }),
    ...content.sections.flatMap((section) => [
      new Paragraph({ heading: HeadingLevel.HEADING_2, text: section.heading }),
      new Table({
        columnWidths: COLUMNS,
        width: { size: COLUMNS.reduce((n, w) => n + w, 0), type: WidthType.DXA },
        rows: [
          new TableRow({
            tableHeader: true,
            cantSplit: true,
            children: content.columns.map((text, i) => cell(text, i, { bold: true, fill: 'E8EAF0' })),
          }),
          ...section.rows.map(row),
        ],
      }),
    ]),
  ];
}

function cell(text: string, column: number, style: { bold?: boolean; fill?: string; span?: number } = {}): TableCell {
  const span = style.span ?? 1;
  return new TableCell({
    width: { size: COLUMNS.slice(column, column + span).reduce((n, w) => n + w, 0), type: WidthType.DXA },
    ...(span > 1 ? { columnSpan: span } : {}),
    ...(style.fill ? { shading: { type: ShadingType.CLEAR, fill: style.fill, color: 'auto' } } : {}),
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [new Paragraph({ children: lines(text, { bold: style.bold, size: 18 }) })],
  });
}

function row(r: ContentRow): TableRow {
  if (r.kind === 'group')
    return new TableRow({ cantSplit: true, children: [cell(r.text, 0, { bold: true, span: COLUMNS.length })] });
  return new TableRow({
    cantSplit: true,
    children: [
      cell(r.number, 0),
      cell(r.text, 1),
      cell(r.statusText, 2, { fill: STATUS_COLOURS[r.status].cell.slice(1).toUpperCase() }),
      cell(r.indicator, 3),
      cell(r.deadline, 4),
      cell(r.responsible, 5),
      cell(r.comment, 6),
    ],
  });
}
