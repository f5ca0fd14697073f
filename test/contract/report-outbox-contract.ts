/**
 * What every card-answer outbox must do, in front of SharePoint (the Graph stand-in) while Graph
 * misbehaves: accept every answer at once and deliver each exactly once, in order, when Graph is
 * back; know a repeated submission; show what waits as pending. Run against the SQLite outbox (one
 * instance, local file) and the Table outbox (stateless instances, Azure Storage).
 */
import { openSharePointStore, type SharePointStore } from '../../bot/src/adapters/sharepoint/sharepoint-store';
import type { StatusReportRepository } from '../../bot/src/app/ports';
import { allMeasures } from '../../bot/src/domain/plan';
import type { StatusReport } from '../../bot/src/domain/status';
import { hoylandet } from '../support/demo';
import { startTestGraph, type TestGraph } from '../support/graph';
import { waitFor } from '../support/wait-for';

export interface ContractOutbox extends StatusReportRepository {
  status(): { pending: number } | Promise<{ pending: number }>;
  flush(): Promise<void>;
  close(): Promise<void>;
}

export type OutboxFactory = (
  remote: StatusReportRepository,
  options: { logger: TestGraph['logger']; retryDelayMs: (attempt: number) => number },
) => Promise<ContractOutbox>;

export function describeReportOutboxContract(name: string, open: OutboxFactory): void {
  describe(`the card-answer outbox (${name}) while Graph is down`, () => {
    let t: TestGraph;
    let store: SharePointStore;

    beforeEach(async () => {
      t = await startTestGraph();
      await t.provision();
      store = await openSharePointStore(t.graph, t.standIn.siteId);
    });
    afterEach(async () => t.close());

    it('accepts every answer at once, and delivers each exactly once, in order, when Graph is back', async () => {
      const plan = hoylandet();
      await store.plans.savePlan(plan);
      const measures = allMeasures(plan)
        .slice(0, 5)
        .map((m) => m.id);
      const outbox = await open(store.reports, { logger: t.logger, retryDelayMs: () => 20 });
      const answers: StatusReport[] = [];
      for (let i = 0; i < 60; i++) {
        const report = reportOf(plan.id, measures[i % measures.length]!, `burst-${i}`, i);
        answers.push(report);
        if (i === 20) await t.standIn.down();
        const result = await outbox.appendReports([report]);
        expect(result.alreadyStored).toBe(false);
      }
      expect((await outbox.status()).pending).toBeGreaterThan(0);
      await t.standIn.up();
      await waitFor(async () => (await outbox.status()).pending === 0, 20_000);
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
      const outbox = await open(store.reports, { logger: t.logger, retryDelayMs: () => 20 });
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
      const outbox = await open(store.reports, { logger: t.logger, retryDelayMs: () => 60_000 });
      for (let i = 0; i < 5; i++) t.standIn.faults.push({ kind: 'unavailable' });
      await outbox.appendReports([reportOf(plan.id, allMeasures(plan)[0]!.id, 'waiting', 0)]);
      await outbox.flush();
      const listed = await outbox.listReports(plan.id);
      expect(listed).toEqual([expect.objectContaining({ submissionId: 'waiting', pending: true })]);
      await outbox.close();
    });
  });
}

export function reportOf(planId: string, measureId: string, submissionId: string, second: number): StatusReport {
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
