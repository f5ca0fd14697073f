/**
 * A coordinator keeps the plan up to date in the tab: adds a measure under a goal (its number
 * proposed), moves it under another goal, deletes it; tries to delete a measure that has a report,
 * is told why not and closes it instead; adds a top-level goal; chooses which of a plan's two
 * municipalities a measure applies to. Every upkeep dialog passes axe in bokmål, nynorsk and English.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import type { GoalTableNode, GoalTableResponse, Language, MyMeasuresResponse } from '../../bot/src/contract';
import { t } from '../../bot/src/contract';
import { axeViolations } from '../support/axe';
import { launchBrowser } from '../support/chromium';
import { HOYLANDET_ID, MEGAN, ROOT } from '../support/demo';
import { startTestService, type TestService } from '../support/service';

jest.setTimeout(120_000);

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

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${service.url}/api/v1/plans/${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
  });
const goalTable = async (planId: string) => (await (await api(`${planId}/goal-table`)).json()) as GoalTableResponse;
const allGoals = (goals: GoalTableNode[]): GoalTableNode[] => goals.flatMap((g) => [g, ...allGoals(g.children)]);

/** The goal holding measures first, and another at the same level to move one to. */
async function twoGoals(planId: string): Promise<[GoalTableNode, GoalTableNode]> {
  const goals = allGoals((await goalTable(planId)).goals);
  const from = goals.find((g) => g.measures.length > 0) as GoalTableNode;
  const to = goals.find((g) => g.id !== from.id && g.level === from.level) as GoalTableNode;
  return [from, to];
}

async function openTable(page: Page, planId: string) {
  await page.goto(`${service.url}/tab/?plan=${planId}`);
  await page.locator('tr[data-measure]').first().waitFor();
}

it('adds a measure with the proposed number, moves it, deletes it, and adds a top-level goal', async () => {
  const [from, to] = await twoGoals(HOYLANDET_ID);
  const page = await browser.newPage();
  await openTable(page, HOYLANDET_ID);

  await page.getByRole('button', { name: `Nytt tiltak under ${from.number}`, exact: true }).click();
  let dialog = page.getByRole('dialog');
  const number = dialog.getByRole('textbox', { name: 'Nummer' });
  await page.waitForFunction("document.querySelector('[role=dialog] input')?.value !== ''");
  const proposed = await number.inputValue();
  expect(from.measures.map((m) => m.number)).not.toContain(proposed);
  await dialog.getByRole('textbox', { name: 'Tekst' }).fill('Prøve ut KI-assistent i saksbehandling');
  await dialog.getByRole('button', { name: 'Legg til' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('status').getByText(`Tiltak ${proposed} er lagt til.`).waitFor();
  await page.locator(`tr[data-measure="${proposed}"]`).getByText('Prøve ut KI-assistent').waitFor();

  await page.getByRole('button', { name: `Flytt tiltak ${proposed}` }).click();
  dialog = page.getByRole('dialog');
  const target = dialog.getByRole('combobox', { name: 'Til mål' });
  await target.selectOption(to.id);
  await dialog.getByRole('button', { name: 'Flytt', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText(`Tiltak ${proposed} er flyttet til ${to.number}.`).waitFor();
  const moved = allGoals((await goalTable(HOYLANDET_ID)).goals).find((g) => g.id === to.id);
  expect(moved?.measures.map((m) => m.number)).toContain(proposed);

  // No report yet: it goes.
  await page.getByRole('button', { name: `Slett tiltak ${proposed}` }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByText('Det kan ikke angres').waitFor();
  await dialog.getByRole('button', { name: 'Slett tiltaket' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText(`Tiltak ${proposed} er slettet.`).waitFor();
  await page.locator(`tr[data-measure="${proposed}"]`).waitFor({ state: 'detached' });

  await page.getByRole('button', { name: 'Nytt mål på øverste nivå' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Nummer' }).fill('9');
  await dialog.getByRole('textbox', { name: 'Tekst' }).fill('Kunstig intelligens');
  await dialog.getByRole('button', { name: 'Legg til' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('Mål 9 er lagt til.').waitFor();
  const top = (await goalTable(HOYLANDET_ID)).goals.map((g) => g.number);
  expect(top).toContain('9');
});

it('refuses to delete a measure with a report, shows why, and closes it instead', async () => {
  // Megan reports on one of her measures.
  const asMegan = { 'X-Tiltak-Dev-User': MEGAN.userId };
  const mine = (await (await api(`${HOYLANDET_ID}/my-measures`, { headers: asMegan })).json()) as MyMeasuresResponse;
  const measure = mine.groups.flatMap((g) => g.measures)[0]!;
  const reported = await api(`${HOYLANDET_ID}/my-measures`, {
    method: 'POST',
    headers: { ...asMegan, 'Idempotency-Key': randomUUID() },
    body: JSON.stringify({ periodId: mine.period.id, entries: [{ measureId: measure.id, status: 'on_track' }] }),
  });
  expect(reported.status).toBe(201);

  const page = await browser.newPage();
  await openTable(page, HOYLANDET_ID);
  await page.getByRole('button', { name: `Slett tiltak ${measure.number}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Slett tiltaket' }).click();
  await dialog.getByRole('alert').getByText('Du kan avslutte tiltaket i stedet').waitFor();
  await dialog.getByRole('textbox', { name: /Hvorfor det avsluttes/ }).fill('Erstattet av nytt tiltak');
  await dialog.getByRole('button', { name: 'Avslutt' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText(`Tiltak ${measure.number} er avsluttet.`).waitFor();
  await page
    .locator(`tr[data-measure="${measure.number}"]`)
    .getByText(/Avsluttet \d\d\.\d\d\.\d{4}: Erstattet av nytt tiltak/)
    .waitFor();
  expect((await api(`${HOYLANDET_ID}/measures/${measure.id}`)).status).toBe(200);
});

it('keeps the goal chosen when someone else changed the measure before the move', async () => {
  const [from, to] = await twoGoals(HOYLANDET_ID);
  const measure = from.measures[from.measures.length - 1]!;
  const page = await browser.newPage();
  await openTable(page, HOYLANDET_ID);
  await page.getByRole('button', { name: `Flytt tiltak ${measure.number}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Til mål' }).selectOption(to.id);
  // The dialog has read the measure's version once its button can be pressed.
  await dialog.locator('button:not([disabled])', { hasText: /^Flytt$/ }).waitFor();
  const path = `${HOYLANDET_ID}/measures/${measure.id}`;
  const etag = (await api(path)).headers.get('ETag') as string;
  expect((await api(path, { method: 'PATCH', headers: { 'If-Match': etag }, body: '{"notes":"x"}' })).status).toBe(200);

  await dialog.getByRole('button', { name: 'Flytt', exact: true }).click();
  await dialog.getByRole('alert').getByText('Noen andre endret tiltaket').waitFor();
  expect(await dialog.getByRole('combobox', { name: 'Til mål' }).inputValue()).toBe(to.id);
  await dialog.getByRole('button', { name: 'Flytt', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText(`Tiltak ${measure.number} er flyttet til ${to.number}.`).waitFor();
});

it('sets which municipality a measure of a two-owner plan applies to', async () => {
  const planId = 'ardal-laerdal-2020-2025';
  const [from] = await twoGoals(planId);
  const measure = from.measures[0]!;
  const page = await browser.newPage();
  await openTable(page, planId);
  await page.getByRole('button', { name: `Rediger tiltak ${measure.number}` }).click();
  const dialog = page.getByRole('dialog');
  await page.waitForFunction("document.querySelector('[role=dialog] textarea')?.value !== ''");
  const group = dialog.getByRole('group', { name: 'Gjelder for' });
  await group.getByRole('checkbox', { name: 'Lærdal kommune' }).uncheck();
  // The last one ticked cannot be unticked: a measure applies to someone.
  expect(await group.getByRole('checkbox', { name: 'Årdal kommune' }).isDisabled()).toBe(true);
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await dialog.waitFor({ state: 'detached' });
  const saved = (await (await api(`${planId}/measures/${measure.id}`)).json()) as { measure: { appliesTo?: string[] } };
  expect(saved.measure.appliesTo).toEqual(['ardal']);
});

describe('the upkeep dialogs pass axe', () => {
  const LOCALES: [Language, string][] = [
    ['nb', 'nb-NO'],
    ['nn', 'nn-NO'],
    ['en', 'en-US'],
  ];
  it.each(LOCALES)('in %s', async (lang, locale) => {
    const context = await launchBrowser({ locale });
    try {
      const page = await context.newPage();
      const [from] = await twoGoals(HOYLANDET_ID);
      const measure = from.measures[0]!;
      const check = async (open: string, ready: string) => {
        await page.getByRole('button', { name: open, exact: true }).click();
        const dialog = page.getByRole('dialog');
        await dialog.locator(ready).first().waitFor();
        expect(await axeViolations(page)).toEqual([]);
        await dialog
          .getByRole('button', { name: t(lang, 'upkeep.cancel'), exact: true })
          .last()
          .click();
        await dialog.waitFor({ state: 'detached' });
      };
      await openTable(page, HOYLANDET_ID);
      await check(t(lang, 'upkeep.newMeasureUnder', { number: from.number }), 'input');
      await check(t(lang, 'upkeep.newTopGoal'), 'input');
      await check(t(lang, 'upkeep.moveLabel', { number: measure.number }), 'select');
      await check(t(lang, 'upkeep.deleteLabel', { number: measure.number }), 'p');

      await openTable(page, 'ardal-laerdal-2020-2025');
      const [ardal] = await twoGoals('ardal-laerdal-2020-2025');
      await page
        .getByRole('button', { name: t(lang, 'edit.buttonLabel', { number: ardal.measures[0]!.number }) })
        .click();
      await page.getByRole('dialog').locator('fieldset legend').first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
