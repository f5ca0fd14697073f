/**
 * The period's report for the council case: an Excel workbook (a summary sheet and one sheet per
 * top-level goal) and a PDF (cover page, a chart per goal with its numbers written out, the goal
 * table with each measure's status). In the plan's language, with Norwegian dates. The document's
 * dates come from the input, never from the clock, so the same input makes the same file.
 */
import ExcelJS from 'exceljs';
import { guardTextCells } from '../files/formula-safe';
import PDFDocument from 'pdfkit';
import { OVERVIEW_STATUSES, type Overview, type OverviewStatus } from '../../app/get-overview';
import type { FrozenReport } from '../../app/ports';
import { formatOsloDateTime, periodLabel, responsibleLabel, statusLabel, t, type Language } from '../../i18n';

export interface PeriodReportInput {
  overview: Overview;
  /** When the report was made (the lock time for a locked period). */
  madeAt: string;
  /** Set for a locked period; absent: the report says it is preliminary. */
  lockedAt?: string;
}

/** Both files of a period's report. */
/** The report's files in the formats asked for (both when a period is locked). */
export async function renderPeriodReport(
  input: PeriodReportInput,
  formats: readonly FrozenReport['format'][] = ['xlsx', 'pdf'],
): Promise<FrozenReport[]> {
  const render = { xlsx: periodWorkbook, pdf: periodPdf };
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
  summary.addRow([stamp(lang, input)]);
  summary.addRow([]);
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
      sheet.addRow([
        m.number,
        m.text,
        responsibleLabel(lang, m),
        statusLabel(lang, m.status),
        [m.deadline, m.overdue ? t(lang, 'status.overdue') : undefined].filter(Boolean).join(' – '),
        m.value ?? null,
        m.comment ?? '',
        m.reportedBy ?? '',
      ]);
    }
    sheet.columns.forEach((c, i) => (c.width = [10, 60, 30, 18, 20, 12, 60, 24][i] ?? 20));
    sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
    // Excel shows the grouping and decimal marks of the reader's locale: "1 234,5" in Norwegian.
    sheet.getColumn(6).numFmt = '#,##0.##';
    sheet.getColumn(7).alignment = { wrapText: true, vertical: 'top' };
    sheet.views = [{ state: 'frozen', ySplit: 2 }];
  }
  guardTextCells(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** "1 234,5": the PDF's standard fonts lack the narrow no-break space Intl groups with; they have U+00A0. */
function norwegianNumber(value: number): string {
  return value.toLocaleString('nb-NO').replace(/[\u202f\u00a0]/g, '\u00a0');
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

function stamp(lang: Language, input: PeriodReportInput): string {
  return input.lockedAt
    ? t(lang, 'report.lockedAt', { date: formatOsloDateTime(input.lockedAt).date })
    : `${t(lang, 'report.generated', { date: formatOsloDateTime(input.madeAt).date })}. ${t(lang, 'overview.preliminary')}`;
}

/** Shades of grey with a pattern per status in the chart: it must read without colour too. */
const BAR_SHADES: Record<OverviewStatus, string> = {
  done: '#1b5e20',
  on_track: '#4caf50',
  delayed: '#c62828',
  not_started: '#9e9e9e',
  cancelled: '#424242',
  not_reported: '#e0e0e0',
};

export function periodPdf(input: PeriodReportInput): Promise<Buffer> {
  const { overview } = input;
  const lang = overview.plan.language;
  const made = new Date(input.madeAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: {
      Title: `${overview.plan.title} – ${periodLabel(lang, overview.period.id)}`,
      Author: 'Tiltak',
      CreationDate: made,
      ModDate: made,
    },
    lang: lang === 'nn' ? 'nn-NO' : 'nb-NO',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  // Cover page: plan, period, date.
  doc.moveDown(8).font('Helvetica-Bold').fontSize(24).text(overview.plan.title, { align: 'center' });
  doc.moveDown().font('Helvetica').fontSize(16).text(t(lang, 'report.cover'), { align: 'center' });
  doc.moveDown(0.5).text(periodLabel(lang, overview.period.id), { align: 'center' });
  doc.moveDown(2).fontSize(11).text(stamp(lang, input), { align: 'center' });

  // Charts: one bar per goal, its parts labelled with numbers beneath.
  doc.addPage().font('Helvetica-Bold').fontSize(16).text(t(lang, 'report.summary'));
  doc.moveDown();
  for (const goal of withTotal(overview, lang)) {
    if (doc.y > 700) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(11).text(`${goal.number} ${goal.text}`.trim(), { width: 495 });
    const total = OVERVIEW_STATUSES.reduce((n, s) => n + goal.counts[s], 0) || 1;
    let x = 50;
    const y = doc.y + 4;
    for (const s of OVERVIEW_STATUSES) {
      const w = (goal.counts[s] / total) * 495;
      if (w > 0) doc.rect(x, y, w, 12).fill(BAR_SHADES[s]);
      x += w;
    }
    doc.fillColor('black').font('Helvetica').fontSize(9);
    doc.text(
      [
        ...OVERVIEW_STATUSES.filter((s) => goal.counts[s] > 0).map((s) => `${statusLabel(lang, s)}: ${goal.counts[s]}`),
        ...(goal.overdue > 0 ? [`${t(lang, 'status.overdue')}: ${goal.overdue}`] : []),
      ].join(' · '),
      50,
      y + 16,
      { width: 495 },
    );
    doc.moveDown();
  }

  // The goal table, measure by measure.
  for (const goal of overview.goals) {
    doc.addPage().font('Helvetica-Bold').fontSize(14).text(`${goal.number} ${goal.text}`, { width: 495 });
    doc.moveDown(0.5);
    for (const m of goal.measures) {
      if (doc.y > 740) doc.addPage();
      doc.font('Helvetica-Bold').fontSize(10).text(`${m.number} ${m.text}`, { width: 495 });
      doc.font('Helvetica').fontSize(9);
      const lines = [
        `${t(lang, 'report.status')}: ${statusLabel(lang, m.status)}${m.overdue ? ` – ${t(lang, 'status.overdue')}` : ''}`,
        `${t(lang, 'report.responsible')}: ${responsibleLabel(lang, m)}`,
        ...(m.deadline ? [`${t(lang, 'report.deadline')}: ${m.deadline}`] : []),
        ...(m.value !== undefined ? [`${t(lang, 'report.value')}: ${norwegianNumber(m.value)}`] : []),
        ...(m.comment ? [`${t(lang, 'report.comment')}: ${m.comment}`] : []),
      ];
      doc.text(lines.join('\n'), { width: 495 });
      doc.moveDown(0.5);
    }
  }
  doc.end();
  return done;
}
