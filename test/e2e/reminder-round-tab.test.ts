/**
 * The coordinator starts a reminder round from the tab and follows it: the progress bar and its
 * numbers, who has not answered, who could not be reached and why — with no axe violations.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { launchBrowser } from '../support/chromium';
import { HOYLANDET_ID, ROOT } from '../support/demo';
import { startTestService, type TestService } from '../support/service';

jest.setTimeout(90_000);

/** A Tuesday 10:00 in Oslo, moving with real time. */
const base = Date.parse('2026-11-24T09:00:00Z');
const started = Date.now();
const clock = { now: () => new Date(base + (Date.now() - started)) };

let service: TestService;
let browser: BrowserContext;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/tab/index.html'))) throw new Error('The tab is not built: run `npm run build:tab`.');
  service = await startTestService({}, { clock, delivery: { pollMs: 500 } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await service?.close();
});

it('starts a round and shows who could not be reached, and why', async () => {
  const page = await browser.newPage();
  await page.goto(`${service.url}/tab/?plan=${HOYLANDET_ID}`);
  const panel = page.getByRole('region', { name: /Purrerunde/ });
  await panel.getByText('Ingen purrerunde er startet for denne planen.').waitFor();
  await panel.getByRole('button', { name: 'Start purrerunde nå' }).click();

  // Nobody in the demo directory has written to the bot in this test, so nobody can be reached.
  await panel.getByText(/^Sendt til (\d+) av \1$/).waitFor();
  await panel.getByText(/^Ikke nådd \(\d+\)$/).click();
  await panel.getByText('Alex Wilber: har ikke appen').waitFor();
  expect(await panel.getByRole('progressbar').count()).toBe(1);

  expect(await axeViolations(page)).toEqual([]);
});
