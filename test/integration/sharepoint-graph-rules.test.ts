/**
 * What Graph's rules, enforced by the stricter stand-in, uncovered in the SharePoint store — one
 * describe per defect of issue 17. Each fails against the store as it was (two indexed fields in
 * one filter; idempotency resting on 409; ids that differ in case; the ETag taken from the PATCH
 * answer; giving up on Retry-After over 120 s; lists older than the code) and passes now.
 */
import { migrateToSharePoint } from '../../bot/src/adapters/sharepoint/migrate';
import {
  openSharePointStore,
  SchemaOutOfDateError,
  type SharePointStore,
} from '../../bot/src/adapters/sharepoint/sharepoint-store';
import { BACKGROUND_RETRY } from '../../bot/src/adapters/http/retry-policy';
import type { GraphWait } from '../../bot/src/adapters/sharepoint/graph-http';
import { REPORTS_LIST } from '../../bot/src/adapters/sharepoint/schema';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { getGoalTable } from '../../bot/src/app/get-goal-table';
import { StoreBusyError } from '../../bot/src/app/ports';
import { allMeasures, type Plan } from '../../bot/src/domain/plan';
import type { StatusReport } from '../../bot/src/domain/status';
import { syntheticPlan } from '../bench/synthetic-plan';
import { hoylandet } from '../support/demo';
import { startTestGraph, type TestGraph } from '../support/graph';

jest.setTimeout(60_000);

let t: TestGraph;
let store: SharePointStore;

beforeEach(async () => {
  t = await startTestGraph();
  await t.provision();
  store = await openSharePointStore(t.graph, t.standIn.siteId);
});
afterEach(async () => t.close());

const clock = { now: () => new Date('2026-11-20T12:00:00Z') };

function report(
  plan: Plan,
  measureId: string,
  periodId: string,
  n: number,
  overrides: Partial<StatusReport> = {},
): StatusReport {
  return {
    id: `r-${periodId}-${n}`,
    planId: plan.id,
    measureId,
    periodId,
    status: 'on_track',
    reportedBy: { userId: 'user-a', name: 'Alex Wilber' },
    reportedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n % 60, 0) + n * 60_000).toISOString(),
    submissionId: `s-${periodId}-${n}`,
    ...overrides,
  };
}

describe('1. one indexed field per filter, at any list size', () => {
  it('reads a goal table in constant round trips once the reports list has passed 5 000 items', async () => {
    const plan = syntheticPlan({ id: 'large', measures: 30, perGoal: 10, fromYear: 2023, toYear: 2027 });
    await store.plans.savePlan(plan);
    const measures = allMeasures(plan);
    // 5 100 reports of earlier periods, and 30 of the one the table shows.
    const history = Array.from({ length: 5100 }, (_, n) =>
      report(plan, measures[n % 30]!.id, `${2023 + (n % 3)}-01`, n),
    );
    for (let i = 0; i < history.length; i += 300) await store.reports.importReports(history.slice(i, i + 300));
    await store.reports.importReports(
      measures.map((m, n) => report(plan, m.id, '2026-01', 9000 + n, { status: 'done' })),
    );
    expect(t.standIn.list(REPORTS_LIST.displayName)!.items.size).toBeGreaterThan(5000);

    t.graph.requestsSent = 0;
    const table = await getGoalTable({ plans: store.plans, reports: store.reports, clock }, plan.id, '2026-01');
    expect(t.graph.requestsSent).toBe(2); // plan and nodes in one $batch; the period's reports in one more
    expect(table.counts.measures).toBe(30);
    expect((await store.reports.listReports(plan.id, { periodId: '2026-01' })).map((r) => r.status)).toEqual(
      Array(30).fill('done'),
    );
  });

  it('is refused a filter on two indexed fields, as Graph refuses it', async () => {
    const path = (await t.graph.getAll<{ id: string; displayName: string }>(`/sites/${t.standIn.siteId}/lists`)).find(
      (l) => l.displayName === REPORTS_LIST.displayName,
    )!.id;
    const filter = encodeURIComponent("fields/PlanId eq 'x' and fields/PeriodKey eq 'x/2026'");
    await expect(
      t.graph.get(`/sites/${t.standIn.siteId}/lists/${path}/items?$expand=fields&$filter=${filter}`),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('one indexed field at a time') });
  });
});

describe('2. idempotent appends whatever Graph answers a unique-value violation, and ids safe in case', () => {
  it.each([
    [400, 'invalidRequest'],
    [409, 'nameAlreadyExists'],
    [500, 'generalException'],
  ])('stores a retried report once when a duplicate key is answered %i %s', async (status, code) => {
    t.standIn.site.uniqueViolation = { status, code };
    const plan = hoylandet();
    await store.plans.savePlan(plan);
    const r = report(plan, allMeasures(plan)[0]!.id, '2027-01', 1);
    t.standIn.faults.push({ kind: 'lose-response' }); // the create happens; its answer never comes
    await store.reports.appendReports([r]);
    expect(await store.reports.listReports(plan.id)).toHaveLength(1);
    const again = await store.reports.appendReports([{ ...r, id: 'another-attempt' }]);
    expect(again.alreadyStored).toBe(true);
    expect(await store.reports.listReports(plan.id)).toEqual([r]);
  });

  it('keeps measures, plans and reports apart whose ids differ only in case', async () => {
    const base = hoylandet();
    const [first] = base.goals;
    const measure = first!.measures[0]!;
    const lower = { ...measure, id: 'tiltak-a', number: '1.1.1a' };
    const upper = { ...measure, id: 'Tiltak-A', number: '1.1.1A', text: 'Et annet tiltak' };
    const plan: Plan = { ...base, id: 'Plan-X', goals: [{ ...first!, measures: [lower, upper] }] };
    const other: Plan = { ...base, id: 'plan-x', title: 'En annen plan' };
    await store.plans.savePlan(plan);
    await store.plans.savePlan(other);
    expect(await store.plans.getPlan('Plan-X')).toEqual(plan);
    expect(await store.plans.getPlan('plan-x')).toEqual(other);
    await store.reports.appendReports([report(plan, 'tiltak-a', '2027-01', 1), report(plan, 'Tiltak-A', '2027-01', 2)]);
    expect((await store.reports.listReports('Plan-X')).map((r) => r.measureId)).toEqual(['tiltak-a', 'Tiltak-A']);
    expect(await store.reports.listReports('plan-x')).toEqual([]);
    expect((await store.plans.listPlans()).map((p) => p.id)).toEqual(['plan-x', 'Plan-X']);
  });

  it('refuses to save a plan when Graph refuses one of its items, instead of losing it', async () => {
    const plan = hoylandet();
    const measure = plan.goals[0]!.measures[0]!;
    const tooLong: Plan = { ...plan, goals: [{ ...plan.goals[0]!, measures: [{ ...measure, id: 'x'.repeat(300) }] }] };
    await expect(store.plans.savePlan(tooLong)).rejects.toMatchObject({ status: 400 });
    expect(await store.plans.getPlan(plan.id)).toBeUndefined();
  });
});

describe('3. the next If-Match after an edit', () => {
  it('edits a measure twice in a row, each time from the version the last save gave', async () => {
    const plan = hoylandet();
    await store.plans.savePlan(plan);
    const id = allMeasures(plan)[0]!.id;
    const read = (await store.plans.getMeasure(plan.id, id))!;
    const first = await store.plans.updateMeasure(plan.id, { ...read.measure, text: 'Første' }, read.version);
    const second = await store.plans.updateMeasure(plan.id, { ...first.measure, text: 'Andre' }, first.version);
    expect(second.version).not.toBe(first.version);
    expect((await store.plans.getMeasure(plan.id, id))!).toEqual(second);
  });
});

describe('4. long throttling', () => {
  it('fails a reader fast, saying when to try again', async () => {
    const plan = hoylandet();
    await store.plans.savePlan(plan);
    t.standIn.faults.push({ kind: 'throttle', retryAfterSeconds: 300 });
    const started = Date.now();
    const read = getGoalTable({ plans: store.plans, reports: store.reports, clock }, plan.id);
    await expect(read).rejects.toBeInstanceOf(StoreBusyError);
    await read.catch((e: StoreBusyError) => expect(e.retryAfterMs).toBe(300_000));
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('lets a migration wait out minutes of throttling and finish, saying it waits', async () => {
    const waits: GraphWait[] = [];
    const patient = t.client({ retry: BACKGROUND_RETRY, sleep: async () => {}, onWait: (w) => void waits.push(w) });
    const target = await openSharePointStore(patient, t.standIn.siteId);
    const source = openSqliteStore(':memory:');
    const plan = hoylandet();
    await source.plans.savePlan(plan);
    const measures = allMeasures(plan);
    await source.reports.appendReports(measures.map((m, n) => report(plan, m.id, '2027-01', n)));
    for (let i = 0; i < 3; i++) t.standIn.faults.push({ kind: 'throttle', retryAfterSeconds: 300 });
    t.standIn.batchFaults.push({ kind: 'throttle', retryAfterSeconds: 300 }); // the $batch itself, too
    const summary = await migrateToSharePoint(source, target);
    source.close();
    expect(summary.reports).toEqual({ created: measures.length, existing: 0 });
    expect([...t.standIn.faults, ...t.standIn.batchFaults]).toHaveLength(0); // every 429 was met
    expect(waits.length).toBeGreaterThan(0); // (requests throttled together in a $batch are waited for once)
    expect(waits.every((w) => w.ms === 300_000 && w.status === 429)).toBe(true);
    expect(await target.plans.getPlan(plan.id)).toEqual(plan);
  });
});

describe('5. lists older than the code', () => {
  it('refuses to open a site missing a column, naming it and the role that may add it', async () => {
    t.standIn.dropColumn(REPORTS_LIST.displayName, 'AnsweredForId');
    const opening = openSharePointStore(t.graph, t.standIn.siteId);
    await expect(opening).rejects.toBeInstanceOf(SchemaOutOfDateError);
    await opening.catch((e: Error) => {
      expect(e.message).toContain('"Tiltak - statusrapporter": column AnsweredForId is missing');
      expect(e.message).toContain('`manage` role on the site');
    });
  });

  it('fills PeriodKey on reports an older version wrote, and opens again', async () => {
    const plan = hoylandet();
    await store.plans.savePlan(plan);
    await store.reports.appendReports([report(plan, allMeasures(plan)[0]!.id, '2027-01', 1)]);
    for (const item of t.standIn.list(REPORTS_LIST.displayName)!.items.values()) delete item.fields.PeriodKey;
    await expect(openSharePointStore(t.graph, t.standIn.siteId)).rejects.toThrow('lack PeriodKey');
    expect((await t.provision()).changes).toEqual([`"${REPORTS_LIST.displayName}": filled PeriodKey on 1 reports`]);
    const reopened = await openSharePointStore(t.graph, t.standIn.siteId);
    expect(await reopened.reports.listReports(plan.id, { periodId: '2027-01' })).toHaveLength(1);
  });
});
