import ExcelJS from 'exceljs';
import { loadDemoPlans } from '../../bot/src/adapters/demo/demo-plans';
import { readPlanWorkbook, WorkbookError } from '../../bot/src/adapters/files/template-workbook-reader';
import { writeBlankTemplate, writePlanWorkbook } from '../../bot/src/adapters/files/workbook-writer';
import { allMeasures } from '../../bot/src/domain/plan';
import type { StatusReport } from '../../bot/src/domain/status';
import { DEMO_PLANS_DIR, hoylandet } from '../support/demo';

const plans = loadDemoPlans(DEMO_PLANS_DIR);

async function workbookOf(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe('plans as Excel workbooks', () => {
  it.each(plans.map((p) => [p.id, p] as const))(
    '%s: export then import gives the identical plan',
    async (_id, plan) => {
      const { plan: back, warnings } = await readPlanWorkbook(await writePlanWorkbook(plan));
      expect(back).toEqual(plan);
      expect(warnings.every((w) => /ingen ansvarlig/.test(w.message))).toBe(true);
    },
  );

  it('keeps expected and realised benefits in kroner', async () => {
    const plan = hoylandet();
    const measure = plan.goals[5]?.children[0]?.measures[0]; // 6.1.1 Kartlegge gevinsten av digitalisering
    if (!measure) throw new Error('6.1.1');
    measure.benefits = [
      { type: 'reduced-cost', text: 'Lavere lisenskostnader', expectedNok: 250000, realisedNok: 120000.5 },
      { type: 'increased-quality', text: 'Bedre oversikt' },
    ];
    const { plan: back } = await readPlanWorkbook(await writePlanWorkbook(plan));
    expect(back.goals[5]?.children[0]?.measures[0]?.benefits).toEqual(measure.benefits);
  });

  it('keeps each measure’s deadline and the priority in the plan’s own words', async () => {
    const plan = hoylandet();
    const [first, second, third] = allMeasures(plan);
    if (!first || !second || !third) throw new Error('1.1.x');
    first.deadline = { kind: 'month', month: '2027-03', text: 'mars 2027' };
    first.priority = 1;
    first.priorityText = 'Høy';
    second.deadline = { kind: 'years', fromYear: 2026, toYear: 2027, text: '2026–2027' };
    third.deadline = { kind: 'category', label: 'Kortsiktig', fromYear: 2026, toYear: 2027, text: 'Kortsiktig' };
    const { plan: back } = await readPlanWorkbook(await writePlanWorkbook(plan));
    const [b1, b2, b3] = allMeasures(back);
    expect(b1).toMatchObject({ deadline: first.deadline, priority: 1, priorityText: 'Høy' });
    expect(b2?.deadline).toEqual(second.deadline);
    // The legend is not in the workbook: the category comes back with its years.
    expect(b3?.deadline).toMatchObject({ fromYear: 2026, toYear: 2027, text: expect.stringContaining('Kortsiktig') });
  });

  it('writes one row per measure with a frozen header, filters and drop-down lists', async () => {
    const plan = hoylandet();
    const workbook = await workbookOf(await writePlanWorkbook(plan));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Plan', 'Tiltak', 'Tekster']);
    const sheet = workbook.getWorksheet('Tiltak');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.rowCount).toBe(1 + 44);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual(
      expect.arrayContaining([
        'Hovedmål nr',
        'Hovedmål',
        'Strategi nr',
        'Strategi',
        'Tiltak nr',
        'Tiltak',
        'Ansvarlig',
        'Prioritet',
      ]),
    );
    expect(sheet.getCell('E2').text).toBe('1.1.1');
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const column = (name: string) => header.indexOf(name);
    expect(sheet.getRow(2).getCell(column('Type')).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"tiltak,mål"'],
    });
    expect(sheet.getRow(40).getCell(column('Prioritet')).dataValidation).toMatchObject({ type: 'whole' });
  });

  it("shows this period's status with a drop-down in the plan's language, for information", async () => {
    const plan = hoylandet();
    const report: StatusReport = {
      id: 'r',
      planId: plan.id,
      measureId: '2.2.1',
      periodId: '2027-01',
      status: 'on_track',
      comment: 'Oppdatert',
      reportedBy: { userId: 'u', name: 'Alex' },
      reportedAt: '2026-11-22T10:00:00Z',
      submissionId: 's',
    };
    const buffer = await writePlanWorkbook(plan, {
      status: { periodId: '2027-01', reports: new Map([['2.2.1', report]]) },
    });
    const sheet = (await workbookOf(buffer)).getWorksheet('Tiltak');
    const header = (sheet?.getRow(1).values as unknown[]).map(String);
    const rowNumber = [...Array(sheet?.rowCount ?? 0).keys()].find(
      (i) => sheet?.getRow(i + 1).getCell(header.indexOf('Tiltak nr')).text === '2.2.1',
    );
    const row = sheet?.getRow((rowNumber ?? 0) + 1);
    expect(row?.getCell(header.indexOf('Status pr. januar 2027')).text).toBe('I rute');
    expect(row?.getCell(header.indexOf('Status pr. januar 2027')).dataValidation?.formulae).toEqual([
      '"Ikke startet,I rute,Forsinket,Fullført,Avbrutt"',
    ]);
    const { plan: back } = await readPlanWorkbook(buffer);
    expect(back).toEqual(plan); // the status columns are not part of the plan
  });

  it('names every mistake in a hand-filled workbook by sheet and cell, and returns no plan', async () => {
    const workbook = await workbookOf(await writePlanWorkbook(hoylandet()));
    const sheet = workbook.getWorksheet('Tiltak');
    const plan = workbook.getWorksheet('Plan');
    if (!sheet || !plan) throw new Error('sheets');
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const col = (name: string) => header.indexOf(name);
    sheet.getRow(3).getCell(col('Type')).value = 'prosjekt';
    sheet.getRow(4).getCell(col('Prioritet')).value = 'høy';
    sheet.getRow(5).getCell(col('Tiltak nr')).value = '1.1.1';
    sheet.getRow(6).getCell(col('Strategi nr')).value = null;
    plan.getRow(2).getCell(2).value = 'Høylandet 2023'; // the id
    const broken = Buffer.from(await workbook.xlsx.writeBuffer());
    const attempt = readPlanWorkbook(broken);
    await expect(attempt).rejects.toBeInstanceOf(WorkbookError);
    const problems = (await attempt.catch((e: WorkbookError) => e.problems)) as WorkbookError['problems'];
    expect(problems.map((p) => p.where)).toEqual([
      expect.stringMatching(/^Tiltak!\w+3$/),
      expect.stringMatching(/^Tiltak!\w+4$/),
      'Tiltak!E5',
      'Tiltak!C6',
      'Plan!Id',
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      '«prosjekt» er ikke gyldig; velg tiltak, mål.',
      '«høy» er ikke et tall.',
      'Nummeret 1.1.1 er brukt to ganger.',
      'Mangler nummer for Strategi.',
      'Id kan bare ha små bokstaver a–z, tall og bindestrek.',
    ]);
  });

  it('takes a blank template filled in by hand', async () => {
    const workbook = await workbookOf(await writeBlankTemplate());
    const facts = workbook.getWorksheet('Plan');
    const sheet = workbook.getWorksheet('Tiltak');
    const texts = workbook.getWorksheet('Tekster');
    if (!facts || !sheet || !texts) throw new Error('template sheets');
    const setFact = (field: string, value: string | number) => {
      facts.eachRow((row) => {
        if (row.getCell(1).text === field) row.getCell(2).value = value;
      });
    };
    setFact('Id', 'vik-2025-2028');
    setFact('Tittel', 'Digitaliseringsplan 2025–2028');
    setFact('Eiere', 'Vik kommune; Aurland kommune');
    setFact('Vertskommune', 'Vik kommune');
    setFact('Språk', 'nn');
    setFact('Fra år', 2025);
    setFact('Til år', 2028);
    setFact('Rapportering', 'tertial');
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const row = (values: Record<string, string | number>) =>
      sheet.addRow(header.map((h) => values[h] ?? null).slice(1));
    row({
      'Hovedmål nr': '1',
      Hovedmål: 'Digitale tenester',
      'Strategi nr': '1.1',
      Strategi: 'Sjølvbetening',
      'Tiltak nr': '1.1.1',
      Tiltak: 'Ny nettside',
      Ansvarlig: 'Kommunalsjef',
    });
    row({
      'Hovedmål nr': '1',
      'Strategi nr': '1.1',
      'Tiltak nr': '1.1.2',
      Tiltak: 'Chat på nettsida',
      Type: 'tiltak',
      Indikatortype: 'tall',
      Målverdi: '1 000',
      Enhet: 'samtalar',
      Gjelder: 'Vik kommune',
      'Rask gevinst': 'ja',
    });
    texts.addRow([null, 'Visjon', 'Enklare kvardag']);
    texts.addRow(['1', 'Mål', 'Alle tenester på nett']);

    const { plan, warnings } = await readPlanWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(plan).toMatchObject({
      id: 'vik-2025-2028',
      owners: [
        { id: 'vik', name: 'Vik kommune' },
        { id: 'aurland', name: 'Aurland kommune' },
      ],
      hostOwnerId: 'vik',
      language: 'nn',
      cadence: { kind: 'tertial' },
      details: [{ label: 'Visjon', text: 'Enklare kvardag' }],
    });
    expect(plan.goals[0]?.details).toEqual([{ label: 'Mål', text: 'Alle tenester på nett' }]);
    expect(plan.goals[0]?.children[0]?.measures[1]).toMatchObject({
      number: '1.1.2',
      indicator: { kind: 'numeric', target: 1000, unit: 'samtalar', direction: 'higher' },
      appliesTo: ['vik'],
      quickWin: true,
    });
    expect(warnings).toEqual([
      { where: expect.stringMatching(/^Tiltak!\w+3$/), message: '1.1.2 har ingen ansvarlig.' },
    ]);
  });

  it('refuses a file that is not a workbook', async () => {
    await expect(readPlanWorkbook(Buffer.from('not a workbook'))).rejects.toMatchObject({
      problems: [{ where: 'fil', message: 'Filen er ikke en Excel-arbeidsbok (.xlsx).' }],
    });
  });
});
