/**
 * Universal design (WCAG 2.1 AA is the law for Norwegian public services): every tab view reached
 * by its address passes axe-core with no violations in bokmål, nynorsk and English, and in dark
 * and Teams' high contrast, and the goal table can be used with the keyboard alone. Colours do not
 * change with the language, so dark is checked in bokmål (it ran in all three and took a third of
 * the suite's six minutes). Views reached by a step (a dialog, a phone's width) are in
 * accessibility-steps.test.ts, so the two run side by side.
 */
import { axeViolations } from '../support/axe';
import { useLocaleBrowsers } from '../support/locale-browsers';

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
  ['import page', '/tab/?view=import', 'form button'],
  ['channel tab configuration', '/tab/?view=config', 'select'],
];

describe('the tab is universally designed', () => {
  const { service, browser, LOCALES } = useLocaleBrowsers();

  const cases = VIEWS.flatMap(([name, path, ready]) => [
    ...LOCALES.map((locale) => [name, locale, 'light', path, ready] as const),
    [name, 'nb-NO', 'dark', path, ready] as const,
  ]);

  it.each(cases)('%s in %s, %s: no axe violations', async (_name, locale, scheme, path, ready) => {
    const page = await browser(locale).newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${service().url}${path}`);
    await page.locator(ready).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  // Teams' high-contrast theme, as Windows' contrast themes give it (forced colours).
  it.each(VIEWS.slice(0, 5).map(([name, path, ready]) => [name, path, ready] as const))(
    '%s in high contrast: no axe violations',
    async (_name, path, ready) => {
      const page = await browser('nb-NO').newPage();
      await page.emulateMedia({ forcedColors: 'active' });
      await page.goto(`${service().url}${path}`);
      await page.locator(ready).first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    },
  );

  it('can be used with the keyboard alone: choose a role and reach the table', async () => {
    const page = await browser('nb-NO').newPage();
    await page.goto(`${service().url}/tab/?plan=hoylandet-2023-2027`);
    await page.locator('table').waitFor();
    await page.getByLabel('Logg inn som').waitFor(); // the dev login fills in after its own request
    // The accessible name a screen reader would announce for the focused element.
    const focusedLabel = () =>
      page.evaluate(`(() => {
        const el = document.activeElement;
        const label = el && el.id ? document.querySelector('label[for="' + el.id + '"]') : null;
        if (label) return label.textContent;
        // A Fluent tab holds its text twice (once hidden, to keep its width when it turns bold).
        const tab = el.getAttribute('role') === 'tab' ? el.querySelector('.fui-Tab__content:not([aria-hidden])') : null;
        return el.getAttribute('aria-label') || (tab || el).textContent.trim();
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
      'Nytt mål på øverste nivå', // the coordinator's plan upkeep
      'Måltabell', // the views' tabs: one stop, the arrow keys move between them
      'Strategi for digitalisering 2023–2027', // the table's scrolling region, so wide tables scroll by keyboard
    ]);

    // Then each measure's edit button (the developer coordinates every plan): Enter opens the
    // dialog with focus inside it, Escape closes it and gives focus back.
    // The goal's upkeep buttons come before its first measure.
    const beforeMeasure: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      const label = await focusedLabel();
      if (label === 'Velg tiltak 1.1.1') break; // picked for assigning responsibility
      beforeMeasure.push(label);
    }
    expect(beforeMeasure).toEqual(['Nytt tiltak under 1', 'Nytt mål under 1', 'Nytt tiltak under 1.1']);
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('Rediger tiltak 1.1.1');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('textbox', { name: 'Tiltak' }).waitFor();
    await page.waitForFunction("document.activeElement && document.activeElement.closest('[role=dialog]') !== null");
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await focusedLabel()).toBe('Rediger tiltak 1.1.1');

    // The change log is a tab away from the table, not below its rows: End, then Enter.
    await page.getByRole('tab', { name: 'Måltabell' }).focus();
    await page.keyboard.press('End');
    expect(await focusedLabel()).toBe('Versjoner');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await focusedLabel()).toBe('Endringslogg');
    await page.keyboard.press('Enter');
    await page.getByText(/Tiltak \(demoplaner\) · importerte planen/).waitFor();
    await page.getByRole('tab', { name: 'Endringslogg' }).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await page.locator('table').waitFor();

    await page.locator('select').nth(3).focus(); // Ansvarlig (after the dev login, Plan and Periode)
    await page.keyboard.press('ArrowDown'); // first role
    await page.locator('tr[data-measure]').first().waitFor();
    const rows = await page.locator('tr[data-measure]').count();
    expect(rows).toBeLessThan(44);
    await page.close();
  });
});
