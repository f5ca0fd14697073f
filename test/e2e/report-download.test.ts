/**
 * The council's report downloaded from the overview as a coordinator does it, in headless
 * Chromium: the Word button next to the PDF one gives a .docx with the goal table (every measure,
 * the answer given), and the PDF button a tagged PDF, both marked preliminary while the period is open.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { allMeasures } from '../../bot/src/domain/plan';
import { launchBrowser } from '../support/chromium';
import { HOYLANDET_ID, hoylandet, MEGAN } from '../support/demo';
import { docxParts, docxTableRows, pdfInfo } from '../support/report-inspect';
import { startTestService, type TestService } from '../support/service';

jest.setTimeout(120_000);

let service: TestService;
let browser: BrowserContext;
let page: Page;
const clock = { now: () => new Date('2027-02-10T10:00:00Z') };
const measures = allMeasures(hoylandet());

beforeAll(async () => {
  service = await startTestService({}, { clock });
  const store = openSqliteStore(service.databasePath);
  await store.reports.appendReports([
    {
      id: 'seed-1',
      planId: HOYLANDET_ID,
      measureId: measures[0]!.id,
      periodId: '2027-01',
      status: 'delayed',
      comment: 'Leverandøren er forsinket',
      reportedBy: MEGAN,
      reportedAt: '2026-11-20T10:00:00Z',
      submissionId: 'seed-1',
    },
  ]);
  store.close();
  browser = await launchBrowser({ locale: 'nb-NO' });
  page = await browser.newPage();
  await page.goto(`${service.url}/tab/?plan=${HOYLANDET_ID}&period=2027-01&show=overview`);
  await page.locator('#overview-heading').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await service?.close();
});

async function download(name: string): Promise<{ file: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { file: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

it('downloads the Word report with the goal table', async () => {
  const { file, bytes } = await download('Last ned rapport (Word)');
  expect(file).toBe(`${HOYLANDET_ID}-2027-01-forelopig.docx`);
  const rows = docxTableRows((await docxParts(bytes)).document);
  expect(rows).toContain('Nr. | Tiltak | Status | Måleindikator og verdi | Frist | Ansvarlig | Kommentar');
  expect(rows.find((r) => r.startsWith(`${measures[0]!.number} | `))).toContain(
    '| Forsinket | ' + measures[0]!.indicator.text,
  );
  for (const m of measures) expect(rows.some((r) => r.startsWith(`${m.number} | `))).toBe(true);
});

it('downloads the tagged PDF next to it', async () => {
  const { file, bytes } = await download('Last ned rapport (PDF)');
  expect(file).toBe(`${HOYLANDET_ID}-2027-01-forelopig.pdf`);
  expect(pdfInfo(bytes).Tagged).toBe('yes');
});
