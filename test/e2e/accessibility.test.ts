/**
 * Universal design (WCAG 2.1 AA is the law for Norwegian public services): every tab view, in
 * bokmål, nynorsk and English, light and dark, passes axe-core with no violations, and the goal
 * table can be used with the keyboard alone. Views added later (the panels' tabs, the phone
 * layout, the lock confirmation) run in every language in light, and in bokmål dark and high
 * contrast too: the suite is the slowest there is, and those are where a new view's colours differ.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { launchBrowser } from '../support/chromium';
import { MEGAN } from '../support/demo';
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
  ['import page', '/tab/?view=import', 'form button'],
  ['channel tab configuration', '/tab/?view=config', 'select'],
];

/** A view reached by more than an address: a phone's width, or a step such as opening a dialog. */
interface NewView {
  name: string;
  path: string;
  ready: string;
  /** Colours of its own (not the goal table page's): dark and high contrast are checked too. */
  ownColours?: boolean;
  width?: number;
  open?: (page: Page) => Promise<void>;
}

const NEW_VIEWS: NewView[] = [
  { name: 'reminder round tab', path: '/tab/?plan=hoylandet-2023-2027&show=round', ready: '#round-heading' },
  { name: 'substitutes tab', path: '/tab/?plan=hoylandet-2023-2027&show=substitutes', ready: '#substitutes-heading' },
  { name: 'audit trail tab', path: '/tab/?plan=hoylandet-2023-2027&show=audit', ready: '#view-panel li' },
  {
    name: 'overview filtered (Stord, Felles)',
    path: '/tab/?plan=stord-2022&show=overview&sector=Felles',
    ready: '#overview-heading',
  },
  {
    name: 'goal table at 390 px (DDØ)',
    path: '/tab/?plan=ddo-2017-2020',
    ready: '[data-measure-card]',
    width: 390,
    ownColours: true,
  },
  {
    name: 'overview at 390 px (Sandefjord)',
    path: '/tab/?plan=sandefjord-2021-2024&show=overview',
    ready: 'caption',
    width: 390,
  },
  {
    // As Megan (Teknisk sjef), with a measure refused for want of a status beside its field.
    name: 'Mine tiltak',
    path: '/tab/?plan=hoylandet-2023-2027&show=mine',
    ready: '#mine-heading',
    open: async (page) => {
      await page.evaluate(`localStorage.setItem('tiltak.devUser', '${MEGAN.userId}')`);
      await page.reload();
      const first = page.locator('fieldset[data-my-measure]').first();
      await first.waitFor();
      // The browser is shared with the other cases: they stay the local developer.
      await page.evaluate("localStorage.removeItem('tiltak.devUser')");
      await first.locator('textarea').fill('…');
      await first.locator('button').click();
      await first.locator('[role=alert], .fui-Field__validationMessage').first().waitFor();
    },
  },
  {
    // A period whose deadline has passed: the coordinator is asked before it is locked.
    name: 'lock confirmation',
    ownColours: true,
    path: '/tab/?plan=hoylandet-2023-2027&period=2026-01&show=overview',
    ready: '#overview-heading',
    open: async (page) => {
      await page.getByRole('button', { name: /^(Lås perioden|Lock the period)$/ }).click();
      await page.getByRole('dialog').locator('button').first().waitFor();
    },
  },
  {
    // Every field shown: a numeric target, and closing with its reason.
    name: 'measure edit dialog at 390 px',
    path: '/tab/?plan=hoylandet-2023-2027',
    ready: '[data-measure-card]',
    width: 390,
    open: async (page) => {
      await page.getByRole('button', { name: /^(Rediger tiltak|Edit measure) 1\.1\.1$/ }).click();
      const dialog = page.getByRole('dialog');
      await page.waitForFunction("document.querySelector('[role=dialog] textarea')?.value !== ''");
      const checkboxes = dialog.getByRole('checkbox');
      await checkboxes.first().check(); // numeric target
      await checkboxes.last().check(); // closed
      await dialog.locator('input[type=date]').waitFor();
    },
  },
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

  const newCases = NEW_VIEWS.flatMap((view) => [
    ...LOCALES.map((locale) => [view.name, locale, 'light', view] as const),
    ...(view.ownColours ? [[view.name, 'nb-NO', 'dark', view] as const] : []),
  ]);

  it.each(newCases)('%s in %s, %s: no axe violations', async (_name, locale, scheme, view) => {
    const page = await browsers.get(locale)!.newPage();
    if (view.width) await page.setViewportSize({ width: view.width, height: 844 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${service.url}${view.path}`);
    await page.locator(view.ready).first().waitFor();
    await view.open?.(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it.each(NEW_VIEWS.filter((view) => view.ownColours).map((view) => [view.name, view] as const))(
    '%s in high contrast: no axe violations',
    async (_name, view) => {
      const page = await browsers.get('nb-NO')!.newPage();
      if (view.width) await page.setViewportSize({ width: view.width, height: 844 });
      await page.emulateMedia({ forcedColors: 'active' });
      await page.goto(`${service.url}${view.path}`);
      await page.locator(view.ready).first().waitFor();
      await view.open?.(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    },
  );

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
