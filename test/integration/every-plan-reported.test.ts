/**
 * Each of the five seed strategies is reported on: with two periods of answers, its overview
 * counts every measure, and its report comes out as a workbook (a summary and a sheet per goal),
 * a tagged PDF with every measure in its goal table, and a Word document with the same table, in
 * the plan's own language.
 */
import ExcelJS from 'exceljs';
import { docxParts, docxTableRows, pdfInfo, pdfStructure } from '../support/report-inspect';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { planPeriods } from '../../bot/src/domain/period';
import { allMeasures } from '../../bot/src/domain/plan';
import { STATUS_CODES, type StatusReport } from '../../bot/src/domain/status';
import type { OverviewResponse } from '../../bot/src/contract/api-types';
import { demoPlans, MEGAN } from '../support/demo';
import { startTestService, type TestService } from '../support/service';

jest.setTimeout(90_000);

const clock = { now: () => new Date('2026-11-24T10:00:00Z') };
let service: TestService;
const plans = demoPlans();

beforeAll(async () => {
  service = await startTestService({}, { clock });
  const store = openSqliteStore(service.databasePath);
  const reports: StatusReport[] = plans.flatMap((plan) => {
    const periods = planPeriods(plan.cadence, plan.period, clock.now()).slice(-2);
    return allMeasures(plan).flatMap((m, i) =>
      periods
        .filter((_, k) => (i + k) % 3 !== 0) // some left unanswered
        .map((period, k) => ({
          id: `${plan.id}-${m.id}-${period.id}`,
          planId: plan.id,
          measureId: m.id,
          periodId: period.id,
          status: STATUS_CODES[(i + k) % STATUS_CODES.length]!,
          comment: 'Kommentar med æ, ø og å',
          reportedBy: MEGAN,
          reportedAt: '2026-11-20T08:00:00Z',
          submissionId: `seed-${plan.id}-${m.id}-${period.id}`,
        })),
    );
  });
  await store.reports.appendReports(reports);
  store.close();
});
afterAll(() => service?.close());

describe.each(plans.map((p) => [p.id, p] as const))('%s', (planId, plan) => {
  it('has an overview counting every measure, and a report in Excel, PDF and Word', async () => {
    const response = await fetch(`${service.url}/api/v1/plans/${planId}/overview`);
    expect(response.status).toBe(200);
    const overview = (await response.json()) as OverviewResponse;
    const counted = Object.values(overview.totals).reduce((n, c) => n + c, 0);
    expect(counted).toBe(allMeasures(plan).length);
    expect(overview.totals.not_reported).toBeLessThan(counted);

    const xlsx = await fetch(`${service.url}/api/v1/plans/${planId}/report.xlsx`);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    // The summary, a sheet per goal, the meeting's decisions and the benefits realised.
    expect(workbook.worksheets).toHaveLength(plan.goals.length + 3);
    expect(workbook.worksheets.at(-2)?.name).toMatch(/^Vedtak og oppfølgingspunkt/);
    expect(workbook.worksheets.at(-1)?.name).toBe('Gevinstrealisering');
    expect(workbook.worksheets[0]?.name).toBe(plan.language === 'nn' ? 'Samandrag' : 'Sammendrag');

    const pdf = await fetch(`${service.url}/api/v1/plans/${planId}/report.pdf`);
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfInfo(bytes).Tagged).toBe('yes');
    const cells = pdfStructure(bytes);
    for (const m of allMeasures(plan)) expect(cells).toContain(`"${m.number}"`);

    const docx = await fetch(`${service.url}/api/v1/plans/${planId}/report.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    const rows = docxTableRows((await docxParts(Buffer.from(await docx.arrayBuffer()))).document);
    for (const m of allMeasures(plan)) expect(rows.some((r) => r.startsWith(`${m.number} | `))).toBe(true);
  });
});
