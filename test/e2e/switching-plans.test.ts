/**
 * Switching plan (or period) quickly: the answer to the earlier request, arriving late, never
 * overwrites what the person chose last (issue 14, item 8).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from '../support/chromium';
import { HOYLANDET_ID, ROOT } from '../support/demo';
import { startTestService, type TestService } from '../support/service';

jest.setTimeout(90_000);

let service: TestService;
let browser: BrowserContext;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/tab/index.html'))) throw new Error('The tab is not built: run `npm run build:tab`.');
  service = await startTestService();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await service?.close();
});

it("shows the plan chosen last, even when the first plan's table answers after it", async () => {
  const page = await browser.newPage();
  let slowAnswered = false;
  // Høylandet's table is slow to come (a large plan, a slow network); Stord's is quick.
  await page.route(`**/api/v1/plans/${HOYLANDET_ID}/goal-table*`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await route.continue().catch(() => undefined); // aborted by the page: nothing to continue
    slowAnswered = true;
  });
  await page.goto(`${service.url}/tab/?plan=${HOYLANDET_ID}`);
  await page.getByRole('combobox', { name: 'Plan' }).selectOption('stord-2022');
  await page.getByRole('heading', { level: 1, name: /Stord kommune/ }).waitFor();
  await page.waitForTimeout(2500);
  expect(slowAnswered).toBe(true);
  await page.getByRole('heading', { level: 1, name: /Stord kommune/ }).waitFor({ timeout: 1000 });
  expect(await page.getByRole('heading', { level: 1, name: /Høylandet/ }).count()).toBe(0);
});
