/**
 * Stord's coordinator revises the plan for the new year in the tab (issue 18's yearly revision):
 * starts a revision, renumbers and rewords a measure of the draft, reads what the draft changes,
 * adopts it behind a dialog saying what will happen; the table shows the new plan with the old
 * report still on its measure, and the earlier version opens read only with the same report. The
 * revision and versions views pass axe in bokmål, nynorsk and English, and work at 390 px.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { axeViolations } from '../support/axe';
import { launchBrowser } from '../support/chromium';
import { HOYLANDET_ID, ROOT } from '../support/demo';
import { startTestService, type TestService } from '../support/service';

jest.setTimeout(120_000);

const STORD = 'stord-2022';
const COORDINATOR = { userId: 'diana', name: 'Diana Stord', roles: [], coordinatorOf: [STORD] };
const LOCALES = ['nb-NO', 'nn-NO', 'en-US'] as const;

let service: TestService;
const browsers = new Map<string, BrowserContext>();

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/tab/index.html'))) throw new Error('The tab is not built: run `npm run build:tab`.');
  const dir = mkdtempSync(join(tmpdir(), 'revision-e2e-'));
  writeFileSync(join(dir, 'directory.json'), JSON.stringify({ people: [COORDINATOR] }));
  service = await startTestService({ DIRECTORY_FILE: join(dir, 'directory.json') });
  const store = openSqliteStore(service.databasePath);
  try {
    await store.reports.appendReports([
      {
        id: 'r-3.2',
        planId: STORD,
        measureId: '3.2',
        periodId: '2026-01',
        status: 'on_track',
        comment: 'Helsestasjonen er i gang',
        reportedBy: { userId: 'birthe', name: 'Birthe' },
        reportedAt: '2026-01-10T09:00:00.000Z',
        submissionId: 's-3.2',
      },
    ]);
  } finally {
    store.close();
  }
  for (const locale of LOCALES) browsers.set(locale, await launchBrowser({ locale }));
});
afterAll(async () => {
  for (const browser of browsers.values()) await browser.close();
  await service?.close();
});

/** A page of the tab as the coordinator (the dev login's choice, kept in the browser). */
async function openAs(locale: string, query: string): Promise<Page> {
  const page = await browsers.get(locale)!.newPage();
  await page.addInitScript(`localStorage.setItem('tiltak.devUser', '${COORDINATOR.userId}')`);
  await page.goto(`${service.url}/tab/?plan=${STORD}&${query}`);
  return page;
}

it('revises the plan in the tab: the diff in words, adopted, the old report still with its measure', async () => {
  const page = await openAs('nn-NO', 'show=revision');
  await page.getByRole('heading', { name: 'Revisjon av planen (rullering)' }).waitFor();
  await page.getByRole('button', { name: 'Start revisjon' }).click();
  await page.getByRole('status').getByText('Revisjonen er starta.').waitFor();
  await page.getByText('Utkastet er enno likt planen som gjeld.').waitFor();

  await page.getByRole('button', { name: 'Rediger tiltak 3.2' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /Nummer/ }).fill('3.9');
  await dialog.getByRole('textbox', { name: 'Tekst' }).fill('Ta i bruk DigiHelsestasjon for alle familiar');
  await dialog.getByRole('button', { name: 'Lagre i utkastet' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('status').getByText('3.9 er lagra i utkastet.').waitFor();
  await page.getByText('Nytt nummer 3.2 → 3.9: Ta i bruk DigiHelsestasjon for alle familiar').waitFor();
  await page.getByText('Endra 3.9 Ta i bruk DigiHelsestasjon for alle familiar (tekst)').waitFor();
  // The plan in force is untouched until the revision is adopted.
  expect(page.url()).toContain('show=revision');

  // A number another measure of the draft has is refused, in the person's language.
  await page.getByRole('button', { name: 'Rediger tiltak 3.9' }).click();
  await dialog.getByRole('textbox', { name: /Nummer/ }).fill('3.1');
  await dialog.getByRole('button', { name: 'Lagre i utkastet' }).click();
  await page.getByRole('alert').getByText(/3\.1/).waitFor();

  await page.getByRole('button', { name: 'Vedta revisjonen' }).click();
  await dialog.getByText('Planen som gjeld no, vert lagra som versjon 1', { exact: false }).waitFor();
  await dialog.getByText('Nye: 0. Nytt nummer: 1. Endra: 1. Fjerna: 0.').waitFor();
  await dialog.getByRole('button', { name: 'Vedta', exact: true }).click();
  await page.getByText('Revisjonen er vedteken. Førre versjon er lagra som versjon 1.').waitFor();
  await page.getByRole('tab', { name: 'Måltabell', selected: true }).waitFor();

  // The measure is 3.9 now; its report from before the revision is still its own.
  await page.goto(`${service.url}/tab/?plan=${STORD}&period=2026-01`);
  const row = page.locator('tr[data-measure="3.9"]');
  await row.getByText('Ta i bruk DigiHelsestasjon for alle familiar').waitFor();
  await row.getByText('Helsestasjonen er i gang').waitFor();
  expect(await page.locator('tr[data-measure="3.2"]').count()).toBe(0);

  // Version 1 opens read only, as it was, with the same report.
  await page.getByRole('tab', { name: 'Versjonar' }).click();
  await page.getByText('Versjon 2 gjeld no.').waitFor();
  await page.getByRole('button', { name: 'Vis versjon 1' }).click();
  await page.getByText(/Versjon 1, gjaldt til .*Berre for lesing/).waitFor();
  const old = page.locator('tr[data-measure="3.2"]');
  await old.getByText('Helsestasjonen er i gang').waitFor();
  expect(await page.getByRole('button', { name: /Rediger tiltak/ }).count()).toBe(0);
});

it('imports the revised document into the draft and shows it matched against the plan', async () => {
  // Høylandet's document, revised: 1.2.1 reworded, 1.2.2 moved to 1.2.3, a new 1.2.2.
  const source = readFileSync(join(ROOT, 'bot/demo/plans/hoylandet-2023-2027.txt'), 'utf8')
    .replace('1.2.1 Opprette en kommunikasjonsstrategi', '1.2.1 Opprette og vedta en kommunikasjonsstrategi')
    .replace(
      '\t\t1.2.2 Opprette en redaksjon',
      '\t\t1.2.2 Lage en publiseringsplan for nettsiden\tInformasjonsansvarlig Måleindikator: Plan vedtatt\t\n\t\t1.2.3 Opprette en redaksjon',
    );
  const page = await browsers.get('nb-NO')!.newPage();
  await page.goto(`${service.url}/tab/?plan=${HOYLANDET_ID}&show=revision`);
  await page.getByRole('button', { name: 'Start revisjon' }).click();
  await page.getByText('Utkastet er ennå likt planen som gjelder.').waitFor();
  await page.locator('input[type=file]').setInputFiles({
    name: 'hoylandet-2024.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(source),
  });
  await page.getByText('hoylandet-2024.txt').waitFor();
  await page.getByRole('button', { name: 'Les inn som utkast' }).click();
  await page.getByRole('status').getByText('Dokumentet er lest inn som utkast').waitFor();
  await page.getByRole('heading', { name: 'Nye tiltak (1)' }).waitFor();
  await page.getByText('Nytt 1.2.2 Lage en publiseringsplan for nettsiden').waitFor();
  await page.getByText(/^Nytt nummer 1\.2\.2 → 1\.2\.3: Opprette en redaksjon/).waitFor();
  await page.getByText(/^Endret 1\.2\.1 Opprette og vedta en kommunikasjonsstrategi.*\(tekst\)$/).waitFor();

  // Discarding leaves the plan as it was.
  await page.getByRole('button', { name: 'Forkast utkastet' }).click();
  await page.getByRole('dialog').getByText('Planen som gjelder, endres ikke.', { exact: false }).waitFor();
  await page.getByRole('dialog').getByRole('button', { name: 'Forkast', exact: true }).click();
  await page.getByRole('status').getByText('Utkastet er forkastet.').waitFor();
  await page.getByRole('button', { name: 'Start revisjon' }).waitFor();
  await page.close();
});

describe('the revision’s views are universally designed', () => {
  it.each(LOCALES)('revision with a draft, its adopt dialog, and versions in %s: no axe violations', async (locale) => {
    const page = await openAs(locale, 'show=revision');
    const start = page.getByRole('button', { name: /Start revis/ });
    const adopt = page.getByRole('button', { name: /Vedta revisjonen|Adopt the revision/ });
    await Promise.race([start.waitFor(), adopt.waitFor()]);
    if (await start.isVisible()) await start.click();
    await adopt.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await adopt.click();
    await page.getByRole('dialog').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.goto(`${service.url}/tab/?plan=${STORD}&show=versions&period=2026-01`);
    await page.getByRole('button', { name: /Vis versjon 1|Show version 1/ }).click();
    await page.locator('tr[data-measure]').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('fits a 390 px phone', async () => {
    const page = await openAs('nb-NO', 'show=revision');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Vedta revisjonen' }).waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Forkast utkastet' }).click();
    await page
      .getByRole('dialog')
      .getByText('Endringane i utkastet', { exact: false })
      .or(page.getByRole('dialog').getByText('Endringene i utkastet', { exact: false }))
      .waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Forkast', exact: true }).click();
    await page.getByText('Utkastet er forkastet.').waitFor();
    await page.getByRole('button', { name: 'Start revisjon' }).waitFor();
  });
});
