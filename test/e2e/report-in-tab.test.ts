/**
 * A responsible person reports in the tab instead of the chat: Megan (Teknisk sjef) opens "Mine
 * tiltak", reports two measures (one on its own, one with "save all"), sees her answers in place
 * and then in the goal table; a locked period is read-only; on a phone the view fits the screen.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { launchBrowser } from '../support/chromium';
import { HOYLANDET_ID, MEGAN, ROOT } from '../support/demo';
import { startTestService, type TestService } from '../support/service';

jest.setTimeout(90_000);

let service: TestService;
let browser: BrowserContext;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/tab/index.html'))) throw new Error('The tab is not built: run `npm run build:tab`.');
  service = await startTestService();
  browser = await launchBrowser();
  // The dev login's choice, as the banner stores it: the tab acts as Megan.
  await browser.addInitScript(`localStorage.setItem('tiltak.devUser', '${MEGAN.userId}')`);
});
afterAll(async () => {
  await browser?.close();
  await service?.close();
});

async function openMine(page: Page): Promise<void> {
  await page.goto(`${service.url}/tab/?plan=${HOYLANDET_ID}&show=mine`);
  await page
    .getByRole('region', { name: 'Mine tiltak' })
    .getByText(/Du svarer for \d+ tiltak, 0 har svar/)
    .waitFor();
}

it('reports two measures in Mine tiltak and shows them in the goal table', async () => {
  const page = await browser.newPage();
  await openMine(page);
  const mine = page.getByRole('region', { name: 'Mine tiltak' });
  await mine
    .getByRole('heading', { level: 3, name: /^Trenger svar/ })
    .first()
    .waitFor();
  const measures = mine.locator('fieldset[data-my-measure]');
  const [first, second] = [
    await measures.nth(0).getAttribute('data-my-measure'),
    await measures.nth(1).getAttribute('data-my-measure'),
  ];
  expect(first && second).toBeTruthy();

  // Saving without a status is refused beside the field, and nothing is sent.
  const one = mine.getByRole('group', { name: new RegExp(`^${first?.replace(/\./g, '\\.')} `) });
  await one.getByRole('textbox', { name: `Kommentar til ${first} (valgfritt)` }).fill('Avtale signert');
  await one.getByRole('button', { name: `Lagre ${first}` }).click();
  await one.getByText(`Velg status for ${first}.`).first().waitFor();

  await one.getByRole('combobox', { name: `Status for ${first}` }).selectOption('on_track');
  await one.getByRole('button', { name: `Lagre ${first}` }).click();
  await one.getByRole('status').getByText('1 tiltak er lagret.').waitFor();
  await one.getByText(/Levert av Megan Bowen \d\d\.\d\d\.\d{4} kl\. \d\d:\d\d/).waitFor();
  await expect(one.getByRole('button', { name: `Lagre ${first}` }).isDisabled()).resolves.toBe(true);

  // The second with "save all", by keyboard.
  const two = mine.getByRole('group', { name: new RegExp(`^${second?.replace(/\./g, '\\.')} `) });
  await two.getByRole('combobox', { name: `Status for ${second}` }).focus();
  await two.getByRole('combobox', { name: `Status for ${second}` }).selectOption('delayed');
  const saveAll = mine.getByRole('button', { name: 'Lagre alle endringer (1)' });
  await saveAll.focus();
  await page.keyboard.press('Enter');
  await mine.getByRole('status').getByText('1 tiltak er lagret.').last().waitFor();
  await mine.getByRole('button', { name: 'Lagre alle endringer (0)' }).waitFor();

  // In the goal table, and the same after a reload of Mine tiltak (the service has them).
  await page.getByRole('tab', { name: 'Måltabell' }).click();
  const row = page.locator(`tr[data-measure="${first}"]`);
  await row.getByText('I rute', { exact: true }).waitFor();
  await row.getByText('Avtale signert').waitFor();
  await row.getByText(/Rapportert av Megan Bowen/).waitFor();
  await page.locator(`tr[data-measure="${second}"]`).getByText('Forsinket', { exact: true }).waitFor();
  await page.goto(`${service.url}/tab/?plan=${HOYLANDET_ID}&show=mine`);
  await page
    .getByRole('region', { name: 'Mine tiltak' })
    .getByText(/Du svarer for \d+ tiltak, 2 har svar/)
    .waitFor();
  await page
    .getByRole('heading', { level: 3, name: /^Allerede besvart/ })
    .first()
    .waitFor();
});

it('shows a locked period read-only, saying why', async () => {
  // The developer (coordinator) locks last period, whose deadline has passed.
  const lock = await fetch(`${service.url}/api/v1/plans/${HOYLANDET_ID}/periods/2026-01/lock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  expect(lock.status).toBeLessThan(300);
  const page = await browser.newPage();
  await page.goto(`${service.url}/tab/?plan=${HOYLANDET_ID}&period=2026-01&show=mine`);
  const mine = page.getByRole('region', { name: 'Mine tiltak' });
  await mine.getByText('Perioden er låst av koordinatoren. Svarene er endelige og kan ikke endres.').waitFor();
  await mine.locator('fieldset[data-my-measure]').first().waitFor();
  expect(await mine.getByRole('button', { name: /^Lagre/ }).count()).toBe(0);
  await expect(mine.getByRole('combobox').first().isDisabled()).resolves.toBe(true);
});

it('fits a phone and passes axe', async () => {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${service.url}/tab/?plan=${HOYLANDET_ID}&show=mine`);
  await page.getByRole('region', { name: 'Mine tiltak' }).locator('fieldset[data-my-measure]').first().waitFor();
  const overflow = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  expect(overflow).toBeLessThanOrEqual(390);
  expect(await axeViolations(page)).toEqual([]);
});
