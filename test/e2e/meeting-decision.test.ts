/**
 * A decision of the leadership meeting, recorded as a leader would in headless Chromium: in meeting
 * mode, a row's "Registrer vedtak / oppfølgingspunkt" opens a dialog (keyboard and screen-reader
 * friendly, no axe violations); the keys typed there stay in it (no goal steps, Esc closes only the
 * dialog); what was recorded shows in the measure's history with its period, and the history
 * records one more. The report downloaded from a filtered overview holds the filtered measures only.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { allMeasures } from '../../bot/src/domain/plan';
import { axeViolations } from '../support/axe';
import { launchBrowser } from '../support/chromium';
import { HOYLANDET_ID, hoylandet, MEGAN } from '../support/demo';
import { startTestService, type TestService } from '../support/service';

jest.setTimeout(120_000);

let service: TestService;
let browser: BrowserContext;
let page: Page;
const clock = { now: () => new Date('2027-02-10T10:00:00Z') };
const [first] = allMeasures(hoylandet());

beforeAll(async () => {
  service = await startTestService({}, { clock });
  const store = openSqliteStore(service.databasePath);
  await store.reports.appendReports([
    {
      id: 'seed-1',
      planId: HOYLANDET_ID,
      measureId: first!.id,
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

it('records a follow-up in meeting mode and shows it in the measure’s history', async () => {
  await page.getByRole('button', { name: 'Møtemodus' }).click();
  const meeting = page.getByRole('dialog', { name: /^1 / });
  await meeting.waitFor();
  await meeting.getByRole('button', { name: `Registrer vedtak / oppfølgingspunkt for ${first!.number}` }).click();
  const dialog = page.getByRole('dialog', { name: `Vedtak / oppfølgingspunkt for ${first!.number}` });
  await dialog.waitFor();
  await dialog.getByText('Gjelder status pr. januar 2027.').waitFor();
  // Focus starts in the dialog; the meeting's arrow keys do not step the goals from its fields.
  expect(await page.evaluate("!!document.activeElement.closest('[role=dialog][aria-modal=true] form')")).toBe(true);
  await dialog.getByRole('textbox', { name: /Hva ble vedtatt/ }).click();
  await page.keyboard.press('ArrowRight');
  await page.getByText('Mål 1 av 7').waitFor();
  expect(await axeViolations(page)).toEqual([]);

  // Saved without a text: the dialog says what is missing, in Norwegian.
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await dialog.getByText('Skriv hva som ble vedtatt eller skal følges opp.').waitFor();
  await dialog.getByRole('radio', { name: 'Oppfølgingspunkt' }).check();
  await dialog.getByRole('textbox', { name: /Hva ble vedtatt/ }).fill('Legg fram en ny fremdriftsplan');
  await dialog.getByRole('textbox', { name: 'Hvem følger opp (valgfritt)' }).fill('Teknisk sjef');
  await dialog.getByLabel('Innen (valgfritt)').fill('2027-03-15');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await dialog.waitFor({ state: 'detached' });
  await meeting.getByText(`Oppfølgingspunkt for ${first!.number} er lagret.`).waitFor();

  // Esc in the dialog closes the dialog only: the meeting goes on.
  await meeting.getByRole('button', { name: `Registrer vedtak / oppfølgingspunkt for ${first!.number}` }).click();
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('dialog', { name: /^1 / }).waitFor();

  // The row opens the history: the follow-up is there, under its period, with who recorded it.
  await meeting.getByRole('button', { name: new RegExp(first!.text.slice(0, 20)) }).click();
  const history = page.getByRole('dialog', { name: `Historikk for ${first!.number}` });
  const period = history.getByRole('region', { name: 'Status pr. januar 2027' });
  await period
    .getByText('Oppfølgingspunkt: Legg fram en ny fremdriftsplan · Følges opp av Teknisk sjef innen 15.03.2027')
    .waitFor();
  await period.getByText(/Registrert av Lokal utvikler, 10\.02\.2027/).waitFor();
  expect(await axeViolations(page)).toEqual([]);

  // And one more from the history itself.
  await history.getByRole('button', { name: 'Registrer vedtak / oppfølgingspunkt' }).click();
  const again = page.getByRole('dialog', { name: `Vedtak / oppfølgingspunkt for ${first!.number}` });
  await again.getByRole('textbox', { name: /Hva ble vedtatt/ }).fill('Tiltaket prioriteres');
  await again.getByRole('button', { name: 'Lagre' }).click();
  await again.waitFor({ state: 'detached' });
  await period.getByText('Vedtak: Tiltaket prioriteres').waitFor();
  await history.getByRole('button', { name: 'Lukk' }).click();
  await history.waitFor({ state: 'detached' });
});

it('downloads the report narrowed by the filter the overview shows, and says so', async () => {
  await page.goto(`${service.url}/tab/?plan=stord-2022&sector=Felles&show=overview`);
  await page.locator('#overview-heading').waitFor();
  await page.getByText('Rapporten lastes ned med filteret som er valgt: Felles.').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Last ned rapport (Excel)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^stord-2022-.+-forelopig-utvalg\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
  // In the plan's language (Stord writes nynorsk): the summary sheet names the selection.
  expect(String(workbook.worksheets[0]!.getCell('A4').value)).toMatch(/^Utval(g)?: sektor Felles\./);
  const numbers = workbook.worksheets
    .filter((s) => s.name.startsWith('Mål '))
    .flatMap((s) => s.getColumn(1).values.slice(3));
  expect(numbers).toHaveLength(9);
});
