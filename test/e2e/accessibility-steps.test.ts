/**
 * Universal design of the views reached by a step, not an address alone: the panels' tabs, the
 * phone layout, Mine tiltak with a refused answer, the lock confirmation, the edit dialog. Each in
 * bokmål, nynorsk and English in light; those with colours of their own in bokmål dark and high
 * contrast too. Beside accessibility.test.ts, which holds the views an address reaches.
 */
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { MEGAN } from '../support/demo';
import { useLocaleBrowsers } from '../support/locale-browsers';

jest.setTimeout(120_000);

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

const VIEWS: NewView[] = [
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
describe('the tab is universally designed, step by step', () => {
  const { service, browser, LOCALES } = useLocaleBrowsers();

  const cases = VIEWS.flatMap((view) => [
    ...LOCALES.map((locale) => [view.name, locale, 'light', view] as const),
    ...(view.ownColours ? [[view.name, 'nb-NO', 'dark', view] as const] : []),
  ]);

  it.each(cases)('%s in %s, %s: no axe violations', async (_name, locale, scheme, view) => {
    const page = await browser(locale).newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await open(page, view);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it.each(VIEWS.filter((view) => view.ownColours).map((view) => [view.name, view] as const))(
    '%s in high contrast: no axe violations',
    async (_name, view) => {
      const page = await browser('nb-NO').newPage();
      await page.emulateMedia({ forcedColors: 'active' });
      await open(page, view);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    },
  );

  async function open(page: Page, view: NewView): Promise<void> {
    if (view.width) await page.setViewportSize({ width: view.width, height: 844 });
    await page.goto(`${service().url}${view.path}`);
    await page.locator(view.ready).first().waitFor();
    await view.open?.(page);
  }
});
