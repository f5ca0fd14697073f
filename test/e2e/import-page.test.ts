/**
 * A coordinator imports plans in the tab: the Høylandet seed text as pasted from Word, then a
 * hand-filled workbook with a mistake in it. Nothing is saved until the preview is confirmed.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { writePlanWorkbook } from '../../bot/src/adapters/files/workbook-writer';
import { openSqliteStore } from '../../bot/src/adapters/local/sqlite-store';
import { launchBrowser } from '../support/chromium';
import { ROOT, hoylandet } from '../support/demo';
import { startTestService, type TestService } from '../support/service';

jest.setTimeout(90_000);

describe('importing a plan in the tab', () => {
  let service: TestService;
  let browser: BrowserContext;
  const files = mkdtempSync(join(tmpdir(), 'tiltak-upload-'));

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/tab/index.html')))
      throw new Error('The tab is not built: run `npm run build:tab`.');
    service = await startTestService({ LOAD_DEMO_PLANS: 'false' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  const storedPlanIds = async () => {
    const store = openSqliteStore(service.databasePath);
    try {
      return (await store.plans.listPlans()).map((p) => p.id);
    } finally {
      store.close();
    }
  };

  it('previews the Høylandet goal table with its warnings, saves only when confirmed, then shows it', async () => {
    const page = await browser.newPage();
    await page.goto(`${service.url}/tab/?view=import`);
    await page.getByRole('heading', { name: 'Importer en plan' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(join(ROOT, 'bot/demo/plans/hoylandet-2023-2027.txt'));
    await page.getByRole('button', { name: 'Vis resultatet' }).click();

    await page
      .getByText('Høylandet kommune: Strategi for digitalisering 2023–2027: 44 tiltak, 6 merknader. Sjekk og lagre.')
      .waitFor();
    await page.getByText('linje 206: 7.3.1 har ingen ansvarlig.').waitFor();
    await page
      .locator('tr[data-measure="7.2.1"]')
      .getByText('Oppretting av en digital ressursgruppe på tvers av avdelingene')
      .waitFor();
    expect(await storedPlanIds()).toEqual([]);

    await page.getByRole('button', { name: 'Lagre planen' }).click();
    await page.getByText('Planen hoylandet-2023-2027 er lagret.').waitFor();
    expect(await storedPlanIds()).toEqual(['hoylandet-2023-2027']);

    await page.getByRole('link', { name: 'Åpne planen' }).click();
    await page.getByRole('heading', { name: 'Høylandet kommune: Strategi for digitalisering 2023–2027' }).waitFor();
    await page.getByText('0 av 44 tiltak har status for perioden.').waitFor();
  });

  it('names the cell of a mistake in a hand-filled workbook and saves nothing', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await writePlanWorkbook({ ...hoylandet(), id: 'hoylandet-kopi' })) as unknown as ArrayBuffer,
    );
    const sheet = workbook.getWorksheet('Tiltak');
    if (!sheet) throw new Error('no Tiltak sheet');
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    sheet.getRow(9).getCell(header.indexOf('Prioritet')).value = 'høy';
    const file = join(files, 'plan-med-feil.xlsx');
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));

    const page = await browser.newPage();
    await page.goto(`${service.url}/tab/?view=import`);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: 'Vis resultatet' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Planen kan ikke importeres slik den er. Ingenting er lagret.').waitFor();
    await alert.getByText(/^Tiltak!\w+9: «høy» er ikke et tall\.$/).waitFor();
    expect(await storedPlanIds()).not.toContain('hoylandet-kopi');
  });
});
