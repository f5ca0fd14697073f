import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { asSafeText, fromSafeText } from '../../bot/src/adapters/files/formula-safe';
import { periodWorkbook } from '../../bot/src/adapters/reports/period-report';
import { readPlanWorkbook } from '../../bot/src/adapters/files/template-workbook-reader';
import { writePlanWorkbook } from '../../bot/src/adapters/files/workbook-writer';
import { overviewOf } from '../../bot/src/app/get-overview';
import { planPeriods } from '../../bot/src/domain/period';
import type { StatusReport } from '../../bot/src/domain/status';
import { hoylandet } from '../support/demo';

describe('text from people in a spreadsheet (issue 13, item 9)', () => {
  it('cannot become a formula when the cell is edited or the sheet saved as CSV', () => {
    for (const attack of ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(asSafeText(attack)).toBe(`'${attack}`);
    expect(asSafeText('Innført i 2025')).toBe('Innført i 2025');
  });

  it('reads back exactly what was written', () => {
    fc.assert(fc.property(fc.string(), (text) => fromSafeText(asSafeText(text)) === text));
  });

  it("guards the period report's cells", async () => {
    const plan = hoylandet();
    const now = new Date('2027-02-03T10:00:00Z');
    const periods = planPeriods(plan.cadence, plan.period, now);
    const period = periods.find((p) => p.id === '2027-01');
    if (!period) throw new Error('no period');
    const report: StatusReport = {
      id: 'r1',
      planId: plan.id,
      measureId: '1.1.1',
      periodId: '2027-01',
      status: 'delayed',
      comment: '=HYPERLINK("http://evil.example","Klikk")',
      reportedBy: { userId: 'u', name: '@Mallory' },
      reportedAt: now.toISOString(),
      submissionId: 's1',
    };
    const overview = overviewOf(plan, period, undefined, periods, [report], []);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await periodWorkbook({ plan, overview, madeAt: now.toISOString() })) as unknown as ArrayBuffer,
    );
    const cells = workbook.worksheets.flatMap((sheet) =>
      sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])),
    );
    expect(cells).toContain(`'=HYPERLINK("http://evil.example","Klikk")`);
    expect(cells).toContain(`'@Mallory`);
    expect(cells.some((c) => typeof c === 'string' && c.startsWith('='))).toBe(false);
  });
});

describe('a plan workbook with formula-like text', () => {
  it('is written guarded and read back as it was', async () => {
    const plan = hoylandet();
    const first = plan.goals[0]?.children[0]?.measures[0];
    if (!first) throw new Error('no measure');
    first.text = '=HYPERLINK("http://evil.example","Klikk")';
    first.responsibleText = '-Teknisk sjef';
    const bytes = await writePlanWorkbook(plan);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const cells = workbook.worksheets.flatMap((sheet) =>
      sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])),
    );
    expect(cells.some((c) => typeof c === 'string' && /^[=+\-@]/.test(c))).toBe(false);
    const back = (await readPlanWorkbook(bytes)).plan.goals[0]?.children[0]?.measures[0];
    expect(back?.text).toBe(first.text);
    expect(back?.responsibleText).toBe('-Teknisk sjef');
  });
});
