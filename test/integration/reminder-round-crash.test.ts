/**
 * The service is killed (SIGKILL, a real child process) in the middle of a round to 400 people over
 * a connector answering in 100–300 ms, and started again on the same database. Nobody is skipped;
 * the only cards that can go out twice are the ones in flight at the kill, since the Bot Connector
 * API gives no way to ask whether a request that got no answer was delivered.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { startChildService, writeResponsiblePeople, type ChildService } from '../support/child-service';
import { waitFor } from '../support/wait-for';
import { HOYLANDET_ID } from '../support/demo';

jest.setTimeout(120_000);

const PEOPLE = 400;
const CONCURRENCY = 32; // as test/support/service-process.ts sets it
let connector: ConnectorStandIn;
let env: NodeJS.ProcessEnv;
const children: ChildProcess[] = [];

beforeAll(async () => {
  connector = await ConnectorStandIn.start({ limits: true, latencyMs: [100, 300] });
  const dir = mkdtempSync(join(tmpdir(), 'round-crash-'));
  const databasePath = join(dir, 'tiltak.db');
  const store = openSqliteStore(databasePath);
  const directoryFile = await writeResponsiblePeople(dir, PEOPLE, store.conversations, connector);
  store.close();
  env = {
    PORT: '0',
    LOG_LEVEL: 'warn',
    DATABASE_PATH: databasePath,
    DIRECTORY_FILE: directoryFile,
    TEST_CONNECTOR_TOKEN: await connector.token(),
  };
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await connector?.stop();
});

async function startChild(): Promise<ChildService> {
  const started = await startChildService(env);
  children.push(started.child);
  return started;
}

it('resumes after SIGKILL with nobody skipped and at most the in-flight cards sent twice; after SIGTERM with none twice', async () => {
  const first = await startChild();
  expect((await fetch(`${first.url}/api/v1/plans/${HOYLANDET_ID}/rounds`, { method: 'POST' })).status).toBe(201);
  await waitFor(() => connector.received.length >= 120);
  first.child.kill('SIGKILL');
  await first.exited;
  const atKill = connector.received.length;
  expect(atKill).toBeLessThan(PEOPLE);

  const second = await startChild();
  await waitFor(async () => {
    const progress = (await (await fetch(`${second.url}/api/v1/plans/${HOYLANDET_ID}/rounds/latest`)).json()) as {
      counts: { pending: number; sent: number };
    };
    return progress.counts.pending === 0;
  });
  const perConversation = new Map<string, number>();
  for (const r of connector.received)
    perConversation.set(r.conversationId, (perConversation.get(r.conversationId) ?? 0) + 1);
  const skipped = PEOPLE - perConversation.size;
  const duplicates = connector.received.length - perConversation.size;
  process.stdout.write(`round killed after ${atKill} cards: skipped ${skipped}, sent twice ${duplicates}\n`);
  expect(skipped).toBe(0);
  expect(duplicates).toBeLessThanOrEqual(CONCURRENCY);

  // A reminder to everyone again, and this time the platform stops the service as it should:
  // SIGTERM. What was claimed is finished first, so nobody gets it twice and nobody is skipped.
  connector.received.length = 0;
  const nudge = await fetch(`${second.url}/api/v1/plans/${HOYLANDET_ID}/rounds/latest/nudge`, { method: 'POST' });
  expect(await nudge.json()).toEqual({ added: PEOPLE });
  await waitFor(() => connector.received.length >= 120);
  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);
  const third = await startChild();
  await waitFor(async () => {
    const progress = (await (await fetch(`${third.url}/api/v1/plans/${HOYLANDET_ID}/rounds/latest`)).json()) as {
      counts: { pending: number };
    };
    return progress.counts.pending === 0;
  });
  const again = new Map<string, number>();
  for (const r of connector.received) again.set(r.conversationId, (again.get(r.conversationId) ?? 0) + 1);
  process.stdout.write(
    `reminder stopped with SIGTERM: skipped ${PEOPLE - again.size}, sent twice ${connector.received.length - again.size}\n`,
  );
  expect(again.size).toBe(PEOPLE);
  expect(connector.received.length).toBe(PEOPLE);
  third.child.kill('SIGTERM');
});
