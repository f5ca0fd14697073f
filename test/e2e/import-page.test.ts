/**
 * A coordinator imports plans in the tab: the Høylandet seed text as pasted from Word, a
 * hand-filled workbook with a mistake in it, a Word document and a PDF as they are, and a table
 * pasted from the clipboard as HTML, whose column meaning the coordinator corrects before saving.
 * Nothing is saved until the preview is confirmed. axe checks the preview in nb, nn and en.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { writePlanWorkbook } from '../../bot/src/adapters/files/workbook-writer';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
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
    // The file is chosen with a button in the person's language, not the browser's "Choose File".
    await page.getByRole('button', { name: 'Fil Velg fil' }).waitFor();
    await page.getByText('Ingen fil valgt').waitFor();
    await page.locator('input[type=file]').setInputFiles(join(ROOT, 'bot/demo/plans/hoylandet-2023-2027.txt'));
    await page.getByText('hoylandet-2023-2027.txt').waitFor();
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

  const CORPUS = join(ROOT, 'test/fixtures/import');
  const storedPlan = async (id: string) => {
    const store = openSqliteStore(service.databasePath);
    try {
      return await store.plans.getPlan(id);
    } finally {
      store.close();
    }
  };

  it('reads a Word document and a PDF as they are, with priority and deadline, and saves the Word one', async () => {
    const page = await browser.newPage();
    await page.goto(`${service.url}/tab/?view=import`);
    await page.locator('input[type=file]').setInputFiles(join(CORPUS, 'nettside-tabeller.docx'));
    await page.getByRole('button', { name: 'Vis resultatet' }).click();
    await page.getByText(/^Ringsaker kommune: Tiltaksplan for digitalisering 2024–2027: 40 tiltak/).waitFor();
    await page.getByText('Lest som tabell').first().waitFor();
    const first = page.locator('tr[data-measure="1.1"]');
    await first
      .getByText('Innføre elektronisk byggesøknad med automatisk kontroll av vedlegg og varsel til naboer')
      .waitFor();
    await first.getByText('Frist: kortsiktig (2024–2025)').waitFor();
    await first.getByText('Prioritering 1').waitFor();

    await page.locator('input[type=file]').setInputFiles(join(CORPUS, 'hoylandet-2023-2027.pdf'));
    await page.getByRole('button', { name: 'Vis resultatet' }).click();
    await page.getByText(/^Høylandet kommune: Strategi for digitalisering 2023–2027: 44 tiltak/).waitFor();
    await page
      .locator('tr[data-measure="7.2.1"]')
      .getByText('Oppretting av en digital ressursgruppe på tvers av avdelingene')
      .waitFor();

    await page.locator('input[type=file]').setInputFiles(join(CORPUS, 'nettside-tabeller.docx'));
    await page.getByRole('button', { name: 'Vis resultatet' }).click();
    await page.getByText(/^Ringsaker kommune: Tiltaksplan/).waitFor();
    await page.getByRole('button', { name: 'Lagre planen' }).click();
    await page.getByText('Planen ringsaker-2024-2027 er lagret.').waitFor();
    const saved = await storedPlan('ringsaker-2024-2027');
    expect(saved?.goals.map((g) => g.text)).toEqual([
      'Arbeidsprosesser',
      'Informasjonssikkerhet',
      'Kompetanse',
      'Innbyggertjenester',
    ]);
    expect(saved?.goals[0]?.measures[0]).toMatchObject({
      priority: 1,
      deadline: { kind: 'category', label: 'kortsiktig', fromYear: 2024, toYear: 2025 },
    });
  });

  /** Pastes into the paste box as a browser does: a paste event whose clipboard holds HTML and text. */
  const pasteHtml = async (page: Page, html: string) => {
    await page.getByRole('textbox', { name: /lim inn tabellen|paste the table/i }).focus();
    await page.evaluate(
      `(() => { const data = new DataTransfer(); data.setData('text/html', ${JSON.stringify(html)}); data.setData('text/plain', 'tabell');
        document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })); })()`,
    );
  };

  it('pastes a table as HTML from the clipboard, corrects a column’s meaning in the preview, and saves what it shows', async () => {
    const page = await browser.newPage();
    await page.goto(`${service.url}/tab/?view=import`);
    await pasteHtml(page, readFileSync(join(CORPUS, 'stord-2022.pasted.html'), 'utf8'));
    await page.getByText(/^Innlimt: tabell med celler/).waitFor();
    await page.getByRole('button', { name: 'Vis resultatet' }).click();
    // A pasted table has no front page: the facts are asked for.
    await page.getByRole('alert').getByText('Planen kan ikke importeres slik den er. Ingenting er lagret.').waitFor();
    await page.getByLabel('Tittel').fill('Digitaliseringsstrategi');
    await page.getByLabel('Kommune(r), skilt med ;').fill('Stord kommune');
    await page.getByLabel('Fra år').fill('2022');
    await page.getByRole('button', { name: 'Vis resultatet' }).click();
    await page.getByText(/^Stord kommune: Digitaliseringsstrategi: 29 tiltak/).waitFor();
    const row = page.locator('tr[data-measure="1.1"]');
    await row.getByText('Prioritering 1').waitFor();

    // "Prioritering" is to be kept as a note, not as the measure's priority.
    await page.getByRole('combobox', { name: 'Betydning av kolonnen «Prioritering»' }).selectOption('note');
    await page.getByRole('button', { name: 'Bruk valgene' }).click();
    await row.getByText('Prioritering: 1').waitFor();
    expect(await row.getByText('Prioritering 1').count()).toBe(0);
    await page.getByRole('button', { name: 'Lagre planen' }).click();
    await page.getByText('Planen stord-2022 er lagret.').waitFor();
    const measure = (await storedPlan('stord-2022'))?.goals[0]?.measures[0];
    expect(measure).toMatchObject({ number: '1.1', text: 'Innføre digitale timelister', notes: 'Prioritering: 1' });
    expect(measure?.priority).toBeUndefined();
  });

  it.each(['nb-NO', 'nn-NO', 'en-US'])('the preview with its columns has no axe violations in %s', async (locale) => {
    const context = await launchBrowser({ locale });
    try {
      const page = await context.newPage();
      await page.goto(`${service.url}/tab/?view=import`);
      await page.locator('input[type=file]').setInputFiles(join(CORPUS, 'nettside-tabeller.html'));
      await page.locator('form button[type=submit]').click();
      await page.locator('#import-reading').waitFor();
      await page.locator('tr[data-measure="1.1"]').waitFor();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
