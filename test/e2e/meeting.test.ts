/**
 * The app in a Teams meeting, through the TeamsJS host stand-in (the Agents Playground has no
 * meetings): the side panel shows the overview of the plan chosen for the meeting in ~300 px, and
 * "Del på skjermen" asks Teams to share the stage address; an attendee who may not share is told
 * why; the stage opens straight in meeting mode and steps goal by goal; axe finds nothing on the
 * side panel or the stage in bokmål, nynorsk and English, and in Teams' dark and high-contrast
 * themes; a channel tab in the same host stays the goal table.
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { allMeasures } from '../../bot/src/domain/plan';
import { channelTabUrl, stageUrl } from '../../tab/src/view-keys';
import { hostRecord, openInTeamsHost, pressSave, type TeamsHostOptions } from '../fakes/teams-host-stand-in';
import { axeViolations } from '../support/axe';
import { launchBrowser } from '../support/chromium';
import { HOYLANDET_ID, hoylandet, MEGAN } from '../support/demo';
import { startTestService, type TestService } from '../support/service';

jest.setTimeout(120_000);

const MEETING_ID = 'MCMxOTptZWV0aW5nX2xlZGVybW90ZUB0aHJlYWQudjIjMA==';
const SIDE_PANEL_WIDTH = 300;
/** While "status pr. januar 2027" is open: the period the side panel and the stage open on. */
const clock = { now: () => new Date('2027-01-10T10:00:00Z') };
const [first] = allMeasures(hoylandet());

let service: TestService;
let browser: BrowserContext;
let page: Page;
/** What the organiser saved on the configuration page: the plan, opening on its overview. */
let contentUrl: string;

beforeAll(async () => {
  service = await startTestService({}, { clock });
  const store = openSqliteStore(service.databasePath);
  await store.reports.appendReports([
    {
      id: 'seed-delayed',
      planId: HOYLANDET_ID,
      measureId: first!.id,
      periodId: '2027-01',
      status: 'delayed',
      comment: 'Leverandøren er forsinket',
      reportedBy: MEGAN,
      reportedAt: '2026-11-20T10:00:00Z',
      submissionId: 'seed-delayed',
    },
  ]);
  store.close();
  contentUrl = channelTabUrl(service.url, { planId: HOYLANDET_ID, filter: {}, show: 'overview' });
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await service?.close();
});

async function openTab(options: Omit<TeamsHostOptions, 'tabUrl'> & { tabUrl?: string }): Promise<Frame> {
  await openInTeamsHost(page, { tabUrl: contentUrl, meetingId: MEETING_ID, ...options });
  const frame = await (await page.locator('iframe#tab').elementHandle())?.contentFrame();
  if (!frame) throw new Error('the tab is not framed');
  await frame.waitForURL((url) => url.origin === new URL(service.url).origin);
  return frame;
}

const sidePanel = (options: Partial<TeamsHostOptions> = {}) =>
  openTab({ frameContext: 'sidePanel', width: SIDE_PANEL_WIDTH, height: 900, ...options });

it('lets the organiser choose the plan for the meeting on the configuration page, saved as the tab’s address', async () => {
  const frame = await openTab({ frameContext: 'settings', tabUrl: `${service.url}/tab/?view=config` });
  await frame.getByRole('heading', { name: 'Velg planen for møtet' }).waitFor();
  await frame.getByLabel('Plan').selectOption('stord-2022');
  await frame.getByLabel('Sektor').selectOption('Felles');
  await page.waitForFunction("window.teamsHost.calls.includes('settings.setValidityState')");
  await pressSave(page);
  await page.waitForFunction("window.teamsHost.saveOutcome === 'success'");
  const record = await hostRecord(page);
  // A meeting looks at the overview: its side panel shows that plan, its chat tab opens on it.
  expect(record.settings.at(-1)).toMatchObject({
    contentUrl: channelTabUrl(service.url, { planId: 'stord-2022', filter: { sector: 'Felles' }, show: 'overview' }),
  });
  expect(record.refused).toEqual([]);
});

it('shows the chosen plan’s overview in the side panel, no wider than the panel', async () => {
  const frame = await sidePanel();
  await frame.locator('#overview-heading').waitFor();
  await frame.getByRole('heading', { level: 1, name: /Strategi for digitalisering 2023–2027/ }).waitFor();
  await frame.getByRole('button', { name: 'Forsinket: 1' }).first().waitFor();
  const [scrollWidth, innerWidth] = (await frame.evaluate(
    '[document.documentElement.scrollWidth, window.innerWidth]',
  )) as [number, number];
  expect(innerWidth).toBe(SIDE_PANEL_WIDTH);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
});

it('"Del på skjermen" asks Teams to put meeting mode for the plan on the stage', async () => {
  const frame = await sidePanel();
  await frame.getByText('Viser møtemodus på skjermen for alle i møtet, ett mål om gangen.').waitFor();
  await frame.getByRole('button', { name: 'Del på skjermen' }).click();
  await frame.getByText('Møtemodus vises nå på skjermen for alle i møtet.').waitFor();
  const record = await hostRecord(page);
  expect(record.shared).toEqual([stageUrl(service.url, { planId: HOYLANDET_ID, filter: {} })]);
  // Asked first whether sharing is allowed; nothing the host refused.
  expect(record.calls).toEqual(
    expect.arrayContaining(['meeting.getAppContentStageSharingCapabilities', 'meeting.shareAppContentToStage']),
  );
  expect(record.calls.indexOf('meeting.getAppContentStageSharingCapabilities')).toBeLessThan(
    record.calls.indexOf('meeting.shareAppContentToStage'),
  );
  expect(record.refused).toEqual([]);
});

it('tells an attendee who may not share why, and does not ask Teams to share', async () => {
  const frame = await sidePanel({ mayShare: false });
  await frame
    .getByText(/Du kan ikke dele på skjermen i dette møtet: Teams lar bare arrangører og presentatører/)
    .waitFor();
  const button = frame.getByRole('button', { name: 'Del på skjermen' });
  expect(await button.getAttribute('aria-disabled')).toBe('true');
  await button.click({ force: true });
  const record = await hostRecord(page);
  expect(record.shared).toEqual([]);
  expect(record.calls).not.toContain('meeting.shareAppContentToStage');
});

it('opens the stage in meeting mode and steps goal by goal with the arrows and the buttons', async () => {
  const frame = await openTab({
    frameContext: 'meetingStage',
    tabUrl: stageUrl(service.url, { planId: HOYLANDET_ID, filter: {} }),
  });
  const meeting = frame.getByRole('dialog', { name: /^1 / });
  await meeting.waitFor();
  await frame.getByText('Mål 1 av 7').waitFor();
  await meeting.getByText(first!.text).waitFor();
  // Nothing to leave to on the stage.
  expect(await frame.getByRole('button', { name: 'Avslutt møtemodus' }).count()).toBe(0);
  await frame.waitForFunction("document.activeElement && document.activeElement.id === 'meeting-goal'");
  await page.keyboard.press('ArrowRight');
  await frame.getByText('Mål 2 av 7').waitFor();
  await frame.getByRole('button', { name: 'Neste mål' }).click();
  await frame.getByText('Mål 3 av 7').waitFor();
  await frame.getByRole('button', { name: 'Forrige mål' }).click();
  await frame.getByText('Mål 2 av 7').waitFor();
  await page.keyboard.press('End');
  await frame.getByText('Mål 7 av 7').waitFor();
  expect((await hostRecord(page)).refused).toEqual([]);
});

it('opens the tab Teams itself puts on the stage (its content address) in meeting mode too', async () => {
  const frame = await openTab({ frameContext: 'meetingStage' });
  await frame.getByText('Mål 1 av 7').waitFor();
});

it('leaves a channel tab (frame context content, no meeting) as the goal table, asking nothing of the meeting', async () => {
  await openInTeamsHost(page, { tabUrl: `${service.url}/tab/?plan=${HOYLANDET_ID}`, frameContext: 'content' });
  const frame = await (await page.locator('iframe#tab').elementHandle())!.contentFrame();
  await frame!.getByRole('tab', { name: 'Måltabell' }).waitFor();
  const record = await hostRecord(page);
  expect(record.calls.filter((call) => call.startsWith('meeting.'))).toEqual([]);
  expect(record.refused).toEqual([]);
  // The stand-in is as strict as Teams: sharing to the stage from a channel tab is refused (501).
  await frame!.evaluate(
    `window.parent.postMessage({ id: 9999, uuidAsString: 'probe', func: 'meeting.shareAppContentToStage', args: [location.href, {}] }, '*')`,
  );
  await page.waitForFunction('window.teamsHost.refused.length > 0');
  expect((await hostRecord(page)).refused).toEqual([{ func: 'meeting.shareAppContentToStage', errorCode: 501 }]);
  expect((await hostRecord(page)).shared).toEqual([]);
});

// Teams gives its theme in the context: dark and high contrast come from there, not from the browser.
describe.each([
  ['nb-NO', 'default', 'Del på skjermen'],
  ['nn-NO', 'default', 'Del på skjermen'],
  ['en-US', 'default', 'Share to stage'],
  ['nb-NO', 'dark', 'Del på skjermen'],
  ['nb-NO', 'contrast', 'Del på skjermen'],
] as const)('in %s, theme %s', (locale, theme, share) => {
  it('the side panel and the stage have no axe violations', async () => {
    const panel = await sidePanel({ locale, theme });
    await panel.locator('#overview-heading').waitFor();
    await panel.getByRole('button', { name: share }).waitFor();
    await panel.locator('[id=share-to-stage-help]:not(:empty)').waitFor();
    expect(await axeViolations(panel)).toEqual([]);

    const stage = await openTab({
      frameContext: 'meetingStage',
      locale,
      theme,
      tabUrl: stageUrl(service.url, { planId: HOYLANDET_ID, filter: {} }),
    });
    await stage.locator('#meeting-goal').waitFor();
    expect(await axeViolations(stage)).toEqual([]);
  });
});
