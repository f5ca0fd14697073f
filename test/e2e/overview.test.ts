/**
 * The ledermøte's overview in headless Chromium, used as the coordinator would in the meeting:
 * from a number to the measures behind it to one measure's history; meeting mode stepped through
 * with the keyboard alone (no axe violations there either); the period locked after a
 * confirmation, and reopened; a department's filter narrowing the overview as it does the table.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { allMeasures } from '../../bot/src/domain/plan';
import { axeViolations } from '../support/axe';
import { launchBrowser } from '../support/chromium';
import { HOYLANDET_ID, hoylandet, MEGAN } from '../support/demo';
import { startTestService, type TestService } from '../support/service';

jest.setTimeout(120_000);

let service: TestService;
let browser: BrowserContext;
let page: Page;
/** After the deadline of "status pr. januar 2027": the meeting that closes it. */
const clock = { now: () => new Date('2027-02-10T10:00:00Z') };
const [first, second] = allMeasures(hoylandet());

beforeAll(async () => {
  service = await startTestService({}, { clock });
  const store = openSqliteStore(service.databasePath);
  await store.reports.appendReports(
    [
      [first!.id, 'delayed', 'Leverandøren er forsinket'],
      [second!.id, 'on_track', 'Går etter planen'],
    ].map(([measureId, status, comment]) => ({
      id: `seed-${measureId}`,
      planId: HOYLANDET_ID,
      measureId: measureId!,
      periodId: '2027-01',
      status: status as 'delayed' | 'on_track',
      comment: comment!,
      reportedBy: MEGAN,
      reportedAt: '2026-11-20T10:00:00Z',
      submissionId: `seed-${measureId}`,
    })),
  );
  store.close();
  browser = await launchBrowser({ locale: 'nb-NO' });
  page = await browser.newPage();
  await page.goto(`${service.url}/tab/?plan=${HOYLANDET_ID}&period=2027-01&show=overview`);
  await page.locator('#overview-heading').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await service?.close();
});

it('goes from a number to the measures behind it and to one measure’s history', async () => {
  await page.getByRole('button', { name: 'Forsinket: 1' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Tiltakene bak tallet').waitFor();
  await dialog.getByRole('button', { name: new RegExp(`^${first!.number.replace(/\./g, '\\.')} `) }).click();
  const history = page.getByRole('dialog', { name: `Historikk for ${first!.number}` });
  await history.getByText('Leverandøren er forsinket').waitFor();
  expect(await history.getByText(/Megan Bowen, 20\.11\.2026/).count()).toBe(1);
  // The comment stands on a line of its own, below who answered and when.
  const below = (await page.evaluate(`(() => {
    const items = [...document.querySelectorAll('[role=dialog] li')];
    const item = items.find((li) => li.textContent.includes('Leverandøren er forsinket'));
    const comment = [...item.querySelectorAll('p')].find((p) => p.textContent === 'Leverandøren er forsinket');
    return comment.getBoundingClientRect().top - item.getBoundingClientRect().top;
  })()`)) as number;
  expect(below).toBeGreaterThan(10);
  await history.getByRole('button', { name: 'Lukk' }).click();
  await history.waitFor({ state: 'detached' });
  await page.getByRole('dialog').getByRole('button', { name: 'Lukk' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  // Nothing of the page is left hidden from screen readers once the dialogs are closed.
  await page.locator('#root:not([aria-hidden])').waitFor({ state: 'attached', timeout: 5000 });
});

it('steps through the goals in meeting mode with the keyboard alone, and leaves with Esc', async () => {
  const start = page.getByRole('button', { name: 'Møtemodus' });
  await start.focus();
  await page.keyboard.press('Enter');
  const meeting = page.getByRole('dialog', { name: /^1 / });
  await meeting.waitFor();
  expect(await page.evaluate('document.activeElement.id')).toBe('meeting-goal');
  // Only what the meeting talks about: the delayed measure shows, the one on track does not.
  await meeting.getByText(first!.text).waitFor();
  expect(await meeting.getByText(second!.text).count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);

  await page.keyboard.press('ArrowRight');
  await page.getByRole('dialog', { name: /^2 / }).waitFor();
  await page.getByText('Mål 2 av 7').waitFor();
  await page.keyboard.press('End');
  await page.getByText('Mål 7 av 7').waitFor();
  await page.keyboard.press('Home');
  await page.getByText('Mål 1 av 7').waitFor();
  // A row opens the measure's history above the meeting view.
  await page
    .getByRole('dialog', { name: /^1 / })
    .getByRole('button', { name: new RegExp(first!.text.slice(0, 20)) })
    .click();
  const history = page.getByRole('dialog', { name: `Historikk for ${first!.number}` });
  await history.getByRole('button', { name: 'Lukk' }).click();
  await history.waitFor({ state: 'detached' });
  await page.getByRole('dialog', { name: /^1 / }).focus();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.locator('#root:not([aria-hidden])').waitFor({ state: 'attached', timeout: 5000 });
});

it('asks before locking, says what locking does, and cancels with Esc', async () => {
  await page.getByRole('button', { name: 'Lås perioden' }).click();
  const confirm = page.getByRole('dialog', { name: 'Låse «Status pr. januar 2027»?' });
  await confirm.getByText(/tas det ikke lenger imot svar for den, og rapporten lagres slik den er nå/).waitFor();
  await page.waitForFunction("document.activeElement && document.activeElement.closest('[role=dialog]') !== null");
  // The focus starts on Avbryt: Enter pressed by habit leaves the period open.
  expect(await page.evaluate('document.activeElement?.textContent')).toBe('Avbryt');
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await confirm.waitFor({ state: 'detached' });
  // Nothing was locked: the period is still preliminary, and the button is there again.
  await page.getByText('Foreløpig: perioden er ikke låst.').waitFor();
  const stored = openSqliteStore(service.databasePath);
  expect(await stored.locks.listLocks(HOYLANDET_ID)).toEqual([]);
  stored.close();
});

it('locks the period once confirmed, and reopens it only with a reason', async () => {
  await page.getByRole('button', { name: 'Lås perioden' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Lås perioden' }).click();
  await page.getByText('Perioden er låst, og rapporten er lagret slik den er nå.').waitFor();
  await page.getByText(/Perioden ble låst 10\.02\.2027/).waitFor();
  await page.getByRole('button', { name: 'Åpne perioden igjen' }).click();
  const submit = page.getByRole('button', { name: 'Åpne perioden igjen' });
  expect(await submit.isDisabled()).toBe(true);
  await page.getByLabel('Hvorfor åpnes perioden igjen?').fill('Rettet en feil i 1.1.1');
  await submit.click();
  await page.getByText('Perioden er åpnet igjen.').waitFor();
  expect(await axeViolations(page)).toEqual([]);
});

it("counts only the department's measures when the table is filtered, header and cards alike", async () => {
  await page.goto(`${service.url}/tab/?plan=stord-2022&sector=Felles&show=overview`);
  await page.locator('#overview-heading').waitFor();
  await page.getByText('0 av 9 tiltak har status for perioden.').waitFor();
  const goals = page.locator('article h3');
  expect((await goals.allTextContents()).map((text) => text.trim())).toEqual(['1 Felles', 'Alle mål']);
  await page.getByRole('button', { name: 'Ikke rapportert: 9' }).last().waitFor();
  // Another sector chosen in the filter: the overview follows it.
  await page.getByRole('combobox', { name: 'Sektor' }).selectOption('Oppvekst og kultur');
  await page.getByText('0 av 4 tiltak har status for perioden.').waitFor();
  await page.getByRole('button', { name: 'Ikke rapportert: 4' }).last().waitFor();
  expect(await page.getByRole('button', { name: 'Ikke rapportert: 9' }).count()).toBe(0);
});
