/**
 * A reminder round as a coordinator runs it, over the Bot Connector stand-in enforcing Teams'
 * limits: 240 responsible people (some blocked the bot, some unknown to Teams, some never wrote to
 * it), injected 5xx and 429s. Every reachable person gets exactly one card; everyone else is in the
 * delivery log with the reason.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RoundProgress } from '../../bot/src/contract/api-types';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { measuresOwnedBy } from '../../bot/src/domain/responsibility';
import { HOYLANDET_ID, hoylandet } from '../support/demo';
import { startTestService, talkingTo, type TestService } from '../support/service';

jest.setTimeout(90_000);

const PEOPLE = 240;
const person = (i: number) => ({
  userId: `user-${i}`,
  name: `Person ${String(i).padStart(3, '0')}`,
  roles: ['Fagleder digitalisering'],
  coordinatorOf: [],
});
/** A Tuesday 10:00 in Oslo, moving with real time so retries fall due. */
const base = Date.parse('2026-11-24T09:00:00Z');
const started = Date.now();
const clock = { now: () => new Date(base + (Date.now() - started)) };

let connector: ConnectorStandIn;
let service: TestService;

beforeAll(async () => {
  connector = await ConnectorStandIn.start({ limits: true, latencyMs: [5, 25] });
  connector.knows(...Array.from({ length: PEOPLE - 10 }, (_, i) => `a:chat-${i}`));
  const dir = mkdtempSync(join(tmpdir(), 'round-'));
  writeFileSync(
    join(dir, 'directory.json'),
    JSON.stringify({ people: Array.from({ length: PEOPLE }, (_, i) => person(i)) }),
  );
  service = await startTestService(
    { DIRECTORY_FILE: join(dir, 'directory.json') },
    { clock, delivery: { concurrency: 32, retryDelayMs: () => 100, pollMs: 500 }, ...talkingTo(connector) },
  );
  // Everyone but the last ten has written to the bot once, so the service knows their chat.
  for (let i = 0; i < PEOPLE - 10; i++) {
    const response = await fetch(`${service.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'conversationUpdate',
        id: `install-${i}`,
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: `29:${i}`, aadObjectId: `user-${i}` },
        recipient: { id: '28:bot' },
        conversation: { id: `a:chat-${i}`, conversationType: 'personal', tenantId: 'tenant-1' },
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

const progress = async (): Promise<RoundProgress> =>
  (await (await fetch(`${service.url}/api/v1/plans/${HOYLANDET_ID}/rounds/latest`)).json()) as RoundProgress;

it('reaches every reachable person exactly once and says why the others were not reached', async () => {
  for (let i = 0; i < 5; i++) connector.refuse.set(`a:chat-${i}`, 403);
  for (let i = 5; i < 10; i++) connector.refuse.set(`a:chat-${i}`, 404);
  connector.failNext.push(503, 502, 504, 503);

  const start = await fetch(`${service.url}/api/v1/plans/${HOYLANDET_ID}/rounds`, { method: 'POST' });
  expect(start.status).toBe(201);
  const again = await fetch(`${service.url}/api/v1/plans/${HOYLANDET_ID}/rounds`, { method: 'POST' });
  expect(again.status).toBe(409); // one open round per period: nobody gets the card twice

  let latest = await progress();
  for (const until = Date.now() + 60_000; latest.counts.pending > 0 && Date.now() < until;) {
    await new Promise((r) => setTimeout(r, 200));
    latest = await progress();
  }
  expect(latest.counts).toMatchObject({
    recipients: PEOPLE,
    sent: PEOPLE - 20,
    unreachable: 20,
    pending: 0,
    answered: 0,
  });

  const perConversation = new Map<string, number>();
  for (const r of connector.received)
    perConversation.set(r.conversationId, (perConversation.get(r.conversationId) ?? 0) + 1);
  expect(perConversation.size).toBe(PEOPLE - 20);
  expect([...perConversation.values()].every((n) => n === 1)).toBe(true);

  const reasons = Object.fromEntries(latest.recipients.filter((r) => r.reason).map((r) => [r.userId, r.reason]));
  expect(reasons['user-0']).toBe('blocked');
  expect(reasons['user-7']).toBe('not-found');
  expect(reasons[`user-${PEOPLE - 1}`]).toBe('not-installed');
  // One card per person, in the plan's language, its first page of their measures and the way on.
  const owned = measuresOwnedBy(person(0), hoylandet()).map((m) => m.number);
  const card = JSON.stringify(connector.cards()[0]);
  expect(card).toContain(`Du er ansvarlig for ${owned.length} tiltak`);
  expect(card.match(/"Input\.ChoiceSet"/g)).toHaveLength(10);
  expect(card).toContain(`Side 1 av 2 · ${owned.length} trenger svar`);

  const audit = (await (await fetch(`${service.url}/api/v1/plans/${HOYLANDET_ID}/audit`)).json()) as {
    entries: { action: string }[];
  };
  expect(audit.entries.map((e) => e.action)).toContain('round-started');
});

it('nudges only those who have not answered', async () => {
  const before = connector.received.length;
  const response = await fetch(`${service.url}/api/v1/plans/${HOYLANDET_ID}/rounds/latest/nudge`, { method: 'POST' });
  expect(await response.json()).toEqual({ added: PEOPLE - 20 });
  let latest = await progress();
  for (const until = Date.now() + 60_000; latest.counts.pending > 0 && Date.now() < until;) {
    await new Promise((r) => setTimeout(r, 200));
    latest = await progress();
  }
  expect(connector.received.length - before).toBe(PEOPLE - 20);
});

it('records pausing and resuming the round in the audit trail', async () => {
  for (const state of ['paused', 'running']) {
    const response = await fetch(`${service.url}/api/v1/plans/${HOYLANDET_ID}/rounds/latest/state`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ state }),
    });
    expect(response.status).toBe(200);
  }
  const audit = (await (await fetch(`${service.url}/api/v1/plans/${HOYLANDET_ID}/audit`)).json()) as {
    entries: { action: string; details: Record<string, string> }[];
  };
  expect(audit.entries.filter((e) => e.action === 'round-changed').map((e) => e.details.state)).toEqual([
    'paused',
    'running',
  ]);
});
