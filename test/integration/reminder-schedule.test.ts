/**
 * A round the plan's cadence starts by itself, followed over three weeks of a (moved) clock: the
 * first card to everyone responsible 14 days before the deadline, the second only to those who have
 * not answered, and after the deadline the coordinator and the manager of the one still missing hear
 * who it is — nobody who answered is chased or named.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { measuresOwnedBy } from '../../bot/src/domain/responsibility';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { HOYLANDET_ID, hoylandet } from '../support/demo';
import { startTestService, talkingTo, type TestService } from '../support/service';

jest.setTimeout(60_000);

const people = [
  { userId: 'kari', name: 'Kari Koordinator', roles: [], coordinatorOf: [HOYLANDET_ID] },
  { userId: 'ola', name: 'Ola Ansvarlig', roles: ['Teknisk sjef'], coordinatorOf: [], managerId: 'mona' },
  { userId: 'per', name: 'Per Personalsjef', roles: ['Personalsjef'], coordinatorOf: [] },
  { userId: 'mona', name: 'Mona Leder', roles: [], coordinatorOf: [] },
];
let offset = 0;
const clock = { now: () => new Date(Date.parse('2027-01-18T09:00:00Z') + offset) }; // Monday 10:00 Oslo
const moveTo = (iso: string) => (offset = Date.parse(iso) - Date.parse('2027-01-18T09:00:00Z'));

let connector: ConnectorStandIn;
let service: TestService;
let databasePath: string;

beforeAll(async () => {
  connector = await ConnectorStandIn.start();
  connector.knows(...people.map((p) => `chat-${p.userId}`));
  const dir = mkdtempSync(join(tmpdir(), 'schedule-'));
  writeFileSync(join(dir, 'directory.json'), JSON.stringify({ people }));
  databasePath = join(dir, 'tiltak.db');
  const store = openSqliteStore(databasePath);
  for (const p of people)
    await store.conversations.saveConversation({
      userId: p.userId,
      serviceUrl: connector.url,
      conversationId: `chat-${p.userId}`,
    });
  store.close();
  service = await startTestService(
    { DIRECTORY_FILE: join(dir, 'directory.json'), DATABASE_PATH: databasePath, SCHEDULED_ROUNDS: 'true' },
    { clock, delivery: { pollMs: 150, retryDelayMs: () => 50 }, ...talkingTo(connector) },
  );
});
afterAll(async () => {
  await service?.close();
  await connector?.stop();
});

const cardsTo = (userId: string) =>
  connector.received.filter((r) => r.conversationId === `chat-${userId}`).map((r) => JSON.stringify(r.activity));
async function waitFor(condition: () => boolean): Promise<void> {
  for (const until = Date.now() + 20_000; !condition();) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('sends the first card by itself to everyone responsible, when the schedule says', async () => {
  await waitFor(() => cardsTo('ola').length === 1 && cardsTo('per').length === 1);
  expect(cardsTo('kari')).toEqual([]);
  expect(cardsTo('mona')).toEqual([]);
});

it('sends the second card only to whoever has not answered', async () => {
  // Per answers for all his measures.
  const store = openSqliteStore(databasePath);
  const per = measuresOwnedBy(people[2] as (typeof people)[number], hoylandet());
  await store.reports.appendReports(
    per.map((m) => ({
      id: `r-${m.id}`,
      planId: HOYLANDET_ID,
      measureId: m.id,
      periodId: '2027-01',
      status: 'on_track' as const,
      reportedBy: { userId: 'per', name: 'Per Personalsjef' },
      reportedAt: clock.now().toISOString(),
      submissionId: 'per-answer',
    })),
  );
  store.close();
  moveTo('2027-01-28T09:00:00Z'); // three days before the deadline, a Thursday
  await waitFor(() => cardsTo('ola').length === 2);
  await new Promise((r) => setTimeout(r, 500));
  expect(cardsTo('per')).toHaveLength(1);
});

it('after the deadline tells the coordinator and the manager who is missing, and nobody else', async () => {
  moveTo('2027-02-02T09:00:00Z'); // two days after, a Tuesday
  await waitFor(() => cardsTo('kari').length === 1 && cardsTo('mona').length === 1);
  for (const card of [...cardsTo('kari'), ...cardsTo('mona')]) {
    expect(card).toContain('Mangler status: Strategi for digitalisering 2023–2027');
    expect(card).toContain('Ola Ansvarlig');
    expect(card).not.toContain('Per Personalsjef');
  }
  await new Promise((r) => setTimeout(r, 500));
  expect(cardsTo('ola')).toHaveLength(2);
  expect(cardsTo('per')).toHaveLength(1);
});

it('holds everything at night', async () => {
  const before = connector.received.length;
  moveTo('2027-02-02T22:30:00Z'); // 23:30 in Oslo
  const response = await fetch(`${service.url}/api/v1/plans/${HOYLANDET_ID}/rounds/latest/nudge`, { method: 'POST' });
  expect(await response.json()).toEqual({ added: 1 }); // Ola
  await new Promise((r) => setTimeout(r, 800));
  expect(connector.received.length).toBe(before);
  moveTo('2027-02-03T07:05:00Z'); // 08:05 the next morning
  await waitFor(() => connector.received.length === before + 1);
});
