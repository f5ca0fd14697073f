/**
 * Locking a period while answers keep coming (issue 13, item 4): every answer acknowledged as saved
 * is in the report the lock freezes, and every answer after the lock began is refused — on the
 * embedded store's lock table and on the shared Azure Table state (Azurite), with answers in SQLite.
 */
import { randomUUID } from 'node:crypto';
import { openSharedState, type SharedState } from '../../bot/src/adapters/azure-storage/open-shared-state';
import { openSqliteStore, type SqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { ensurePlans } from '../../bot/src/app/ensure-plans';
import type { Overview } from '../../bot/src/app/get-overview';
import { lockPeriod, type PeriodReportDeps } from '../../bot/src/app/period-report';
import type { PeriodLockStore, StatusReportRepository } from '../../bot/src/app/ports';
import { recordStatusUpdate } from '../../bot/src/app/record-status-update';
import type { Actor } from '../../bot/src/domain/access';
import { DomainError } from '../../bot/src/domain/errors';
import { allMeasures } from '../../bot/src/domain/plan';
import { startAzurite, type Azurite } from '../support/azurite';
import { ALEX, HOYLANDET_ID, demoDirectory, hoylandet } from '../support/demo';
import { waitFor } from '../support/wait-for';

jest.setTimeout(60_000);

// After the deadline of "Status pr. januar 2027" (31 January): the period may be locked, and answers
// for it are still taken until then.
const NOW = new Date('2027-02-03T10:00:00Z');
const PERIOD = '2027-01';
const COORDINATOR: Actor = { userId: ALEX.userId, name: ALEX.name, appRoles: [], person: undefined };

let azurite: Azurite | undefined;
let shared: SharedState | undefined;
afterAll(async () => {
  await shared?.queue.close();
  await azurite?.stop();
});

const lockStores: [string, () => Promise<PeriodLockStore | undefined>][] = [
  ['the embedded store', async () => undefined],
  [
    'the shared Azure Table state',
    async () => {
      azurite ??= await startAzurite();
      shared ??= await openSharedState(
        { connectionString: azurite.connectionString, queueName: `q-${randomUUID().slice(0, 8)}`, tablePrefix: 'Race' },
        { warn: () => undefined, error: () => undefined },
      );
      return shared.locks;
    },
  ],
];

describe.each(lockStores)('locking a period while answers arrive, on %s', (_name, lockStore) => {
  let store: SqliteStore;
  afterEach(() => store.close());

  it('freezes every acknowledged answer and refuses every answer after the lock began', async () => {
    store = openSqliteStore(':memory:');
    const locks = (await lockStore()) ?? store.locks;
    const ids = { newId: () => randomUUID() };
    const clock = { now: () => NOW };
    const plan = hoylandet();
    await ensurePlans({ plans: store.plans, clock, ids }, [plan]);
    // Storing an answer takes a while, as a write to SharePoint does: the window a lock must not slip into.
    const reports: StatusReportRepository = {
      appendReports: async (items, audit) => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        return store.reports.appendReports(items, audit);
      },
      listReports: (planId, filter) => store.reports.listReports(planId, filter),
    };
    const directory = demoDirectory();
    const alex = await directory.findPerson(ALEX.userId);
    const coordinator: Actor = { ...COORDINATOR, person: alex };

    let frozen: Overview | undefined;
    let lockBegan = Number.POSITIVE_INFINITY;
    const deps: PeriodReportDeps = {
      ...store,
      reports,
      locks,
      directory,
      clock,
      ids,
      // Rendering takes a while, as a large report does: answers keep arriving meanwhile.
      renderReport: async ({ overview }) => {
        frozen = overview;
        await new Promise((resolve) => setTimeout(resolve, 300));
        return [{ format: 'pdf', bytes: Buffer.from('%PDF') }];
      },
    };

    // Alex coordinates Høylandet and may answer for any measure: one answer after another, each a
    // different measure, from before the lock until after it.
    const measures = allMeasures(plan).map((m) => m.id);
    const acknowledged: { measureId: string; at: number }[] = [];
    const refused: { measureId: string; at: number }[] = [];
    let stop = false;
    let next = 0;
    const answerer = async () => {
      while (!stop) {
        const i = next++;
        const measureId = measures[i % measures.length] as string;
        const startedAt = performance.now();
        try {
          await recordStatusUpdate(
            { ...store, reports, locks, directory, clock, ids },
            {
              userId: ALEX.userId,
              submissionId: randomUUID(),
              planId: HOYLANDET_ID,
              periodId: PERIOD,
              entries: [{ measureId, status: i % 2 ? 'done' : 'delayed', comment: `svar ${i}` }],
            },
          );
          acknowledged.push({ measureId, at: startedAt });
        } catch (error) {
          if (!(error instanceof DomainError && error.code === 'period-locked')) throw error;
          refused.push({ measureId, at: startedAt });
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    };
    // Four people at once, as in a busy hour.
    const answering = Promise.all([answerer(), answerer(), answerer(), answerer()]);

    await waitFor(() => acknowledged.length >= 8, 20_000);
    lockBegan = performance.now();
    const outcome = await lockPeriod(deps, coordinator, HOYLANDET_ID, PERIOD);
    const lockDone = performance.now();
    await waitFor(() => refused.filter((r) => r.at > lockDone).length >= 4, 20_000);
    stop = true;
    await answering;

    expect(outcome.lock.periodId).toBe(PERIOD);
    // Nothing started after the lock began was acknowledged…
    expect(acknowledged.filter((a) => a.at > lockBegan)).toEqual([]);
    // …and everything acknowledged is in the report the lock froze, and no more than that is stored.
    const stored = await store.reports.listReports(HOYLANDET_ID, { periodId: PERIOD });
    expect(stored).toHaveLength(acknowledged.length);
    const inReport = new Map(frozen?.goals.flatMap((g) => g.measures.map((m) => [m.id, m.status] as const)) ?? []);
    const latest = new Map(stored.map((r) => [r.measureId, r.status]));
    for (const [measureId, status] of latest) expect(inReport.get(measureId)).toBe(status);
    // While the lock was being taken, answers were refused (not only after it was complete).
    expect(refused.some((r) => r.at > lockBegan && r.at < lockDone)).toBe(true);
  });
});
