/**
 * Sandefjord's plan names no responsible role, so no round can reach anyone: the tab, the overview
 * and the report say so ("Ingen ansvarlig"), never "everyone has answered". The coordinator assigns
 * a role and a named person through the HTTP API (If-Match, audit trail), starts a round, and the
 * Bot Connector stand-in receives their cards. A role holder whose entry names no municipality, in
 * a directory of several, is a warning to Høylandet's coordinator, not a match in every plan.
 */
import ExcelJS from 'exceljs';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  GoalTableResponse,
  MeasureResponse,
  OverviewResponse,
  RoundProgress,
} from '../../bot/src/contract/api-types';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { DEMO_PLANS_DIR, HOYLANDET_ID } from '../support/demo';
import { startTestService, talkingTo, type TestService } from '../support/service';

jest.setTimeout(90_000);

const SANDEFJORD = 'sandefjord-2021-2024';
const PEOPLE = [
  { userId: 'siri', name: 'Siri Sandefjord', roles: [], municipalities: ['sandefjord'] },
  { userId: 'kari', name: 'Kari Kommunalsjef', roles: ['Digitaliseringsleder'], municipalities: ['sandefjord'] },
  { userId: 'alex', name: 'Alex Wilber', roles: ['Fagleder digitalisering'], municipalities: ['hoylandet'] },
  // Names no municipality while the directory names two: asked nowhere, and the coordinator is told.
  { userId: 'ola', name: 'Ola Uten Kommune', roles: ['Fagleder digitalisering'] },
].map((p) => ({ coordinatorOf: [], ...p }));

/** A Tuesday 10:00 in Oslo, moving with real time so deliveries fall due. */
const base = Date.parse('2026-11-24T09:00:00Z');
const started = Date.now();
const clock = { now: () => new Date(base + (Date.now() - started)) };

let connector: ConnectorStandIn;
let service: TestService;

beforeAll(async () => {
  connector = await ConnectorStandIn.start();
  connector.knows('a:chat-siri', 'a:chat-kari', 'a:chat-alex', 'a:chat-ola');
  const dir = mkdtempSync(join(tmpdir(), 'assign-'));
  writeFileSync(join(dir, 'directory.json'), JSON.stringify({ people: PEOPLE }));
  // Sandefjord's plan as the seed has it, with a deadline long past on 1.T1 (for "forfalt").
  const plans = join(dir, 'plans');
  mkdirSync(plans);
  const sandefjord = JSON.parse(readFileSync(join(DEMO_PLANS_DIR, `${SANDEFJORD}.json`), 'utf8')) as {
    goals: { measures?: { number: string; deadline?: unknown }[] }[];
  };
  const t1 = sandefjord.goals[0]?.measures?.find((m) => m.number === '1.T1');
  if (!t1) throw new Error('1.T1');
  t1.deadline = { kind: 'year', year: 2022, text: '2022' };
  writeFileSync(join(plans, `${SANDEFJORD}.json`), JSON.stringify(sandefjord));
  for (const file of [`${HOYLANDET_ID}.json`, `${HOYLANDET_ID}.txt`])
    copyFileSync(join(DEMO_PLANS_DIR, file), join(plans, file));
  service = await startTestService(
    { DIRECTORY_FILE: join(dir, 'directory.json'), DEMO_PLANS_DIR: plans },
    { clock, delivery: { concurrency: 4, retryDelayMs: () => 100, pollMs: 200 }, ...talkingTo(connector) },
  );
  for (const { userId } of PEOPLE) {
    const response = await fetch(`${service.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'conversationUpdate',
        id: `install-${userId}`,
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: `29:${userId}`, aadObjectId: userId },
        recipient: { id: '28:bot' },
        conversation: { id: `a:chat-${userId}`, conversationType: 'personal', tenantId: 'tenant-1' },
        channelData: { tenant: { id: 'tenant-1' } },
      }),
    });
    expect(response.status).toBeLessThan(300);
  }
});
afterAll(async () => {
  await service?.close();
  await connector?.stop();
});

const get = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${service.url}/api/v1/plans/${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
};
const patch = (measureId: string, body: object, ifMatch?: string) =>
  fetch(`${service.url}/api/v1/plans/${SANDEFJORD}/measures/${measureId}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', ...(ifMatch ? { 'If-Match': ifMatch } : {}) },
    body: JSON.stringify(body),
  });

it('shows a plan without responsible roles as such, never as answered', async () => {
  const table = await get<GoalTableResponse>(`${SANDEFJORD}/goal-table`);
  expect(table.counts.noOneResponsible).toBe(table.counts.measures);
  expect(table.reach?.unreached).toHaveLength(table.counts.measures);
  expect(table.goals[0]?.measures.find((m) => m.number === '1.T1')).toMatchObject({ overdue: true });
  expect(table.counts.overdue).toBe(1);

  const overview = await get<OverviewResponse>(`${SANDEFJORD}/overview`);
  expect(overview.notAnswered).toEqual([]);
  expect(overview.noOneResponsible).toHaveLength(table.counts.measures);
  expect(overview.overdue).toBe(1);
  expect(overview.goals[0]?.overdue).toBe(1);

  const report = await fetch(`${service.url}/api/v1/plans/${SANDEFJORD}/report.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await report.arrayBuffer());
  const sheet = workbook.worksheets[1];
  const row = (number: string) => sheet?.getRows(1, sheet.rowCount)?.find((r) => r.getCell(1).value === number);
  expect(row('1.T1')?.getCell(3).value).toBe('Ingen ansvarlig');
  expect(row('1.T1')?.getCell(5).value).toBe('2022 – Forfalt');
  const summary = workbook.worksheets[0];
  expect(summary?.getRow(5).getCell(9).value).toBe('Forfalt');
});

it('warns Høylandet’s coordinator of a role holder who names no municipality, and asks him nothing', async () => {
  const table = await get<GoalTableResponse>(`${HOYLANDET_ID}/goal-table`);
  expect(table.reach?.unplaced).toEqual([{ name: 'Ola Uten Kommune', roles: ['Fagleder digitalisering'] }]);
  const overview = await get<OverviewResponse>(`${HOYLANDET_ID}/overview`);
  expect(overview.notAnswered.map((p) => p.name)).toEqual(['Alex Wilber']);
});

it('assigns a role and a named person with If-Match, in the audit trail; a stale version is refused', async () => {
  const first = await get<MeasureResponse>(`${SANDEFJORD}/measures/1.T1`);
  expect((await patch('1.T1', { responsiblePeople: ['siri'] })).status).toBe(428);
  expect((await patch('1.T1', { responsiblePeople: ['nobody'] }, first.version)).status).toBe(400);
  const saved = await patch('1.T1', { responsiblePeople: ['siri'] }, first.version);
  expect(saved.status).toBe(200);
  expect(((await saved.json()) as MeasureResponse).measure.responsiblePeople).toEqual([
    { userId: 'siri', name: 'Siri Sandefjord' },
  ]);
  expect((await patch('1.T1', { responsiblePeople: [] }, first.version)).status).toBe(412); // someone saved first

  const second = await get<MeasureResponse>(`${SANDEFJORD}/measures/1.T2`);
  expect((await patch('1.T2', { responsibleText: 'Digitaliseringsleder' }, second.version)).status).toBe(200);

  const audit = await get<{ entries: { action: string; details: Record<string, string> }[] }>(`${SANDEFJORD}/audit`);
  const edits = audit.entries.filter((e) => e.action === 'measure-edited');
  expect(edits.map((e) => e.details)).toEqual([
    { measure: '1.T1', fields: 'responsiblePeople', people: 'Siri Sandefjord' },
    { measure: '1.T2', fields: 'responsibleText' },
  ]);

  const table = await get<GoalTableResponse>(`${SANDEFJORD}/goal-table`);
  expect(table.counts.noOneResponsible).toBe(table.counts.measures - 2);
});

it('reaches the people assigned with the next round', async () => {
  const start = await fetch(`${service.url}/api/v1/plans/${SANDEFJORD}/rounds`, { method: 'POST' });
  expect(start.status).toBe(201);
  let progress = await get<RoundProgress>(`${SANDEFJORD}/rounds/latest`);
  for (const until = Date.now() + 30_000; progress.counts.pending > 0 && Date.now() < until;) {
    await new Promise((r) => setTimeout(r, 200));
    progress = await get<RoundProgress>(`${SANDEFJORD}/rounds/latest`);
  }
  expect(progress.recipients.map((r) => [r.name, r.delivery])).toEqual([
    ['Kari Kommunalsjef', 'sent'],
    ['Siri Sandefjord', 'sent'],
  ]);
  const to = (chat: string) => connector.received.filter((r) => r.conversationId === chat);
  expect(JSON.stringify(to('a:chat-siri').map((r) => r.activity))).toContain('1.T1');
  expect(JSON.stringify(to('a:chat-kari').map((r) => r.activity))).toContain('1.T2');
  expect(to('a:chat-alex')).toHaveLength(0);
  expect(to('a:chat-ola')).toHaveLength(0);

  const overview = await get<OverviewResponse>(`${SANDEFJORD}/overview`);
  expect(overview.notAnswered.map((p) => p.name)).toEqual(['Kari Kommunalsjef', 'Siri Sandefjord']);
});
