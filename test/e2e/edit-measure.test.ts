/**
 * Two coordinators edit the same measure. The second to save is told someone else changed it,
 * sees the new version in the fields and keeps what they typed; saving again then succeeds. A
 * coordinator assigns responsibility to several measures at once.
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

it('keeps both edits visible when someone else saved first', async () => {
  const page = await browser.newPage();
  await page.goto(`${service.url}/tab/?plan=${HOYLANDET_ID}`);
  await page.getByRole('button', { name: 'Rediger tiltak 1.1.1' }).click();
  const dialog = page.getByRole('dialog');
  const text = dialog.getByRole('textbox', { name: 'Tiltak' });
  await text.waitFor();
  await page.waitForFunction("document.querySelector('[role=dialog] textarea')?.value !== ''");

  // Another coordinator saves first, through the API.
  const path = `${service.url}/api/v1/plans/${HOYLANDET_ID}/measures/1.1.1`;
  const etag = (await fetch(path)).headers.get('ETag') as string;
  const other = await fetch(path, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', 'If-Match': etag },
    body: JSON.stringify({ text: 'Den andres tekst' }),
  });
  expect(other.status).toBe(200);

  await text.fill('Min tekst');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await dialog.getByRole('alert').getByText('Noen andre har endret dette tiltaket').waitFor();
  expect(await text.inputValue()).toBe('Den andres tekst');
  await dialog.getByText('Du skrev: Min tekst').waitFor();

  await text.fill('Min tekst, etter å ha sett den andres');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('tr[data-measure="1.1.1"]').getByText('Min tekst, etter å ha sett den andres').waitFor();
  // The page is not left hidden from screen readers once the dialog is gone.
  await page.locator('#root:not([aria-hidden])').waitFor({ state: 'attached', timeout: 5000 });
});

it('assigns a role and a person to several measures of a plan that named no one', async () => {
  const page = await browser.newPage();
  await page.goto(`${service.url}/tab/?plan=sandefjord-2021-2024`);
  const row = (number: string) => page.locator(`tr[data-measure="${number}"]`);
  await row('1.T1').getByText('Ingen ansvarlig').waitFor();
  // The round's tab says no round reaches these measures.
  await page.getByRole('tab', { name: 'Purrerunde' }).click();
  await page.getByTestId('unreached').waitFor();
  await page.getByRole('tab', { name: 'Måltabell' }).click();

  await page.getByRole('checkbox', { name: 'Velg tiltak 1.T1' }).check();
  await page.getByRole('checkbox', { name: 'Velg tiltak 1.T2' }).check();
  await page.getByRole('button', { name: 'Tildel ansvar (2)' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: /Rolle/ }).fill('Digitaliseringsleder');
  const megan = await dialog.getByRole('option', { name: 'Megan Bowen' }).getAttribute('value');
  await dialog.getByRole('listbox', { name: 'Personer' }).selectOption([megan as string]);
  await dialog.getByRole('button', { name: 'Tildel', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('Ansvar er tildelt for 2 tiltak.').waitFor();
  for (const number of ['1.T1', '1.T2']) await row(number).getByText('Digitaliseringsleder, Megan Bowen').waitFor();
  await row('1.T3').getByText('Ingen ansvarlig').waitFor();

  const measure = (await (await fetch(`${service.url}/api/v1/plans/sandefjord-2021-2024/measures/1.T2`)).json()) as {
    measure: { responsibleRoles: string[]; responsiblePeople: { name: string }[] };
  };
  expect(measure.measure.responsibleRoles).toEqual(['Digitaliseringsleder']);
  expect(measure.measure.responsiblePeople.map((p) => p.name)).toEqual(['Megan Bowen']);
});

it('sets a numeric target and closes a measure with a reason, shown as closed in the table', async () => {
  const page = await browser.newPage();
  await page.goto(`${service.url}/tab/?plan=${HOYLANDET_ID}`);
  await page.getByRole('button', { name: 'Rediger tiltak 1.2.1' }).click();
  const dialog = page.getByRole('dialog');
  await page.waitForFunction("document.querySelector('[role=dialog] textarea')?.value !== ''");
  await dialog.getByRole('checkbox', { name: 'Tallfestet mål' }).check();
  await dialog.getByRole('textbox', { name: 'Enhet' }).fill('%');
  await dialog.getByRole('textbox', { name: 'Målverdi' }).fill('80');
  await dialog.getByRole('textbox', { name: 'Frist' }).fill('31.12.2026');
  await dialog.getByRole('checkbox', { name: /Tiltaket er avsluttet/ }).check();
  await dialog.getByRole('textbox', { name: /Hvorfor det avsluttes/ }).fill('Slått sammen med 1.2.2');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await dialog.waitFor({ state: 'detached' });
  const row = page.locator('tr[data-measure="1.2.1"]');
  await row.getByText(/Avsluttet \d\d\.\d\d\.\d{4}: Slått sammen med 1\.2\.2/).waitFor();
  const { measure } = (await (await fetch(`${service.url}/api/v1/plans/${HOYLANDET_ID}/measures/1.2.1`)).json()) as {
    measure: { indicator: { kind: string; unit?: string; target?: number }; deadline?: { date?: string } };
  };
  expect(measure.indicator).toMatchObject({ kind: 'numeric', unit: '%', target: 80 });
  expect(measure.deadline?.date).toBe('2026-12-31');
});
