/**
 * The tab on a phone (Teams mobile, 390 px wide): the goal table turns into one card per measure
 * with its number, text, status, responsible and value; the overview stacks; nothing is wider than
 * the screen; axe finds nothing. On a wide screen the same plan is the table, and the panels are
 * tabs beside it (reached without scrolling past the table), in the address so a link opens them.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { axeViolations } from '../support/axe';
import { launchBrowser } from '../support/chromium';
import { MEGAN } from '../support/demo';
import { startTestService, type TestService } from '../support/service';

jest.setTimeout(120_000);

const SANDEFJORD = 'sandefjord-2021-2024';
const clock = { now: () => new Date('2025-01-20T10:00:00Z') }; // status pr. januar 2025 is open
let service: TestService;
let browser: BrowserContext;
let page: Page;

/** How far the page reaches sideways, against the screen's width. */
const widths = (p: Page) =>
  p.evaluate('[document.documentElement.scrollWidth, window.innerWidth]') as Promise<[number, number]>;

beforeAll(async () => {
  service = await startTestService({}, { clock });
  const store = openSqliteStore(service.databasePath);
  const plan = (await store.plans.getPlan(SANDEFJORD))!;
  const numeric = plan.goals
    .flatMap(function all(g): typeof g.measures {
      return [...g.measures, ...g.children.flatMap(all)];
    })
    .find((m) => m.indicator.kind === 'numeric')!;
  await store.reports.appendReports([
    {
      id: 'seed-value',
      planId: SANDEFJORD,
      measureId: numeric.id,
      periodId: '2025-01',
      status: 'delayed',
      comment: 'Verdien gikk ned',
      value: -35,
      reportedBy: MEGAN,
      reportedAt: '2025-01-15T10:00:00Z',
      submissionId: 'seed-value',
    },
  ]);
  store.close();
  browser = await launchBrowser({ locale: 'nb-NO' });
  page = await browser.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
});
afterAll(async () => {
  await browser?.close();
  await service?.close();
});

it('shows one card per measure at 390 px, nothing wider than the screen, and no axe violations', async () => {
  await page.goto(`${service.url}/tab/?plan=${SANDEFJORD}`);
  await page.locator('[data-measure-card]').first().waitFor();
  expect(await page.locator('table').count()).toBe(0);
  const summary = await page.getByRole('status').filter({ hasText: 'tiltak har status' }).textContent();
  const total = Number(/av (\d+) tiltak/.exec(summary ?? '')?.[1]);
  expect(await page.locator('[data-measure-card]').count()).toBe(total);

  // The card of the measure with a value: its number, status, responsible and the value itself.
  const card = page.locator('[data-measure-card]').filter({ hasText: 'Forsinket' });
  await card.getByText('Forsinket').waitFor();
  await card.getByText('Verdien gikk ned').waitFor();
  await card.getByText(/Siste verdi: −?-?35/).waitFor();
  expect(await card.locator('dt').allTextContents()).toEqual(['Status pr. januar 2025', 'Ansvarlig', 'Måleindikator']);

  const [page_, screen] = await widths(page);
  expect(page_).toBeLessThanOrEqual(screen);
  expect(await axeViolations(page)).toEqual([]);
});

it('stacks the overview at 390 px, nothing wider than the screen', async () => {
  await page.goto(`${service.url}/tab/?plan=${SANDEFJORD}&show=overview`);
  await page.locator('#overview-heading').waitFor();
  await page.locator('caption').waitFor(); // the indicators' table
  const lefts = (await page.evaluate(
    "[...document.querySelectorAll('article')].map((c) => Math.round(c.getBoundingClientRect().left))",
  )) as number[];
  expect(lefts.length).toBeGreaterThan(2);
  expect(new Set(lefts).size).toBe(1); // one column: every goal card starts at the same left edge
  const [page_, screen] = await widths(page);
  expect(page_).toBeLessThanOrEqual(screen);
  expect(await axeViolations(page)).toEqual([]);
});

it('on a wide screen shows the table, with the panels as tabs beside it, kept in the address', async () => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(`${service.url}/tab/?plan=hoylandet-2023-2027`);
  await page.locator('tr[data-measure]').first().waitFor();
  expect(await page.locator('[data-measure-card]').count()).toBe(0);
  const tabs = page.getByRole('tablist', { name: 'Visning' }).getByRole('tab');
  expect(await tabs.count()).toBe(8);
  expect(
    await page.evaluate(
      "[...document.querySelectorAll('[role=tablist] [role=tab]')].map((t) => t.querySelector('.fui-Tab__content').textContent)",
    ),
  ).toEqual([
    'Måltabell',
    'Mine tiltak',
    'Oversikt',
    'Purrerunde',
    'Stedfortredere',
    'Endringslogg',
    'Revisjon',
    'Versjoner',
  ]);
  // The round's panel is one tab away, above the fold: not after 44 rows.
  await page.getByRole('tab', { name: 'Purrerunde' }).click();
  const round = page.getByRole('tabpanel', { name: 'Purrerunde' }).getByRole('region', { name: /Purrerunde/ });
  await round.waitFor();
  const top = (await page.evaluate("document.getElementById('round-heading').getBoundingClientRect().top")) as number;
  expect(top).toBeLessThan(1000);
  expect(new URL(page.url()).searchParams.get('show')).toBe('round');
  expect(await page.locator('tr[data-measure]').count()).toBe(0);

  // By keyboard: arrows move along the tabs, Enter opens one.
  await page.getByRole('tab', { name: 'Purrerunde' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: 'Stedfortredere' }).waitFor();

  // A link to the view opens it again.
  await page.reload();
  const substitutes = page.getByRole('region', { name: 'Stedfortredere' });
  await substitutes.waitFor();

  // A date left empty is said in the person's words beside the field, not in the browser's bubble.
  await substitutes.getByLabel('Til og med').fill('');
  await substitutes.getByRole('button', { name: 'Sett stedfortreder' }).click();
  await substitutes.getByText('Velg eller skriv en gyldig dato.').waitFor();
  await substitutes.getByText('Velg hvem som er borte.').waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
});
