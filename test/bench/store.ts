/**
 * `npm run bench -- store`: the SharePoint store against the Graph stand-in.
 * - Goal table of 50, 500 and 5 000 measures with 4 periods of history: HTTP round trips and
 *   logical reads per table (constant in row count until a list passes one 5 000-item page), and
 *   API latency p50/p95 with the stand-in's latency at 0 and 50 ms per request.
 * - Card answer to stored report (through the outbox): p95 of the service's own time; the run at
 *   0 ms Graph latency is the service overhead (the stand-in's own work included, so an upper bound).
 * Ends each case with one JSON line.
 */
import { performance } from 'node:perf_hooks';
import { ReportOutbox } from '../../bot/src/adapters/local/report-outbox';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { provisionSite } from '../../bot/src/adapters/sharepoint/provision';
import { openSharePointStore, type SharePointStore } from '../../bot/src/adapters/sharepoint/sharepoint-store';
import { getGoalTable } from '../../bot/src/app/get-goal-table';
import { recordStatusUpdate } from '../../bot/src/app/record-status-update';
import type { Directory, PeriodLockStore, SubstituteStore } from '../../bot/src/app/ports';
import type { Plan } from '../../bot/src/domain/plan';
import type { StatusReport } from '../../bot/src/domain/status';
import { startTestGraph, type TestGraph } from '../support/graph';
import { syntheticPlan as syntheticPlanOf } from './synthetic-plan';

const PERIODS = ['2023-01', '2024-01', '2025-01', '2026-01'];
const NOW = new Date('2026-03-01T12:00:00Z');
const clock = { now: () => NOW };

function syntheticPlan(measures: number): Plan {
  return syntheticPlanOf({ id: `bench-${measures}`, measures, perGoal: 10, fromYear: 2023, toYear: 2026 });
}

function history(plan: Plan): StatusReport[] {
  return plan.goals.flatMap((g) =>
    g.measures.flatMap((m) =>
      PERIODS.map((periodId, i) => ({
        id: `${plan.id}-${m.id}-${periodId}`,
        planId: plan.id,
        measureId: m.id,
        periodId,
        status: i === 3 ? ('delayed' as const) : ('on_track' as const),
        comment: 'Status som rapportert',
        reportedBy: { userId: 'u1', name: 'Alex Wilber' },
        reportedAt: new Date(Date.UTC(2023 + i, 0, 15)).toISOString(),
        submissionId: `seed-${m.id}-${periodId}`,
      })),
    ),
  );
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

async function seed(t: TestGraph, store: SharePointStore, measures: number): Promise<Plan> {
  const plan = syntheticPlan(measures);
  await store.plans.savePlan(plan);
  const reports = history(plan);
  for (let i = 0; i < reports.length; i += 200) await store.reports.importReports(reports.slice(i, i + 200));
  return plan;
}

async function goalTableCase(
  t: TestGraph,
  store: SharePointStore,
  plan: Plan,
  measures: number,
  latencyMs: number,
): Promise<void> {
  t.standIn.latencyMs = latencyMs;
  const deps = { plans: store.plans, reports: store.reports, clock };
  const requestsBefore = t.graph.requestsSent;
  const operationsBefore = t.standIn.operations;
  await getGoalTable(deps, plan.id, '2026-01');
  const roundTrips = t.graph.requestsSent - requestsBefore;
  const logicalReads = t.standIn.operations - operationsBefore;
  const runs = measures >= 5000 ? 5 : 20;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await getGoalTable(deps, plan.id, '2026-01');
    times.push(performance.now() - started);
  }
  const result = {
    bench: 'goal-table',
    measures,
    latencyMs,
    roundTrips,
    logicalReads,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
  };
  console.log(
    `goal table, ${measures} measures × 4 periods, Graph latency ${latencyMs} ms: ${roundTrips} round trips (${logicalReads} reads), p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms`,
  );
  console.log(JSON.stringify(result));
}

/** Nobody stands in for anyone in the benchmark. */
const NO_SUBSTITUTES: SubstituteStore = {
  listSubstitutions: async () => [],
  addSubstitution: async () => {},
  removeSubstitution: async () => false,
  erasePerson: async () => 0,
};

/** No period is locked in the benchmark: the embedded store's gate, in memory (answers pass through it as in production). */
const NO_LOCKS: PeriodLockStore = openSqliteStore(':memory:').locks;

async function cardAnswerCase(t: TestGraph, store: SharePointStore, plan: Plan, latencyMs: number): Promise<void> {
  t.standIn.latencyMs = latencyMs;
  const outbox = new ReportOutbox(':memory:', store.reports, { logger: t.logger });
  const person = { userId: 'u1', name: 'Alex Wilber', roles: ['Fagleder digitalisering'], coordinatorOf: [] };
  const directory: Directory = { findPerson: async () => person, listPeople: async () => [person] };
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const started = performance.now();
    await recordStatusUpdate(
      {
        plans: store.plans,
        reports: outbox,
        directory,
        substitutes: NO_SUBSTITUTES,
        locks: NO_LOCKS,
        clock,
        ids: { newId: () => `bench-${latencyMs}-${i}` },
      },
      {
        userId: 'u1',
        planId: plan.id,
        periodId: '2026-01',
        submissionId: `card-${latencyMs}-${i}`,
        entries: [{ measureId: '1.1', status: 'done' }],
      },
    );
    times.push(performance.now() - started);
  }
  await outbox.flush();
  await outbox.close();
  const result = { bench: 'card-answer', latencyMs, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) };
  console.log(
    `card answer to stored report (outbox), Graph latency ${latencyMs} ms: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms`,
  );
  console.log(JSON.stringify(result));
}

export async function benchStore(): Promise<void> {
  const t = await startTestGraph({ sleep: (ms) => new Promise((r) => setTimeout(r, ms)) });
  try {
    await provisionSite(t.admin, t.standIn.siteId);
    const store = await openSharePointStore(t.graph, t.standIn.siteId);
    for (const measures of [50, 500, 5000]) {
      t.standIn.latencyMs = 0;
      const seeding = performance.now();
      const plan = await seed(t, store, measures);
      console.log(
        `seeded ${measures} measures and ${measures * 4} reports in ${Math.round(performance.now() - seeding)} ms`,
      );
      for (const latencyMs of [0, 50]) await goalTableCase(t, store, plan, measures, latencyMs);
      if (measures === 500) for (const latencyMs of [0, 50]) await cardAnswerCase(t, store, plan, latencyMs);
    }
  } finally {
    await t.close();
  }
}
