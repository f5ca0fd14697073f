/**
 * The coordinator starts a reminder round from the tab and follows it: the progress bar and its
 * numbers, who has not answered, who answered part (Alex, after one measure of his paged card),
 * who could not be reached and why — with no axe violations.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { launchBrowser } from '../support/chromium';
import { HOYLANDET_ID, ROOT } from '../support/demo';
import { startTestService, type TestService } from '../support/service';
import { startPlayground, type Playground } from '../../bot/src/dev/playground';

jest.setTimeout(90_000);

/** A Tuesday 10:00 in Oslo, moving with real time. */
const base = Date.parse('2026-11-24T09:00:00Z');
const started = Date.now();
const clock = { now: () => new Date(base + (Date.now() - started)) };

let service: TestService;
let browser: BrowserContext;
let playground: Playground;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/tab/index.html'))) throw new Error('The tab is not built: run `npm run build:tab`.');
  service = await startTestService({}, { clock, delivery: { pollMs: 500 } });
  browser = await launchBrowser();
  playground = await startPlayground(`${service.url}/api/messages`);
});
afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await service?.close();
});

it('starts a round; Alex, who has written to the bot in the Playground, gets the card; the others are listed as not reached', async () => {
  const chat = await browser.newPage();
  await chat.goto(playground.url);
  const editor = chat.locator('[data-lexical-editor="true"]');
  await editor.click();
  await chat.keyboard.type('hjelp');
  await chat.keyboard.press('Enter');
  await chat
    .getByText(/status/i)
    .first()
    .waitFor();

  const page = await browser.newPage();
  await page.goto(`${service.url}/tab/?plan=${HOYLANDET_ID}`);
  await page.getByRole('tab', { name: 'Purrerunde' }).click(); // a tab beside the table, not below it
  const panel = page.getByRole('region', { name: /Purrerunde/ });
  await panel.getByText('Ingen purrerunde er startet for denne planen.').waitFor();
  await panel.getByRole('button', { name: 'Start purrerunde nå' }).click();

  await panel.getByText(/^Sendt til (\d+) av \1$/).waitFor();
  const card = chat
    .locator('.ac-adaptiveCard')
    .filter({ hasText: 'Statusrapport: Strategi for digitalisering 2023–2027' });
  await card.getByText('Du er ansvarlig for 19 tiltak').waitFor();
  await panel.getByText(/^Ikke nådd \(\d+\)$/).click();
  await panel.getByText('Megan Bowen: har ikke appen').waitFor();
  await expect(panel.getByText('Alex Wilber: har ikke appen').count()).resolves.toBe(0);
  expect(await panel.getByRole('progressbar').count()).toBe(1);

  expect(await axeViolations(page)).toEqual([]);

  // Alex's card comes in pages; he answers one measure of the first: the panel counts him as partly answered.
  await card.getByText('Side 1 av 2 · 19 trenger svar').waitFor();
  await card.getByRole('button', { name: 'Neste side' }).click();
  await card.getByText('Side 2 av 2 · 19 trenger svar').waitFor();
  await card.getByRole('button', { name: 'Forrige side' }).click();
  await card.getByRole('combobox', { name: /Status for 2\.2\.1/ }).click();
  await chat.getByRole('option', { name: 'I rute' }).click();
  await card.getByRole('button', { name: 'Send status for denne siden' }).click();
  await chat.getByRole('button', { name: 'Fortsett: 18 av 19 gjenstår' }).waitFor();
  await page.reload();
  await panel.getByText('Delvis svart (1)').click();
  await panel.getByText('Alex Wilber: 1 av 19 tiltak').waitFor();
  expect(await axeViolations(page)).toEqual([]);

  // The coordinator moves the second reminder; the round keeps the new date.
  await panel.getByLabel('Ny påminnelse til dem som ikke har svart').fill('2027-01-25');
  await panel.getByRole('button', { name: 'Lagre datoene' }).click();
  await panel.getByText('Datoene er endret.').waitFor();
  const latest = (await (await fetch(`${service.url}/api/v1/plans/${HOYLANDET_ID}/rounds/latest`)).json()) as {
    round: { schedule: { secondAt: string } };
  };
  expect(latest.round.schedule.secondAt).toBe('2027-01-25T09:00:00.000Z');
});
