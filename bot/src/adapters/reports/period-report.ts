/**
 * The period's report for the council case: an Excel workbook (a summary sheet and one sheet per
 * top-level goal, statuses coloured), a tagged PDF and a Word document (report-pdf.ts,
 * report-docx.ts, both worded by report-content.ts). In the plan's language, with Norwegian dates.
 * The document's dates come from the input, never from the clock, so the same input makes the same file.
 */
import ExcelJS from 'exceljs';
import { guardTextCells } from '../files/formula-safe';
import { OVERVIEW_STATUSES, type Overview } from '../../app/get-overview';
import { REPORT_FORMATS, type FrozenReport } from '../../app/ports';
import { periodLabel, responsibleLabel, statusLabel, t, type Language } from '../../i18n';
import { reportContent, reportStamp, type ReportInput } from './report-content';
import { reportDocx } from './report-docx';
import { reportPdf } from './report-pdf';
import { STATUS_COLOURS } from './status-colours';

export type PeriodReportInput = ReportInput;

/** The report's files in the formats asked for (every format when a period is locked). */
export async function renderPeriodReport(
  input: PeriodReportInput,
  formats: readonly FrozenReport['format'][] = REPORT_FORMATS,
): Promise<FrozenReport[]> {
  const render: Record<FrozenReport['format'], (i: PeriodReportInput) => Promise<Buffer>> = {
    xlsx: periodWorkbook,
    pdf: (i) => reportPdf(reportContent(i), i.madeAt),
    docx: (i) => reportDocx(reportContent(i)),
  };
  return Promise.all(formats.map(async (format) => ({ format, bytes: await render[format](input) })));
}

export async function periodWorkbook(input: PeriodReportInput): Promise<Buffer> {
  const { overview } = input;
  const lang = overview.plan.language;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tiltak';
  workbook.created = new Date(input.madeAt);
  workbook.modified = new Date(input.madeAt);

  const summary = workbook.addWorksheet(t(lang, 'report.summary'));
  summary.addRow([overview.plan.title]).font = { bold: true, size: 14 };
  summary.addRow([`${t(lang, 'report.cover')} – ${periodLabel(lang, overview.period.id)}`]);
  summary.addRow([reportStamp(lang, input)]);
  const content = reportContent(input);
  // The filter line takes the empty row's place, so the table's frozen header stays where it was.
  summary.addRow([content.cover.filter ?? '']);
  const header = summary.addRow([
    t(lang, 'overview.goal'),
    ...OVERVIEW_STATUSES.map((s) => statusLabel(lang, s)),
    t(lang, 'status.overdue'),
  ]);
  header.font = { bold: true };
  for (const goal of withTotal(overview, lang)) {
    summary.addRow([
      `${goal.number} ${goal.text}`.trim(),
      ...OVERVIEW_STATUSES.map((s) => goal.counts[s]),
      goal.overdue,
    ]);
  }
  summary.getColumn(1).width = 60;
  summary.views = [{ state: 'frozen', ySplit: 5 }];

  const names = new Set<string>();
  for (const goal of overview.goals) {
    const sheet = workbook.addWorksheet(sheetName(`${t(lang, 'overview.goal')} ${goal.number}`, names));
    sheet.addRow([`${goal.number} ${goal.text}`]).font = { bold: true };
    const head = sheet.addRow([
      t(lang, 'report.measure'),
      '',
      t(lang, 'report.responsible'),
      t(lang, 'report.status'),
      t(lang, 'report.deadline'),
      t(lang, 'report.value'),
      t(lang, 'report.comment'),
      t(lang, 'report.reportedBy'),
    ]);
    head.font = { bold: true };
    for (const m of goal.measures) {
      const row = sheet.addRow([
        m.number,
        m.text,
        responsibleLabel(lang, m),
        statusLabel(lang, m.status),
        [m.deadline, m.overdue ? t(lang, 'status.overdue') : undefined].filter(Boolean).join(' – '),
        m.value ?? null,
        m.comment ?? '',
        m.reportedBy ?? '',
      ]);
      const tint = STATUS_COLOURS[m.status].cell.slice(1).toUpperCase();
      row.getCell(4).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${tint}` } };
    }
    sheet.columns.forEach((c, i) => (c.width = [10, 60, 30, 18, 20, 12, 60, 24][i] ?? 20));
    sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
    // Excel shows the grouping and decimal marks of the reader's locale: "1 234,5" in Norwegian.
    sheet.getColumn(6).numFmt = '#,##0.##';
    sheet.getColumn(7).alignment = { wrapText: true, vertical: 'top' };
    sheet.views = [{ state: 'frozen', ySplit: 2 }];
  }
  const decisions = workbook.addWorksheet(sheetName(content.decisions.heading, names));
  decisions.addRow([content.decisions.heading]).font = { bold: true };
  for (const line of content.decisions.lines) decisions.addRow([line]);
  decisions.getColumn(1).width = 120;
  decisions.getColumn(1).alignment = { wrapText: true, vertical: 'top' };
  const benefits = workbook.addWorksheet(sheetName(content.benefits.heading, names));
  benefits.addRow([content.benefits.heading]).font = { bold: true };
  for (const line of content.benefits.lines) benefits.addRow([line]);
  benefits.getColumn(1).width = 120;
  benefits.getColumn(1).alignment = { wrapText: true, vertical: 'top' };
  guardTextCells(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Excel's rules for sheet names: 31 characters, none of []:*?/\, unique. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28);
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base} ${i}`;
  taken.add(name);
  return name;
}

/** The goals and, last, all of them together, with their counts. */
function withTotal(
  overview: Overview,
  lang: Language,
): Pick<Overview['goals'][number], 'number' | 'text' | 'counts' | 'overdue'>[] {
  return [
    ...overview.goals,
    { number: '', text: t(lang, 'overview.total'), counts: overview.totals, overdue: overview.overdue },
  ];
}
