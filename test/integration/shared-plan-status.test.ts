/**
 * A shared plan (DDØ) reported per municipality through the real card submit path: Tvedestrand's
 * and Risør's sector group answer the same measure differently, each municipality's view is its
 * own, and the whole plan (the Rådmannsforum's view) shows both and the roll-up ("3 av 5", with the
 * demo's answers for the other three).
 * Naming a municipality one does not answer for is refused and stores nothing; someone working for
 * two chooses in "Mine tiltak" which one an answer is for.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GoalTableResponse, MyMeasuresResponse, OverviewResponse } from '../../bot/src/contract/api-types';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { startTestService, talkingTo, type TestService } from '../support/service';

jest.setTimeout(60_000);

const DDO = 'ddo-2017-2020';
const MEASURE = '4.1.1.1';
const ROLE = 'Sektorgruppe Administrative støttefunksjoner';
const TOVE = {
  userId: 'tove',
  name: 'Tove Tvedestrand',
  roles: [ROLE],
  coordinatorOf: [],
  municipalities: ['tvedestrand'],
};
const RUNE = { userId: 'rune', name: 'Rune Risør', roles: [ROLE], coordinatorOf: [], municipalities: ['risor'] };
/** Works for two of the five: chooses in "Mine tiltak" which one an answer is for. */
const GRO = {
  userId: 'gro',
  name: 'Gro Gjerstad',
  roles: [ROLE],
  coordinatorOf: [],
  municipalities: ['gjerstad', 'vegarshei'],
};
const clock = { now: () => new Date('2026-11-24T09:00:00Z') };

let connector: ConnectorStandIn;
let service: TestService;

beforeAll(async () => {
  connector = await ConnectorStandIn.start();
  connector.knows(...[TOVE, RUNE].map((p) => `a:${p.userId}`));
  const dir = mkdtempSync(join(tmpdir(), 'shared-plan-'));
  writeFileSync(join(dir, 'directory.json'), JSON.stringify({ people: [TOVE, RUNE, GRO] }));
  service = await startTestService({ DIRECTORY_FILE: join(dir, 'directory.json') }, { clock, ...talkingTo(connector) });
});
afterAll(async () => {
  await service?.close();
  await connector?.stop();
});

/** Submits a card as `person` with the given inputs, the way Teams sends Action.Execute. */
async function submit(person: { userId: string; name: string }, inputs: Record<string, string>) {
  const recorded = JSON.parse(
    readFileSync(join(__dirname, '../fixtures/activities/invoke-submit-status.json'), 'utf8'),
  ) as { value: { action: Record<string, unknown> } };
  const response = await fetch(`${service.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      ...recorded,
      channelId: 'msteams',
      serviceUrl: connector.url,
      recipient: { id: '28:bot' },
      channelData: { tenant: { id: 'tenant-1' } },
      from: { id: `29:${person.userId}`, aadObjectId: person.userId, name: person.name },
      conversation: { id: `a:${person.userId}`, conversationType: 'personal', tenantId: 'tenant-1' },
      value: {
        action: {
          ...recorded.value.action,
          data: { submissionId: `${person.userId}-${Date.now()}`, planId: DDO, periodId: '2020-Q4', ...inputs },
        },
      },
    }),
  });
  return JSON.stringify(await response.json());
}

const api = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${service.url}/api/v1/plans/${DDO}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
};
const rowOf = (table: GoalTableResponse) => {
  const walk = (nodes: GoalTableResponse['goals']): GoalTableResponse['goals'][number]['measures'] =>
    nodes.flatMap((n) => [...n.measures, ...walk(n.children)]);
  return walk(table.goals).find((m) => m.id === MEASURE);
};
const measureIn = (overview: OverviewResponse) =>
  overview.goals.flatMap((g) => g.measures).find((m) => m.id === MEASURE);

it('stores each municipality’s own answer and shows each its own, and the whole with the roll-up', async () => {
  await submit(TOVE, { [`status:${MEASURE}`]: 'done', [`comment:${MEASURE}`]: 'Ferdig i Tvedestrand' });
  await submit(RUNE, { [`status:${MEASURE}`]: 'delayed', [`comment:${MEASURE}`]: 'Venter på opplæring' });

  const row = rowOf(await api<GoalTableResponse>('/goal-table?period=2020-Q4'));
  // Gjerstad, Vegårshei and Åmli as the demo data (bot/demo/statuses.json) has them.
  expect(row?.rollUp).toEqual({ done: 3, total: 5 });
  expect(row?.municipalities?.map((m) => [m.ownerId, m.status?.code, m.status?.reportedBy])).toEqual([
    ['gjerstad', 'done', 'Demodata'],
    ['risor', 'delayed', RUNE.name],
    ['tvedestrand', 'done', TOVE.name],
    ['vegarshei', 'done', 'Demodata'],
    ['amli', 'on_track', 'Demodata'],
  ]);
  expect(row?.municipalities?.find((m) => m.ownerId === 'risor')?.status?.comment).toBe('Venter på opplæring');

  const tvedestrand = await api<OverviewResponse>('/overview?period=2020-Q4&owner=tvedestrand');
  expect(measureIn(tvedestrand)).toMatchObject({ status: 'done', comment: 'Ferdig i Tvedestrand' });
  expect(tvedestrand.municipalities).toBeUndefined();
  // Its own people only, and the measure Tove answered is not missing.
  expect(tvedestrand.notAnswered.map((p) => p.name)).toEqual([TOVE.name]);
  expect(tvedestrand.notAnswered[0]?.numbers).not.toContain(MEASURE);
  const risor = await api<OverviewResponse>('/overview?period=2020-Q4&owner=risor');
  expect(measureIn(risor)).toMatchObject({ status: 'delayed', comment: 'Venter på opplæring' });
  expect(risor.totals).toMatchObject({ done: 1, delayed: 1, not_started: 1 }); // 4.1.1.3 done, 4.1.1.2 not started
  expect(risor.notAnswered[0]?.numbers).not.toContain(MEASURE);

  const whole = await api<OverviewResponse>('/overview?period=2020-Q4');
  expect(measureIn(whole)?.rollUp).toEqual({ done: 3, total: 5 });
  const side = new Map(whole.municipalities?.map((m) => [m.ownerId, m.counts]));
  expect(side.get('tvedestrand')).toMatchObject({ done: 1, on_track: 1, delayed: 0 });
  expect(side.get('risor')).toMatchObject({ done: 1, delayed: 1, not_started: 1 });
  expect(side.get('amli')).toMatchObject({ done: 0, on_track: 1, delayed: 1 });
});

it('refuses an answer naming a municipality the person does not answer for, and stores nothing', async () => {
  const answer = await submit(TOVE, { [`status:${MEASURE}`]: 'cancelled', [`organisation:${MEASURE}`]: 'risor' });
  expect(answer).toContain('Risør kommune');
  const row = rowOf(await api<GoalTableResponse>('/goal-table?period=2020-Q4'));
  expect(row?.municipalities?.find((m) => m.ownerId === 'risor')?.status?.code).toBe('delayed');
  expect(row?.municipalities?.find((m) => m.ownerId === 'tvedestrand')?.status?.code).toBe('done');
});

it('lets someone working for two municipalities choose in "Mine tiltak" which one an answer is for', async () => {
  const as = { 'Content-Type': 'application/json', 'X-Tiltak-Dev-User': GRO.userId };
  const mine = (await (
    await fetch(`${service.url}/api/v1/plans/${DDO}/my-measures`, { headers: as })
  ).json()) as MyMeasuresResponse;
  const measure = mine.groups.flatMap((g) => g.measures).find((m) => m.id === MEASURE);
  expect(measure).toMatchObject({
    organisationId: 'gjerstad',
    municipalities: [
      { id: 'gjerstad', name: 'Gjerstad kommune' },
      { id: 'vegarshei', name: 'Vegårshei kommune' },
    ],
  });
  const saved = await fetch(`${service.url}/api/v1/plans/${DDO}/my-measures`, {
    method: 'POST',
    headers: { ...as, 'Idempotency-Key': randomUUID() },
    body: JSON.stringify({
      periodId: '2020-Q4',
      entries: [{ measureId: MEASURE, status: 'delayed', comment: 'Venter i Vegårshei', organisationId: 'vegarshei' }],
    }),
  });
  expect(saved.status).toBe(201);
  const row = rowOf(await api<GoalTableResponse>('/goal-table?period=2020-Q4'));
  expect(row?.municipalities?.find((m) => m.ownerId === 'vegarshei')?.status).toMatchObject({
    code: 'delayed',
    reportedBy: GRO.name,
  });
  expect(row?.municipalities?.find((m) => m.ownerId === 'gjerstad')?.status?.reportedBy).toBe('Demodata');
});
