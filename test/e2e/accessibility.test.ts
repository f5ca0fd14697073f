/**
 * Universal design (WCAG 2.1 AA is the law for Norwegian public services): every tab view, in
 * bokmål, nynorsk and English, light and dark, passes axe-core with no violations, and the goal
 * table can be used with the keyboard alone.
 */
import type { BrowserContext } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { launchBrowser } from '../support/chromium';
import { startTestService, type TestService } from '../support/service';

jest.setTimeout(120_000);

const VIEWS: [string, string, string][] = [
  ['goal table (Høylandet, nb)', '/tab/?plan=hoylandet-2023-2027', 'table'],
  ['goal table (Stord, nn, benefits)', '/tab/?plan=stord-2022', 'table'],
  ['goal table (Sandefjord, numeric targets)', '/tab/?plan=sandefjord-2021-2024', 'table'],
  ['goal table filtered (Årdal og Lærdal)', '/tab/?plan=ardal-laerdal-2020-2025&owner=laerdal', 'table'],
  ['overview (Høylandet)', '/tab/?plan=hoylandet-2023-2027&show=overview', '#overview-heading'],
  ['overview (Sandefjord, indicators)', '/tab/?plan=sandefjord-2021-2024&show=overview', 'caption'],
  ['overview (Stord, nn)', '/tab/?plan=stord-2022&show=overview', '#overview-heading'],
  ['overview (DDØ, five municipalities)', '/tab/?plan=ddo-2017-2020&show=overview', '#overview-heading'],
  ['overview (Årdal og Lærdal)', '/tab/?plan=ardal-laerdal-2020-2025&show=overview', '#overview-heading'],
  ['import page', '/tab/?view=import', 'input[type=file]'],
  ['channel tab configuration', '/tab/?view=config', 'select'],
];
const LOCALES = ['nb-NO', 'nn-NO', 'en-US'];
const SCHEMES = ['light', 'dark'] as const;

describe('the tab is universally designed', () => {
  let service: TestService;
  const browsers = new Map<string, BrowserContext>();
  beforeAll(async () => {
    service = await startTestService();
    for (const locale of LOCALES) browsers.set(locale, await launchBrowser({ locale }));
  });
  afterAll(async () => {
    for (const browser of browsers.values()) await browser.close();
    await service?.close();
  });

  const cases = VIEWS.flatMap(([name, path, ready]) =>
    LOCALES.flatMap((locale) => SCHEMES.map((scheme) => [name, locale, scheme, path, ready] as const)),
  );

  it.each(cases)('%s in %s, %s: no axe violations', async (_name, locale, scheme, path, ready) => {
    const page = await browsers.get(locale)!.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${service.url}${path}`);
    await page.locator(ready).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  // Teams' high-contrast theme, as Windows' contrast themes give it (forced colours).
  it.each(VIEWS.slice(0, 5).map(([name, path, ready]) => [name, path, ready] as const))(
    '%s in high contrast: no axe violations',
    async (_name, path, ready) => {
      const page = await browsers.get('nb-NO')!.newPage();
      await page.emulateMedia({ forcedColors: 'active' });
      await page.goto(`${service.url}${path}`);
      await page.locator(ready).first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    },
  );

  it('can be used with the keyboard alone: choose a role and reach the table', async () => {
    const page = await browsers.get('nb-NO')!.newPage();
    await page.goto(`${service.url}/tab/?plan=hoylandet-2023-2027`);
    await page.locator('table').waitFor();
    await page.getByLabel('Logg inn som').waitFor(); // the dev login fills in after its own request
    // The accessible name a screen reader would announce for the focused element.
    // The accessible name a screen reader would announce for the focused element.
    const focusedLabel = () =>
      page.evaluate(`(() => {
        const el = document.activeElement;
        const label = el && el.id ? document.querySelector('label[for="' + el.id + '"]') : null;
        return label ? label.textContent : el.getAttribute('aria-label') || el.textContent.trim();
      })()`) as Promise<string>;
    const reached: string[] = [];
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      reached.push(await focusedLabel());
    }
    expect(reached).toEqual([
      'Logg inn som', // the dev login in the development banner
      'Plan',
      'Periode',
      'Ansvarlig',
      'Oppdater',
      'Last ned Excel',
      'Importer plan',
      'Måltabell', // the view switch: goal table or the ledermøte's overview
      'Oversikt',
      'Strategi for digitalisering 2023–2027', // the table's scrolling region, so wide tables scroll by keyboard
    ]);

    // Then each measure's edit button (the developer coordinates every plan): Enter opens the
    // dialog with focus inside it, Escape closes it and gives focus back.
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('Velg tiltak 1.1.1'); // picked for assigning responsibility
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('Rediger tiltak 1.1.1');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('textbox', { name: 'Tiltak' }).waitFor();
    await page.waitForFunction("document.activeElement && document.activeElement.closest('[role=dialog]') !== null");
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await focusedLabel()).toBe('Rediger tiltak 1.1.1');

    // The change log comes after the table, opened with Enter.
    await page.getByText('Endringslogg').focus();
    expect(await focusedLabel()).toBe('Endringslogg');
    await page.keyboard.press('Enter');
    await page.getByText(/Tiltak \(demoplaner\) · importerte planen/).waitFor();

    await page.locator('select').nth(3).focus(); // Ansvarlig (after the dev login, Plan and Periode)
    await page.keyboard.press('ArrowDown'); // first role
    await page.locator('tr[data-measure]').first().waitFor();
    const rows = await page.locator('tr[data-measure]').count();
    expect(rows).toBeLessThan(44);
    await page.close();
  });
});
