/**
 * The SharePoint store against the Graph stand-in, where Graph misbehaves: provisioning run twice
 * and on a drifted site, a storm of 429s during a goal-table read, retries only where Graph allows
 * them, lost responses, and Graph going down in the middle of a burst of card answers.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReportOutbox } from '../../bot/src/adapters/local/report-outbox';
import { GraphRequestError } from '../../bot/src/adapters/sharepoint/graph-http';
import { REPORTS_LIST } from '../../bot/src/adapters/sharepoint/schema';
import { openSharePointStore, type SharePointStore } from '../../bot/src/adapters/sharepoint/sharepoint-store';
import { getGoalTable } from '../../bot/src/app/get-goal-table';
import { allMeasures } from '../../bot/src/domain/plan';
import type { StatusReport } from '../../bot/src/domain/status';
import { hoylandet } from '../support/demo';
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

describe('the outbox while Graph is down', () => {
  it('accepts every answer at once, and delivers each exactly once, in order, when Graph is back', async () => {
    const plan = hoylandet();
    await store.plans.savePlan(plan);
    const measures = allMeasures(plan)
      .slice(0, 5)
      .map((m) => m.id);
    const outbox = new ReportOutbox(join(mkdtempSync(join(tmpdir(), 'outbox-')), 'outbox.db'), store.reports, {
      logger: t.logger,
      retryDelayMs: () => 20,
    });
    const answers: StatusReport[] = [];
    for (let i = 0; i < 60; i++) {
      const report = reportOf(plan.id, measures[i % measures.length]!, `burst-${i}`, i);
      answers.push(report);
      if (i === 20) await t.standIn.down();
      const result = await outbox.appendReports([report]);
      expect(result.alreadyStored).toBe(false);
    }
    expect(outbox.status().pending).toBeGreaterThan(0);
    await t.standIn.up();
    await waitFor(() => outbox.status().pending === 0);
    const stored = await store.reports.listReports(plan.id);
    expect(stored.map((r) => r.submissionId).sort()).toEqual(answers.map((r) => r.submissionId).sort());
    for (const measure of measures) {
      expect(stored.filter((r) => r.measureId === measure).map((r) => r.submissionId)).toEqual(
        answers.filter((r) => r.measureId === measure).map((r) => r.submissionId),
      );
    }
    expect(await outbox.listReports(plan.id)).toEqual(stored);
    await outbox.close();
  });

  it('knows a repeated submission and gives back the answer as first stored', async () => {
    const plan = hoylandet();
    await store.plans.savePlan(plan);
    const outbox = new ReportOutbox(join(mkdtempSync(join(tmpdir(), 'outbox-')), 'outbox.db'), store.reports, {
      logger: t.logger,
    });
    const first = reportOf(plan.id, allMeasures(plan)[0]!.id, 'twice', 1);
    await outbox.appendReports([first]);
    const again = await outbox.appendReports([{ ...first, id: 'another-id', comment: 'sent again' }]);
    expect(again).toEqual({ reports: [first], alreadyStored: true });
    await outbox.flush();
    expect(await store.reports.listReports(plan.id)).toHaveLength(1);
    await outbox.close();
  });

  it('shows answers that wait in the outbox as pending', async () => {
    const plan = hoylandet();
    await store.plans.savePlan(plan);
    const outbox = new ReportOutbox(join(mkdtempSync(join(tmpdir(), 'outbox-')), 'outbox.db'), store.reports, {
      logger: t.logger,
      retryDelayMs: () => 60_000,
    });
    t.standIn.faults.push(
      { kind: 'unavailable' },
      { kind: 'unavailable' },
      { kind: 'unavailable' },
      { kind: 'unavailable' },
      { kind: 'unavailable' },
    );
    await outbox.appendReports([reportOf(plan.id, allMeasures(plan)[0]!.id, 'waiting', 0)]);
    await outbox.flush();
    const listed = await outbox.listReports(plan.id);
    expect(listed).toEqual([expect.objectContaining({ submissionId: 'waiting', pending: true })]);
    await outbox.close();
  });
});

function reportOf(planId: string, measureId: string, submissionId: string, second: number): StatusReport {
  return {
    id: `report-${submissionId}`,
    planId,
    measureId,
    periodId: '2026',
    status: 'on_track',
    comment: `Svar ${second}`,
    reportedBy: { userId: 'user-a', name: 'Alex Wilber' },
    reportedAt: new Date(Date.UTC(2026, 0, 10, 9, 0, second)).toISOString(),
    submissionId,
  };
}

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
