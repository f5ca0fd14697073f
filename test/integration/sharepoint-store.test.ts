/**
 * The SharePoint store against the Graph stand-in, where Graph misbehaves: provisioning run twice
 * and on a drifted site, a storm of 429s during a goal-table read, retries only where Graph allows
 * them and lost responses. Graph going down in the middle of a burst of card answers: see
 * test/contract/report-outbox-contract.ts.
 */
import { GraphRequestError } from '../../bot/src/adapters/sharepoint/graph-http';
import { REPORTS_LIST } from '../../bot/src/adapters/sharepoint/schema';
import { openSharePointStore, type SharePointStore } from '../../bot/src/adapters/sharepoint/sharepoint-store';
import { getGoalTable } from '../../bot/src/app/get-goal-table';
import { allMeasures } from '../../bot/src/domain/plan';
import { hoylandet } from '../support/demo';
import { reportOf } from '../contract/report-outbox-contract';
import { startTestGraph, type TestGraph } from '../support/graph';

let t: TestGraph;
let store: SharePointStore;

beforeEach(async () => {
  t = await startTestGraph();
  await t.provision();
  store = await openSharePointStore(t.graph, t.standIn.siteId);
});
afterEach(async () => t.close());

describe('provisioning', () => {
  it('changes nothing on a second run, and says so', async () => {
    const second = await t.provision();
    expect(second).toEqual({ changes: [], differences: [] });
  });

  it('repairs a list whose column was removed, and names a column of the wrong type', async () => {
    t.standIn.dropColumn(REPORTS_LIST.displayName, 'PeriodKey');
    const list = t.standIn.list(REPORTS_LIST.displayName)!;
    const comment = list.columns.find((c) => c.name === 'Comment')!;
    delete comment.text;
    comment.number = {};
    const report = await t.provision();
    expect(report.changes).toEqual([`"${REPORTS_LIST.displayName}": added missing column PeriodKey`]);
    expect(report.differences).toEqual([
      `"${REPORTS_LIST.displayName}": column Comment is of type number, expected note`,
    ]);
    expect(list.columns.find((c) => c.name === 'PeriodKey')).toMatchObject({ indexed: true });
  });

  it('makes indexed and unique what the app filters and keys on', () => {
    const reports = t.standIn.list(REPORTS_LIST.displayName)!;
    expect(reports.columns.filter((c) => c.indexed).map((c) => c.name)).toEqual([
      'ReportKey',
      'PlanId',
      'PeriodKey', // a plan's period in one column: Graph filters on one indexed field at a time
      'ReportedById',
      'AnsweredForId', // erasing a person finds the answers a substitute gave for them
    ]);
    expect(reports.columns.filter((c) => c.enforceUniqueValues).map((c) => c.name)).toEqual(['ReportKey']);
  });
});

describe('reading a goal table', () => {
  it('takes two round trips, and survives a storm of 429s by waiting as told', async () => {
    const plan = hoylandet();
    await store.plans.savePlan(plan);
    const clock = { now: () => new Date('2026-11-20T12:00:00Z') };
    t.graph.requestsSent = 0;
    await getGoalTable({ plans: store.plans, reports: store.reports, clock }, plan.id);
    expect(t.graph.requestsSent).toBe(2);

    const waits: number[] = [];
    const patient = t.client({ sleep: async (ms) => void waits.push(ms) });
    const throttled = await openSharePointStore(patient, t.standIn.siteId);
    for (let i = 0; i < 6; i++) t.standIn.faults.push({ kind: 'throttle', retryAfterSeconds: 2 });
    const table = await getGoalTable({ plans: throttled.plans, reports: throttled.reports, clock }, plan.id);
    expect(table.counts.measures).toBe(allMeasures(plan).length);
    expect(t.standIn.faults).toHaveLength(0); // every 429 was met, and waited out as Graph asked
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((ms) => ms === 2000)).toBe(true);
  });

  it('refuses a filter on a column that is not indexed, as Graph does', async () => {
    const lists = await t.graph.get<{ value: { id: string; displayName: string }[] }>(
      `/sites/${t.standIn.siteId}/lists`,
    );
    const id = lists.value.find((l) => l.displayName === REPORTS_LIST.displayName)!.id;
    await expect(
      t.graph.get(`/sites/${t.standIn.siteId}/lists/${id}/items?$expand=fields&$filter=fields/MeasureId eq '1.1'`),
    ).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('cannot be referenced in filter'),
    });
  });
});

describe('retries', () => {
  it('never retries a request Graph refused on its merits', async () => {
    const before = t.standIn.requests;
    await expect(t.graph.get(`/sites/${t.standIn.siteId}/lists/no-such-list`)).rejects.toBeInstanceOf(
      GraphRequestError,
    );
    expect(t.standIn.requests - before).toBe(1);
  });

  it('retries 503 and gives up after the bounded number of attempts, carrying Graph’s error', async () => {
    for (let i = 0; i < 10; i++) t.standIn.faults.push({ kind: 'unavailable' });
    const before = t.standIn.requests;
    const error = await t.graph.get(`/sites/${t.standIn.siteId}`).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: 'serviceNotAvailable' });
    expect(t.standIn.requests - before).toBe(5);
    t.standIn.faults.length = 0;
  });

  it('stores a report once when the response to its write was lost and the write is retried', async () => {
    const plan = hoylandet();
    await store.plans.savePlan(plan);
    t.standIn.faults.push({ kind: 'lose-response' });
    const r = reportOf(plan.id, allMeasures(plan)[0]!.id, 'lost-response', 0);
    await store.reports.appendReports([r]);
    expect(await store.reports.listReports(plan.id)).toHaveLength(1);
  });
});
