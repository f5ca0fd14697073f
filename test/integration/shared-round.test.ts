/**
 * Two instances of the service (real child processes) share one round through Azure Storage
 * (Azurite): the round started on one is worked by both, each card goes out once, and the tab on
 * either instance shows the same delivery log. Then one instance is killed (SIGKILL) in the middle
 * of a reminder to everyone: the other finishes it, nobody is skipped.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSharedState } from '../../bot/src/adapters/azure-storage/open-shared-state';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { startAzurite, type Azurite } from '../support/azurite';
import { startChildService, writeResponsiblePeople, type ChildService } from '../support/child-service';
import { waitFor } from '../support/wait-for';
import { HOYLANDET_ID } from '../support/demo';

jest.setTimeout(180_000);

const PEOPLE = 600;
const CONCURRENCY = 32; // as test/support/service-process.ts sets it
let azurite: Azurite;
let connector: ConnectorStandIn;
let env: NodeJS.ProcessEnv;
const children: ChildProcess[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
  connector = await ConnectorStandIn.start({ limits: true, latencyMs: [100, 300] });
  const dir = mkdtempSync(join(tmpdir(), 'shared-round-'));
  env = {
    PORT: '0',
    LOG_LEVEL: 'info',
    SCHEDULED_ROUNDS: 'false',
    // Both read the same plans (on one machine one SQLite file can be shared; in production: SharePoint).
    DATABASE_PATH: join(dir, 'tiltak.db'),
    DIRECTORY_FILE: join(dir, 'directory.json'), // written below
    WORK_QUEUE: 'azure-storage',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    AZURE_STORAGE_QUEUE_NAME: 'shared-rounds',
    AZURE_STORAGE_TABLE_PREFIX: 'Shared',
    // Teams' ceiling is per app and tenant: two instances take half each.
    TEAMS_MAX_REQUESTS_PER_SECOND: '25',
    // A claim older than this is taken to be a dead instance's: longer than a window of cards takes.
    STALE_AFTER_MS: '20000',
    TEST_CLOCK_STARTED_AT: String(Date.now()),
    TEST_CONNECTOR_TOKEN: await connector.token(),
  };
  openSqliteStore(env.DATABASE_PATH as string).close(); // made before two processes open it at once
  const shared = await openSharedState(
    { connectionString: azurite.connectionString, queueName: 'shared-rounds', tablePrefix: 'Shared' },
    { warn: () => undefined, error: () => undefined },
  );
  await writeResponsiblePeople(dir, PEOPLE, shared.conversations, connector);
  await shared.queue.close();
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await connector?.stop();
  await azurite?.stop();
});

async function startInstance(): Promise<ChildService> {
  const started = await startChildService(env);
  children.push(started.child);
  return started;
}

/** Cards this instance's passes say they sent, from its log. */
function sentBy(instance: ChildService): number {
  return instance
    .output()
    .split('\n')
    .filter((line) => line.includes('"reminder round pass"'))
    .reduce((sum, line) => sum + ((JSON.parse(line) as { sent?: number }).sent ?? 0), 0);
}

async function pendingOn(instance: ChildService): Promise<number> {
  const response = await fetch(`${instance.url}/api/v1/plans/${HOYLANDET_ID}/rounds/latest`);
  return ((await response.json()) as { counts: { pending: number } }).counts.pending;
}

function tally(): { skipped: number; duplicates: number } {
  const perConversation = new Map<string, number>();
  for (const r of connector.received)
    perConversation.set(r.conversationId, (perConversation.get(r.conversationId) ?? 0) + 1);
  return { skipped: PEOPLE - perConversation.size, duplicates: connector.received.length - perConversation.size };
}

it('shares a round between two instances with each card sent once, and survives one of them being killed', async () => {
  const a = await startInstance();
  const b = await startInstance();

  const started = await fetch(`${a.url}/api/v1/plans/${HOYLANDET_ID}/rounds`, { method: 'POST' });
  expect(started.status).toBe(201);
  await waitFor(async () => (await pendingOn(b)) === 0);
  await waitFor(() => sentBy(a) + sentBy(b) >= PEOPLE, 10_000);
  const shared = { a: sentBy(a), b: sentBy(b), ...tally() };
  process.stdout.write(`round of ${PEOPLE} over two instances: ${JSON.stringify(shared)}\n`);
  expect(shared).toEqual({ a: expect.any(Number), b: expect.any(Number), skipped: 0, duplicates: 0 });
  expect(shared.a + shared.b).toBe(PEOPLE);
  expect(Math.min(shared.a, shared.b)).toBeGreaterThan(0);

  // A reminder to everyone, asked for on b; a is killed in the middle of it.
  connector.received.length = 0;
  const nudge = await fetch(`${b.url}/api/v1/plans/${HOYLANDET_ID}/rounds/latest/nudge`, { method: 'POST' });
  expect(await nudge.json()).toEqual({ added: PEOPLE });
  await waitFor(() => connector.received.length >= PEOPLE / 3, 30_000);
  a.child.kill('SIGKILL');
  await a.exited;
  const atKill = connector.received.length;
  await waitFor(async () => (await pendingOn(b)) === 0);
  const afterKill = tally();
  process.stdout.write(`instance killed after ${atKill} cards: ${JSON.stringify(afterKill)}\n`);
  expect(afterKill.skipped).toBe(0);
  // Only what a had in flight when it died can have gone twice (see reminder-round-crash.test.ts).
  expect(afterKill.duplicates).toBeLessThanOrEqual(CONCURRENCY);
  b.child.kill('SIGTERM');
  expect(await b.exited).toBe(0);
});
