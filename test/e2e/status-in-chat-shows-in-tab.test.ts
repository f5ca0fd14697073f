/**
 * The first slice end to end, as a user does it: in the Microsoft 365 Agents Playground (a
 * Teams-like client, run offline) write "status", fill in the card and send it; then open the tab
 * and see the new status in the goal table and in the person's own "Mine tiltak".
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from '../support/chromium';
import { ALEX, ROOT } from '../support/demo';
import { startPlayground, type Playground } from '../../bot/src/dev/playground';
import { startTestService, type TestService } from '../support/service';

jest.setTimeout(90_000);

describe('a status answered in Teams chat shows in the tab', () => {
  let service: TestService;
  let playground: Playground;
  let browser: BrowserContext;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/tab/index.html'))) {
      throw new Error('The tab is not built: run `npm run build:tab` (npm test does it first).');
    }
    service = await startTestService();
    playground = await startPlayground(`${service.url}/api/messages`);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await service?.close();
  });

  it('answers the card in the Playground and shows the row in the tab', async () => {
    const chat = await browser.newPage();
    await chat.goto(playground.url);
    const editor = chat.locator('[data-lexical-editor="true"]');
    await editor.click();
    await chat.keyboard.type('status');
    await chat.keyboard.press('Enter');

    const card = chat
      .locator('.ac-adaptiveCard')
      .filter({ hasText: 'Statusrapport: Strategi for digitalisering 2023–2027' });
    await card.waitFor();
    await card.getByText('Du er ansvarlig for 19 tiltak').waitFor();

    await card.getByRole('combobox', { name: /Status for 2\.2\.1/ }).click();
    await chat.getByRole('option', { name: 'I rute' }).click();
    await card
      .getByRole('textbox', { name: /Kommentar til 2\.2\.1/ })
      .fill('Beredskapsplanen er oppdatert og tatt opp på ledermøtet');
    await card.getByRole('button', { name: 'Send status' }).click();

    // The card is replaced in place by the read-only answer.
    const answered = chat
      .locator('.ac-adaptiveCard')
      .filter({ hasText: 'Status levert: Strategi for digitalisering 2023–2027' });
    await answered.getByText(/Levert av Alex Wilber \d\d\.\d\d\.\d{4} kl\. \d\d:\d\d/).waitFor();
    await answered.getByText('I rute · Beredskapsplanen er oppdatert og tatt opp på ledermøtet').waitFor();
    await expect(chat.getByRole('button', { name: 'Send status' }).count()).resolves.toBe(0);

    const tab = await browser.newPage();
    await tab.goto(`${service.url}/tab/?plan=hoylandet-2023-2027`);
    await tab.getByRole('heading', { name: 'Høylandet kommune: Strategi for digitalisering 2023–2027' }).waitFor();
    const row = tab.locator('tr[data-measure="2.2.1"]');
    await row.getByText('I rute', { exact: true }).waitFor();
    await row.getByText('Beredskapsplanen er oppdatert og tatt opp på ledermøtet').waitFor();
    await row.getByText(/Rapportert av Alex Wilber/).waitFor();
    await tab.getByText('1 av 44 tiltak har status for perioden.').waitFor();
    // Every other row still says it has no report: the status landed on the right measure only.
    await expect(tab.locator('[data-status="none"]').count()).resolves.toBe(43);

    // And in Alex's own "Mine tiltak", as what he answered, ready to change.
    await tab.evaluate(`localStorage.setItem('tiltak.devUser', '${ALEX.userId}')`);
    await tab.goto(`${service.url}/tab/?plan=hoylandet-2023-2027&show=mine`);
    const mine = tab.locator('fieldset[data-my-measure="2.2.1"]');
    await mine.getByText(/Levert av Alex Wilber/).waitFor();
    await expect(mine.getByRole('combobox', { name: 'Status for 2.2.1' }).inputValue()).resolves.toBe('on_track');
    await expect(mine.getByRole('textbox', { name: /Kommentar til 2\.2\.1/ }).inputValue()).resolves.toBe(
      'Beredskapsplanen er oppdatert og tatt opp på ledermøtet',
    );
  });
});
