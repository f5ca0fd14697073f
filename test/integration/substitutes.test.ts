/**
 * A substitute (stedfortreder) as a coordinator sets one and a round uses it: while Kari is away,
 * Ola gets her card next to his own and answers for her measures; the report says he answered for
 * her. Nobody else may, and Ola no longer may once the substitution is removed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GoalTableResponse, RoundProgress, SubstitutesResponse } from '../../bot/src/contract/api-types';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { cardTexts } from '../support/adaptive-cards';
import { HOYLANDET_ID } from '../support/demo';
import { startTestService, talkingTo, type TestService } from '../support/service';

jest.setTimeout(60_000);

const KARI = { userId: 'kari', name: 'Kari Nordmann', roles: ['Teknisk sjef'], coordinatorOf: [] };
const OLA = { userId: 'ola', name: 'Ola Hansen', roles: ['Personalsjef'], coordinatorOf: [] };
const PER = { userId: 'per', name: 'Per Olsen', roles: [], coordinatorOf: [] };
/** Tuesday 24 November 2026, 10:00 in Oslo, moving with real time. */
const base = Date.parse('2026-11-24T09:00:00Z');
const started = Date.now();
const clock = { now: () => new Date(base + (Date.now() - started)) };

let connector: ConnectorStandIn;
let service: TestService;

beforeAll(async () => {
  connector = await ConnectorStandIn.start();
  connector.knows(...[KARI, OLA, PER].map((p) => `a:${p.userId}`));
  const dir = mkdtempSync(join(tmpdir(), 'substitutes-'));
  writeFileSync(join(dir, 'directory.json'), JSON.stringify({ people: [KARI, OLA, PER] }));
  service = await startTestService(
    { DIRECTORY_FILE: join(dir, 'directory.json') },
    { clock, delivery: { concurrency: 4, retryDelayMs: () => 100, pollMs: 200 }, ...talkingTo(connector) },
  );
  for (const person of [KARI, OLA, PER]) {
    const response = await postActivity({
      type: 'conversationUpdate',
      id: `install-${person.userId}`,
      from: { id: `29:${person.userId}`, aadObjectId: person.userId },
      conversation: { id: `a:${person.userId}`, conversationType: 'personal', tenantId: 'tenant-1' },
    });
    expect(response.status).toBeLessThan(300);
  }
});
afterAll(async () => {
  await service?.close();
  await connector?.stop();
});

function postActivity(activity: Record<string, unknown>): Promise<Response> {
  return fetch(`${service.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      channelId: 'msteams',
      serviceUrl: connector.url,
      recipient: { id: '28:bot' },
      channelData: { tenant: { id: 'tenant-1' } },
      ...activity,
    }),
  });
}

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${service.url}/api/v1/plans/${HOYLANDET_ID}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
  });
const setSubstitute = (body: Record<string, string>) =>
  api('/substitutes', { method: 'POST', body: JSON.stringify(body) });

/** Submits a card as `person` with the given inputs, the way Teams sends Action.Execute. */
async function submit(
  card: Record<string, unknown>,
  person: { userId: string; name: string },
  inputs: Record<string, string>,
) {
  const recorded = JSON.parse(
    readFileSync(join(__dirname, '../fixtures/activities/invoke-submit-status.json'), 'utf8'),
  ) as { value: { action: Record<string, unknown> } };
  const data = ((card.actions as { data: Record<string, string> }[])[0] ?? { data: {} }).data;
  const response = await postActivity({
    ...recorded,
    from: { id: `29:${person.userId}`, aadObjectId: person.userId, name: person.name },
    conversation: { id: `a:${person.userId}`, conversationType: 'personal', tenantId: 'tenant-1' },
    value: { action: { ...recorded.value.action, data: { ...data, ...inputs } } },
  });
  return (await response.json()) as { value: Record<string, unknown> };
}

const cardsIn = (conversationId: string) =>
  connector.received
    .filter((r) => r.conversationId === conversationId)
    .flatMap((r) => (r.activity.attachments ?? []).map((a) => a.content));
const introOf = (card: Record<string, unknown>) =>
  cardTexts(card)
    .map((t) => t.text)
    .find((t) => t.includes('tiltak')) ?? '';
const goalTableRow = async (number: string) => {
  const table = (await (await api('/goal-table')).json()) as GoalTableResponse;
  const rows = JSON.stringify(table);
  expect(rows).toContain(number);
  const find = (node: unknown): Record<string, unknown> | undefined => {
    if (Array.isArray(node)) return node.map(find).find(Boolean);
    if (typeof node !== 'object' || node === null) return undefined;
    const record = node as Record<string, unknown>;
    if (record.number === number && 'responsibleRoles' in record) return record;
    return Object.values(record).map(find).find(Boolean);
  };
  return find(table) as { status?: { reportedBy: string; answeredFor?: string } } | undefined;
};

it('refuses a substitute that cannot work, saying why', async () => {
  const today = '2026-11-24';
  const cases: [Record<string, string>, string][] = [
    [{ absentId: KARI.userId, substituteId: KARI.userId, from: today, to: today }, 'same-person'],
    [{ absentId: PER.userId, substituteId: OLA.userId, from: today, to: today }, 'absent-has-no-measures'],
    [{ absentId: KARI.userId, substituteId: OLA.userId, from: '2026-11-01', to: '2026-11-20' }, 'past'],
    [{ absentId: KARI.userId, substituteId: OLA.userId, from: '2026-12-05', to: '2026-12-01' }, 'dates'],
    [{ absentId: KARI.userId, substituteId: 'nobody', from: today, to: today }, 'substitute'],
  ];
  for (const [body, problem] of cases) {
    const response = await setSubstitute(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'bad_substitute', problem });
  }
  const listed = (await (await api('/substitutes')).json()) as SubstitutesResponse;
  expect(listed.substitutes).toEqual([]);
  expect(listed.people.filter((p) => p.responsible).map((p) => p.name)).toEqual([OLA.name, KARI.name].sort());
});

it("sends Kari's card to Ola while she is away, and Ola answers for her", async () => {
  const set = await setSubstitute({
    absentId: KARI.userId,
    substituteId: OLA.userId,
    from: '2026-11-23',
    to: '2026-12-04',
  });
  expect(set.status).toBe(201);

  expect((await api('/rounds', { method: 'POST' })).status).toBe(201);
  let progress: RoundProgress | undefined;
  for (const until = Date.now() + 20_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    progress = (await (await api('/rounds/latest')).json()) as RoundProgress;
    if (progress.counts.pending === 0) break;
  }
  expect(progress?.counts).toMatchObject({ recipients: 2, sent: 2, pending: 0 });
  expect(progress?.recipients.find((r) => r.userId === KARI.userId)).toMatchObject({ substitute: OLA.name });

  expect(cardsIn(`a:${KARI.userId}`)).toHaveLength(0);
  const olasCards = cardsIn(`a:${OLA.userId}`);
  expect(olasCards).toHaveLength(2);
  const karisCard = olasCards.find((c) => introOf(c).includes(KARI.name));
  expect(introOf(karisCard ?? {})).toMatch(/Du er stedfortreder for Kari Nordmann og svarer for 4 tiltak/);

  // A mistake shows Kari's card again (not Ola's own), with what he typed.
  const incomplete = await submit(karisCard ?? {}, OLA, { 'comment:2.3.1': 'Uten status' });
  expect(introOf(incomplete.value)).toMatch(/stedfortreder for Kari Nordmann/);

  const answer = await submit(karisCard ?? {}, OLA, {
    'status:2.3.1': 'delayed',
    'comment:2.3.1': 'Venter på leverandør',
  });
  expect(JSON.stringify(answer)).not.toContain('Ingenting er lagret');
  expect((await goalTableRow('2.3.1'))?.status).toMatchObject({ reportedBy: OLA.name, answeredFor: KARI.name });

  const audit = (await (await api('/audit')).json()) as {
    entries: { action: string; details: Record<string, string> }[];
  };
  expect(audit.entries.find((e) => e.action === 'substitute-set')?.details).toMatchObject({
    absent: KARI.name,
    substitute: OLA.name,
  });
  expect(audit.entries.find((e) => e.action === 'status-reported')?.details).toMatchObject({ for: KARI.name });
});

it("lets nobody else answer Kari's card, and Ola no more once the substitute is removed", async () => {
  const karisCard = cardsIn(`a:${OLA.userId}`).find((c) => introOf(c).includes(KARI.name)) ?? {};
  const forged = await submit(karisCard, PER, { 'status:2.3.1': 'done' });
  expect(JSON.stringify(forged)).toMatch(/Nothing was saved|Ingenting er lagret/);

  const { substitutes } = (await (await api('/substitutes')).json()) as SubstitutesResponse;
  const removed = await api(`/substitutes/${substitutes[0]?.id}`, { method: 'DELETE' });
  expect(removed.status).toBe(204);
  expect((await api(`/substitutes/${substitutes[0]?.id}`, { method: 'DELETE' })).status).toBe(404);

  const late = await submit(karisCard, OLA, { 'status:2.3.1': 'done' });
  expect(JSON.stringify(late)).toMatch(/Ingenting er lagret/);
  // Shown again as his own card: he no longer stands in for her.
  expect(introOf(late.value)).not.toMatch(/stedfortreder/);
  expect((await goalTableRow('2.3.1'))?.status).toMatchObject({ reportedBy: OLA.name, answeredFor: KARI.name });
});
