/**
 * "Mine tiltak" through the real service: routes × roles (a responsible person, a substitute,
 * someone responsible for nothing), reporting with the card's rules (idempotency key, validation,
 * the period gate, the audit trail), and the two channels reading each other's answers: what Kari
 * answers in the tab is pre-filled on her next card, and what she answers on the card shows in
 * her list in the tab.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  GoalTableResponse,
  MyMeasuresResponse,
  MyReportResponse,
  OverviewResponse,
} from '../../bot/src/contract/api-types';
import { measuresOwnedBy } from '../../bot/src/domain/responsibility';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { findInputs } from '../support/adaptive-cards';
import { HOYLANDET_ID, hoylandet } from '../support/demo';
import { startTestService, talkingTo, type TestService } from '../support/service';

jest.setTimeout(60_000);

const KARI = { userId: 'kari', name: 'Kari Nordmann', roles: ['Teknisk sjef'], coordinatorOf: [] };
const OLA = { userId: 'ola', name: 'Ola Hansen', roles: ['Personalsjef'], coordinatorOf: [] };
const PER = { userId: 'per', name: 'Per Olsen', roles: [], coordinatorOf: [] };
const karis = measuresOwnedBy(KARI, hoylandet()).map((m) => m.id);
const olas = measuresOwnedBy(OLA, hoylandet()).map((m) => m.id);
/** Tuesday 24 November 2026, 10:00 in Oslo, moving with real time: the period "status pr. januar 2027". */
const base = Date.parse('2026-11-24T09:00:00Z');
const started = Date.now();
const clock = { now: () => new Date(base + (Date.now() - started)) };
const PERIOD = '2027-01';

let connector: ConnectorStandIn;
let service: TestService;

beforeAll(async () => {
  connector = await ConnectorStandIn.start();
  connector.knows(...[KARI, OLA, PER].map((p) => `a:${p.userId}`));
  const dir = mkdtempSync(join(tmpdir(), 'my-measures-'));
  writeFileSync(join(dir, 'directory.json'), JSON.stringify({ people: [KARI, OLA, PER] }));
  service = await startTestService({ DIRECTORY_FILE: join(dir, 'directory.json') }, { clock, ...talkingTo(connector) });
});
afterAll(async () => {
  await service?.close();
  await connector?.stop();
});

const as = (userId: string | undefined, path: string, init: RequestInit = {}) =>
  fetch(`${service.url}/api/v1/plans/${HOYLANDET_ID}${path}`, {
    ...init,
    headers: {
      'Content-Type': 'application/json',
      ...(userId ? { 'X-Tiltak-Dev-User': userId } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  });
const mine = async (userId: string, period = '') =>
  (await (await as(userId, `/my-measures${period ? `?period=${period}` : ''}`)).json()) as MyMeasuresResponse;
const report = (userId: string, body: unknown, key: string | undefined = randomUUID()) =>
  as(userId, '/my-measures', {
    method: 'POST',
    body: JSON.stringify(body),
    ...(key ? { headers: { 'Idempotency-Key': key } } : {}),
  });
const listed = (list: MyMeasuresResponse) => list.groups.flatMap((g) => g.measures);
const rowOf = async (id: string) => {
  const table = (await (await as(undefined, '/goal-table')).json()) as GoalTableResponse;
  const rows = (nodes: GoalTableResponse['goals']): GoalTableResponse['goals'][number]['measures'] =>
    nodes.flatMap((n) => [...n.measures, ...rows(n.children)]);
  return rows(table.goals).find((m) => m.id === id);
};

async function postActivity(activity: Record<string, unknown>): Promise<Response> {
  return fetch(`${service.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      channelId: 'msteams',
      serviceUrl: connector.url,
      recipient: { id: '28:bot' },
      channelData: { tenant: { id: 'tenant-1' } },
      from: { id: `29:${KARI.userId}`, aadObjectId: KARI.userId, name: KARI.name },
      conversation: { id: `a:${KARI.userId}`, conversationType: 'personal', tenantId: 'tenant-1' },
      ...activity,
    }),
  });
}

/** Kari writes "status" in the chat: the card the bot answers with. */
async function karisNextCard(): Promise<Record<string, unknown>> {
  connector.received.splice(0);
  const response = await postActivity({ type: 'message', id: randomUUID(), text: 'status' });
  expect(response.status).toBeLessThan(300);
  const card = connector.received.flatMap((r) => (r.activity.attachments ?? []).map((a) => a.content))[0];
  expect(card).toBeDefined();
  return card as Record<string, unknown>;
}

it('lists what each person answers for, and nothing for someone responsible for nothing', async () => {
  const kari = await mine(KARI.userId);
  expect(kari.period.id).toBe(PERIOD);
  expect(kari.state).toBe('open');
  expect(listed(kari).map((m) => m.id)).toEqual(karis);
  expect(kari.groups.every((g) => g.needsAnswer)).toBe(true);
  expect(kari.counts).toEqual({ measures: karis.length, answered: 0 });

  const per = await mine(PER.userId);
  expect(per.groups).toEqual([]);
  expect(per.counts).toEqual({ measures: 0, answered: 0 });
  // A reader may not report, whatever measure they name.
  const refused = await report(PER.userId, { periodId: PERIOD, entries: [{ measureId: karis[0], status: 'done' }] });
  expect(refused.status).toBe(403);
  expect(await refused.json()).toMatchObject({ error: 'not_allowed' });
  // Nor may Ola on Kari's measures.
  const olaOnKaris = await report(OLA.userId, { periodId: PERIOD, entries: [{ measureId: karis[0], status: 'done' }] });
  expect(olaOnKaris.status).toBe(403);
  expect((await as(KARI.userId, '/../no-such-plan/my-measures')).status).toBe(404);
  // The developer coordinates every plan by app role but is no one in the directory: answers for
  // nothing, and reports as no one (the card's rule: a report names the person who gave it).
  const developer = (await (await as(undefined, '/my-measures')).json()) as MyMeasuresResponse;
  expect(developer.groups).toEqual([]);
  const anonymous = await as(undefined, '/my-measures', {
    method: 'POST',
    body: JSON.stringify({ periodId: PERIOD, entries: [{ measureId: karis[0], status: 'done' }] }),
    headers: { 'Idempotency-Key': randomUUID() },
  });
  expect(anonymous.status).toBe(403);
  expect(await anonymous.json()).toMatchObject({ error: 'unknown_person' });
});

it('refuses a report without a key, of an unknown shape, or too long, and stores nothing', async () => {
  const entry = { measureId: karis[0], status: 'on_track' };
  const keyless = await report(KARI.userId, { periodId: PERIOD, entries: [entry] }, '');
  expect(keyless.status).toBe(428);
  expect(await keyless.json()).toMatchObject({ error: 'idempotency_key_required' });
  const unknown = await report(KARI.userId, { periodId: PERIOD, entries: [{ ...entry, status: 'brilliant' }] });
  expect(unknown.status).toBe(400);
  expect(await unknown.json()).toMatchObject({ error: 'bad_report' });
  const long = await report(KARI.userId, { periodId: PERIOD, entries: [{ ...entry, comment: 'x'.repeat(2001) }] });
  expect(long.status).toBe(400);
  expect(await long.json()).toMatchObject({ error: 'comment_too_long' });
  const none = await report(KARI.userId, { periodId: PERIOD, entries: [] });
  expect(await none.json()).toMatchObject({ error: 'nothing_reported' });
  const future = await report(KARI.userId, { periodId: '2028-01', entries: [entry] });
  expect(await future.json()).toMatchObject({ error: 'bad_period' });
  expect((await mine(KARI.userId, '2028-01')).state).toBe('future');
  expect((await mine(KARI.userId)).counts.answered).toBe(0);
});

it('stores two answers once for one key, in the goal table and the audit trail, and on the next card', async () => {
  const [first = '', second = ''] = karis;
  const body = {
    periodId: PERIOD,
    entries: [
      { measureId: first, status: 'on_track', comment: 'Bestilt' },
      { measureId: second, status: 'delayed', comment: '  ' },
    ],
  };
  const key = randomUUID();
  const stored = await report(KARI.userId, body, key);
  expect(stored.status).toBe(201);
  const answers = (await stored.json()) as MyReportResponse;
  expect(answers.alreadyStored).toBe(false);
  expect(answers.answers[first]).toMatchObject({ status: 'on_track', comment: 'Bestilt', reportedBy: KARI.name });
  expect(answers.answers[second]).not.toHaveProperty('comment');
  // The same save again (a retried request) stores nothing new.
  const again = await report(KARI.userId, body, key);
  expect(again.status).toBe(200);
  expect(((await again.json()) as MyReportResponse).alreadyStored).toBe(true);

  expect((await rowOf(first))?.status).toMatchObject({ code: 'on_track', comment: 'Bestilt', reportedBy: KARI.name });
  expect((await rowOf(second))?.status).toMatchObject({ code: 'delayed' });
  const audit = (await (await as(undefined, '/audit')).json()) as {
    entries: { action: string; actor: { name: string }; details: Record<string, string> }[];
  };
  const reported = audit.entries.filter((e) => e.action === 'status-reported');
  expect(reported).toHaveLength(1);
  expect(reported[0]).toMatchObject({
    actor: { name: KARI.name },
    details: { period: PERIOD, measures: `${first}: on_track, ${second}: delayed` },
  });

  const overview = (await (await as(undefined, '/overview')).json()) as OverviewResponse;
  expect(overview.totals).toMatchObject({ on_track: 1, delayed: 1 });
  expect(overview.notAnswered.find((p) => p.name === KARI.name)?.numbers).not.toContain(first);

  const list = await mine(KARI.userId);
  expect(list.counts.answered).toBe(2);
  // Those still needing an answer come first.
  expect(list.groups[0]?.needsAnswer).toBe(true);
  expect(list.groups.at(-1)?.needsAnswer).toBe(false);

  // The chat's next card starts from what she answered in the tab.
  const inputs = findInputs(await karisNextCard());
  expect(inputs.find((i) => i.id === `status:${first}`)?.value).toBe('on_track');
  expect(inputs.find((i) => i.id === `comment:${first}`)?.value).toBe('Bestilt');
  expect(inputs.find((i) => i.id === `status:${second}`)?.value).toBe('delayed');
});

it('shows an answer given on the card in the tab', async () => {
  const third = karis[2] ?? '';
  const card = await karisNextCard();
  const recorded = JSON.parse(
    readFileSync(join(__dirname, '../fixtures/activities/invoke-submit-status.json'), 'utf8'),
  ) as { value: { action: Record<string, unknown> } };
  const data = ((card.actions as { data: Record<string, string> }[])[0] ?? { data: {} }).data;
  const response = await postActivity({
    ...recorded,
    from: { id: `29:${KARI.userId}`, aadObjectId: KARI.userId, name: KARI.name },
    conversation: { id: `a:${KARI.userId}`, conversationType: 'personal', tenantId: 'tenant-1' },
    value: {
      action: {
        ...recorded.value.action,
        data: { ...data, [`status:${third}`]: 'done', [`comment:${third}`]: 'Ferdig' },
      },
    },
  });
  expect(response.status).toBe(200);
  const shown = listed(await mine(KARI.userId)).find((m) => m.id === third);
  expect(shown?.current).toMatchObject({ status: 'done', comment: 'Ferdig', reportedBy: KARI.name });
});

it("lets Ola answer Kari's measures while he stands in for her, saying for whom", async () => {
  const set = await as(undefined, '/substitutes', {
    method: 'POST',
    body: JSON.stringify({ absentId: KARI.userId, substituteId: OLA.userId, from: '2026-11-23', to: '2026-12-04' }),
  });
  expect(set.status).toBe(201);
  const ola = listed(await mine(OLA.userId));
  expect(ola.map((m) => m.id).sort()).toEqual([...new Set([...olas, ...karis])].sort());
  expect(
    ola
      .filter((m) => m.answersFor === KARI.name)
      .map((m) => m.id)
      .sort(),
  ).toEqual(karis.filter((id) => !olas.includes(id)).sort());
  const last = karis.at(-1) ?? '';
  const stored = await report(OLA.userId, { periodId: PERIOD, entries: [{ measureId: last, status: 'not_started' }] });
  expect(stored.status).toBe(201);
  expect((await rowOf(last))?.status).toMatchObject({ reportedBy: OLA.name, answeredFor: KARI.name });
  // Per, who stands in for no one, still may not.
  expect((await report(PER.userId, { periodId: PERIOD, entries: [{ measureId: last, status: 'done' }] })).status).toBe(
    403,
  );
});

it('takes late answers for an earlier period until the coordinator locks it, then shows it read-only', async () => {
  const entry = { measureId: olas[0], status: 'done' };
  expect((await mine(OLA.userId, '2026-01')).state).toBe('open');
  expect((await report(OLA.userId, { periodId: '2026-01', entries: [entry] })).status).toBe(201);
  const lock = await as(undefined, '/periods/2026-01/lock', { method: 'POST', body: '{}' });
  expect(lock.status).toBeLessThan(300);
  const locked = await mine(OLA.userId, '2026-01');
  expect(locked.state).toBe('locked');
  expect(listed(locked).find((m) => m.id === olas[0])?.current).toMatchObject({ status: 'done' });
  const refused = await report(OLA.userId, { periodId: '2026-01', entries: [{ ...entry, status: 'delayed' }] });
  expect(refused.status).toBe(409);
  expect(await refused.json()).toMatchObject({ error: 'period_locked' });
});
