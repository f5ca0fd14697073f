/**
 * A reminder round against the strict Bot Connector stand-in, where Teams refuses for reasons
 * that are not the person's: our credentials (401: a configuration fault, so the round stops and
 * the operator is told, nobody is marked unreachable), a card over Teams' size limit (413: its own
 * reason), the tenant admin's switch (403 BotDisabledByAdmin) and a removed app (403
 * BotNotInConversationRoster); and a service URL with Teams' regional path, for cards and replies.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { Writable } from 'node:stream';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import type { RoundProgress } from '../../bot/src/contract/api-types';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { syntheticPlan } from '../bench/synthetic-plan';
import { startTestService, talkingTo, type TestService } from '../support/service';
import { waitFor } from '../support/wait-for';

jest.setTimeout(60_000);

/**
 * 80 measures for one role would make one card of about 140 KB as Teams counts it (UTF-16), over its
 * 100 KB: the card is paged and goes. One measure of 60 000 characters is too large even alone.
 */
const base = syntheticPlan({ id: 'stor-plan', measures: 80, perGoal: 10, fromYear: 2025, toYear: 2028 });
const role = (r: string) => ({ responsibleText: r, responsibleRoles: [r] });
const plan = {
  ...base,
  goals: base.goals.map((g, i) =>
    i === 0
      ? {
          ...g,
          measures: g.measures.map((m, j) =>
            j < 2
              ? { ...m, ...role('Teknisk sjef') }
              : j === 2
                ? { ...m, ...role('Arkivleder'), text: 'x'.repeat(60_000) }
                : m,
          ),
        }
      : g,
  ),
};
const people = [
  { userId: 'many', name: 'Mange Tiltak', roles: ['Fagleder digitalisering'], coordinatorOf: [] },
  { userId: 'few', name: 'Få Tiltak', roles: ['Teknisk sjef'], coordinatorOf: [] },
  { userId: 'disabled', name: 'Slått Av', roles: ['Teknisk sjef'], coordinatorOf: [] },
  { userId: 'removed', name: 'Fjernet App', roles: ['Teknisk sjef'], coordinatorOf: [] },
  { userId: 'huge', name: 'Stort Tiltak', roles: ['Arkivleder'], coordinatorOf: [] },
];
/** A Tuesday 10:00 in Oslo, moving with real time so retries fall due. */
const started = Date.now();
const clock = { now: () => new Date(Date.parse('2026-11-24T09:00:00Z') + (Date.now() - started)) };

interface Running {
  connector: ConnectorStandIn;
  service: TestService;
  log: string[];
}
const running: Running[] = [];

async function start(options: { token?: 'valid' | 'foreign'; pathPrefix?: string } = {}): Promise<Running> {
  const connector = await ConnectorStandIn.start({ ...(options.pathPrefix ? { pathPrefix: options.pathPrefix } : {}) });
  const dir = mkdtempSync(join(tmpdir(), 'refusals-'));
  writeFileSync(join(dir, 'directory.json'), JSON.stringify({ people }));
  const databasePath = join(dir, 'tiltak.db');
  const store = openSqliteStore(databasePath);
  await store.plans.savePlan(plan);
  connector.knows(...people.map((p) => `a:${p.userId}`));
  for (const p of people)
    await store.conversations.saveConversation({
      userId: p.userId,
      serviceUrl: connector.url,
      conversationId: `a:${p.userId}`,
    });
  store.close();
  connector.refuse.set('a:disabled', 'BotDisabledByAdmin');
  connector.refuse.set('a:removed', 'BotNotInConversationRoster');
  const log: string[] = [];
  const logger = pino(
    { level: 'warn' },
    new Writable({ write: (chunk, _enc, done) => (log.push(String(chunk)), done()) }),
  );
  const wiring = talkingTo(connector);
  const service = await startTestService(
    { DATABASE_PATH: databasePath, DIRECTORY_FILE: join(dir, 'directory.json'), LOAD_DEMO_PLANS: 'false' },
    {
      clock,
      delivery: { concurrency: 4, retryDelayMs: () => 100, pollMs: 200 },
      ...wiring,
      ...(options.token === 'foreign'
        ? { connectorToken: () => connector.token(undefined, { foreignKey: true }) }
        : {}),
    },
    logger,
  );
  const run = { connector, service, log };
  running.push(run);
  return run;
}
afterEach(async () => {
  for (const { service, connector } of running.splice(0)) {
    await service.close();
    await connector.stop();
  }
});

const progress = async (service: TestService): Promise<RoundProgress> =>
  (await (await fetch(`${service.url}/api/v1/plans/${plan.id}/rounds/latest`)).json()) as RoundProgress;

it('stops the round when Teams refuses our credentials, tells the operator, and marks nobody unreachable', async () => {
  const { connector, service, log } = await start({ token: 'foreign' });
  expect((await fetch(`${service.url}/api/v1/plans/${plan.id}/rounds`, { method: 'POST' })).status).toBe(201);
  await waitFor(async () => (await progress(service)).round.state === 'paused');
  const latest = await progress(service);
  expect(latest.counts).toMatchObject({ sent: 0, unreachable: 0, pending: people.length });
  expect(connector.received).toEqual([]);
  expect(connector.unauthorized.length).toBeGreaterThan(0);
  // The pass stopped at the first refusals: nobody was tried twice.
  expect(connector.unauthorized.length).toBeLessThanOrEqual(people.length);
  expect(log.some((line) => /"level":50.*refused our credentials \(401\): the round is paused/.test(line))).toBe(true);
});

it('records a card too large for Teams with its own reason, and the documented 403s for what they are', async () => {
  const { connector, service } = await start();
  expect((await fetch(`${service.url}/api/v1/plans/${plan.id}/rounds`, { method: 'POST' })).status).toBe(201);
  await waitFor(async () => (await progress(service)).counts.pending === 0);
  const reasons = Object.fromEntries(
    (await progress(service)).recipients.map((r) => [r.userId, r.reason ?? r.delivery]),
  );
  expect(reasons).toEqual({
    many: 'sent',
    few: 'sent',
    huge: 'too-large',
    disabled: 'disabled-by-admin',
    removed: 'not-installed',
  });
  expect(connector.received.map((r) => r.conversationId).sort()).toEqual(['a:few', 'a:many']);
  // The 77 measures went as the first of several pages, within the size Teams recommends.
  const card = connector.received.find((r) => r.conversationId === 'a:many');
  expect(JSON.stringify(card?.activity).length * 2).toBeLessThan(80_000);
});

it('reaches Teams under a regional service URL, for cards and for replies', async () => {
  const { connector, service } = await start({ pathPrefix: 'emea/' });
  expect(connector.url).toMatch(/\/emea\/$/);
  expect((await fetch(`${service.url}/api/v1/plans/${plan.id}/rounds`, { method: 'POST' })).status).toBe(201);
  await waitFor(async () => (await progress(service)).counts.pending === 0);
  expect(connector.received.map((r) => r.conversationId).sort()).toEqual(['a:few', 'a:many']);
  const reply = await fetch(`${service.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: 'hjelp-1',
      text: 'hjelp',
      channelId: 'msteams',
      serviceUrl: connector.url,
      from: { id: '29:few', aadObjectId: 'few' },
      recipient: { id: '28:bot' },
      conversation: { id: 'a:few', conversationType: 'personal', tenantId: 'tenant-1' },
      channelData: { tenant: { id: 'tenant-1' } },
    }),
  });
  expect(reply.status).toBe(200);
  expect(connector.received.at(-1)).toMatchObject({ conversationId: 'a:few', replyToId: 'hjelp-1' });
  expect(connector.unauthorized).toEqual([]);
});
