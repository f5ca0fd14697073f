/**
 * A shared plan in Chromium (DDØ, with the demo's answers per municipality): seen whole, a measure
 * shows the roll-up and each municipality's status as text chips; filtered to Tvedestrand, the
 * table is Tvedestrand's own; the overview compares the municipalities side by side. Each of these
 * views passes axe in bokmål, nynorsk and English.
 */
import type { BrowserContext } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { launchBrowser } from '../support/chromium';
import { startTestService, type TestService } from '../support/service';

jest.setTimeout(120_000);

const PLAN = '/tab/?plan=ddo-2017-2020';
const ROLL_UP: Record<string, string> = {
  'nb-NO': '3 av 5 kommuner fullført',
  'nn-NO': '3 av 5 kommunar fullført',
  'en-US': '3 of 5 municipalities done',
};

let service: TestService;
const browsers = new Map<string, BrowserContext>();
beforeAll(async () => {
  service = await startTestService();
  for (const locale of Object.keys(ROLL_UP)) browsers.set(locale, await launchBrowser({ locale }));
});
afterAll(async () => {
  for (const browser of browsers.values()) await browser.close();
  await service?.close();
});

describe.each(Object.keys(ROLL_UP))('DDØ in %s', (locale) => {
  it('shows the roll-up and each municipality’s status, in text', async () => {
    const page = await browsers.get(locale)!.newPage();
    await page.goto(`${service.url}${PLAN}`);
    const row = page.locator('tr[data-measure="4.1.1.1"]');
    await row.waitFor();
    await expect(row.getByTestId('roll-up').textContent()).resolves.toBe(ROLL_UP[locale]);
    const chips = row.getByTestId('municipal-statuses');
    await expect(chips.locator('li[data-owner=risor] [data-status]').getAttribute('data-status')).resolves.toBe(
      'delayed',
    );
    await expect(chips.locator('li[data-owner=tvedestrand]').textContent()).resolves.toContain('Tvedestrand');
    expect(await chips.locator('li').count()).toBe(5);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('filtered to Tvedestrand, every row is Tvedestrand’s own', async () => {
    const page = await browsers.get(locale)!.newPage();
    await page.goto(`${service.url}${PLAN}&owner=tvedestrand`);
    const row = page.locator('tr[data-measure="4.1.1.1"]');
    await row.waitFor();
    await expect(row.locator('[data-status]').first().getAttribute('data-status')).resolves.toBe('done');
    expect(await row.getByTestId('municipal-statuses').count()).toBe(0);
    const next = page.locator('tr[data-measure="4.1.1.2"] [data-status]').first();
    await expect(next.getAttribute('data-status')).resolves.toBe('on_track');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${service.url}${PLAN}&owner=risor`);
    await page.locator('tr[data-measure="4.1.1.1"]').waitFor();
    await expect(
      page.locator('tr[data-measure="4.1.1.1"] [data-status]').first().getAttribute('data-status'),
    ).resolves.toBe('delayed');
    await page.close();
  });

  it('compares the municipalities side by side in the overview', async () => {
    const page = await browsers.get(locale)!.newPage();
    await page.goto(`${service.url}${PLAN}&show=overview`);
    const table = page.getByTestId('municipalities-side-by-side');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(5);
    await expect(table.locator('tr[data-owner=risor] th').textContent()).resolves.toBe('Risør kommune');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
