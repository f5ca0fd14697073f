/**
 * Benefit realisation in headless Chromium: the coordinator gives a measure a benefit and an
 * investment in the edit dialog's "Gevinster", and the overview's "Gevinstrealisering" shows it
 * against what was realised (reported earlier), with the return; no axe violations there in nb,
 * nn and en.
 */
import type { BrowserContext } from 'playwright-core';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { axeViolations } from '../support/axe';
import { launchBrowser } from '../support/chromium';
import { HOYLANDET_ID, MEGAN } from '../support/demo';
import { startTestService, type TestService } from '../support/service';

jest.setTimeout(120_000);

let service: TestService;
const browsers = new Map<string, BrowserContext>();
const LOCALES = ['nb-NO', 'nn-NO', 'en-US'];

beforeAll(async () => {
  service = await startTestService({}, { clock: { now: () => new Date('2026-11-24T09:00:00Z') } });
  const store = openSqliteStore(service.databasePath);
  // What Megan reported realised on her card last period, before the benefit was written into the plan.
  await store.realisedBenefits.addRealised([
    {
      id: 'seed-realised',
      planId: HOYLANDET_ID,
      measureId: '1.1.1',
      benefitType: 'reduced-cost',
      periodId: '2027-01',
      year: 2026,
      value: 90_000,
      reportedBy: MEGAN,
      reportedAt: '2026-11-20T10:00:00Z',
    },
  ]);
  store.close();
  for (const locale of LOCALES) browsers.set(locale, await launchBrowser({ locale }));
});
afterAll(async () => {
  for (const b of browsers.values()) await b.close();
  await service?.close();
});

it('shows a benefit edited in the tab in the overview against what was realised, with the return', async () => {
  const page = await browsers.get('nb-NO')!.newPage();
  await page.goto(`${service.url}/tab/?plan=${HOYLANDET_ID}`);
  await page.getByRole('button', { name: 'Rediger tiltak 1.1.1' }).click();
  const dialog = page.getByRole('dialog');
  await page.waitForFunction("document.querySelector('[role=dialog] textarea')?.value !== ''");
  await dialog.getByRole('textbox', { name: 'Investering (kroner)' }).fill('30 000');
  await dialog.getByRole('button', { name: 'Legg til gevinst' }).click();
  // The new benefit's first field has the focus, where it appeared.
  const benefit = dialog.getByRole('group', { name: 'Reduserte kostnader' });
  await page.waitForFunction(
    "document.activeElement?.tagName === 'SELECT' && document.activeElement.closest('fieldset[data-benefit]') !== null",
  );
  await benefit.getByRole('textbox', { name: 'Beskrivelse' }).fill('Færre lisenser');
  await benefit.getByRole('textbox', { name: 'Gevinstansvarlig' }).fill('Økonomisjef');
  await benefit.getByRole('textbox', { name: 'Nullpunkt (utgangsverdi)' }).fill('12 lisenser (2023)');
  await benefit.getByRole('textbox', { name: 'Forventet per år (kroner)' }).fill('100 000');
  await benefit.getByRole('textbox', { name: 'Første år' }).fill('2026');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await dialog.waitFor({ state: 'detached' });

  await page.goto(`${service.url}/tab/?plan=${HOYLANDET_ID}&period=2027-01&show=overview`);
  const section = page.locator('section[aria-labelledby="benefits-heading"]');
  await section.getByRole('heading', { name: 'Gevinstrealisering' }).waitFor();
  const table = section.getByRole('table', { name: 'Forventet mot realisert gevinst per type og år' });
  const expected = table.getByRole('row', { name: /Reduserte kostnader \(kroner\) Forventet/ });
  const realised = table.getByRole('row', { name: /Reduserte kostnader \(kroner\) Realisert/ });
  const cells = async (row: typeof expected) => (await row.getByRole('cell').allInnerTexts()).map(squash);
  // 2023–2027: expected from 2026, realised 90 000 in 2026.
  expect(await cells(expected)).toEqual(['0 kr', '0 kr', '0 kr', '100 000 kr', '100 000 kr', '200 000 kr']);
  expect(await cells(realised)).toEqual(['0 kr', '0 kr', '0 kr', '90 000 kr', '0 kr', '90 000 kr']);
  expect(squash(await section.innerText())).toContain(
    'Realisert gevinst er 90 000 kr mot en investering på 30 000 kr: avkastning 1:3. Målet er minst 1:3, og det er nådd.',
  );
});

it.each(LOCALES)('shows Gevinstrealisering without axe violations in %s', async (locale) => {
  const page = await browsers.get(locale)!.newPage();
  await page.goto(`${service.url}/tab/?plan=${HOYLANDET_ID}&period=2027-01&show=overview`);
  await page.locator('#benefits-heading').waitFor();
  expect(await axeViolations(page)).toEqual([]);
});

/** nb-NO groups thousands with a no-break space. */
function squash(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}
