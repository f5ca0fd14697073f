/**
 * The storage ports' contract: one suite, run against every store (the embedded SQLite store,
 * SharePoint through the Graph stand-in, and a real SharePoint site when SP_TEST_* is set), with
 * the same assertions. A store that passes can replace another without the use cases noticing.
 * Over 300 lines for a reason: it is one contract, and a store passes it whole or not at all.
 */
import {
  ConcurrentChangeError,
  type AuditLog,
  type DecisionStore,
  type PersonalData,
  type PlanRepository,
  type PlanVersionStore,
  type RealisedBenefitStore,
  type StatusReportRepository,
} from '../../bot/src/app/ports';
import type { AuditEntry } from '../../bot/src/domain/audit';
import type { Decision } from '../../bot/src/domain/decision';
import { allMeasures, type Measure, type Plan } from '../../bot/src/domain/plan';
import type { StatusReport } from '../../bot/src/domain/status';
import { demoPlans } from '../support/demo';
import { describePlanVersionContract } from './plan-versions-contract';
import { describeRealisedBenefitContract } from './realised-benefits-contract';

export interface StoreUnderTest {
  plans: PlanRepository;
  reports: StatusReportRepository;
  audit: AuditLog;
  personalData: PersonalData;
  decisions: DecisionStore;
  versions: PlanVersionStore;
  realisedBenefits: RealisedBenefitStore;
}

export interface StoreFactory {
  /** A store with nothing in it (or, for a real site, nothing this run has written). */
  open(): Promise<StoreUnderTest>;
  close(): Promise<void>;
}

let counter = 0;
const unique = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${counter++}`;

function report(plan: Plan, measureId: string, overrides: Partial<StatusReport> = {}): StatusReport {
  return {
    id: unique('report'),
    planId: plan.id,
    measureId,
    periodId: '2026',
    status: 'on_track',
    reportedBy: { userId: 'user-a', name: 'Alex Wilber' },
    reportedAt: '2026-01-10T09:00:00.000Z',
    submissionId: unique('submission'),
    ...overrides,
  };
}

function auditOf(plan: Plan, id = unique('audit')): AuditEntry {
  return {
    id,
    planId: plan.id,
    at: '2026-01-10T09:00:00.000Z',
    action: 'status-reported',
    actor: { userId: 'user-a', name: 'Alex Wilber' },
    details: { period: '2026' },
  };
}

function decisionOf(plan: Plan, measureId: string, overrides: Partial<Decision> = {}): Decision {
  return {
    id: unique('decision'),
    planId: plan.id,
    measureId,
    periodId: '2026',
    kind: 'follow-up',
    text: 'Legg fram en ny fremdriftsplan – «før» jul',
    assignee: { userId: 'user-b', name: "Kari O'Hara" },
    dueDate: '2026-12-15',
    recordedBy: { userId: 'user-a', name: 'Alex Wilber' },
    recordedAt: '2026-01-10T09:00:00.000Z',
    ...overrides,
  };
}

/** A seed plan under a fresh id, so runs against a shared real site do not meet each other. */
function freshPlan(index = 0, id = unique('plan')): Plan {
  const seed = demoPlans()[index] as Plan;
  return { ...seed, id };
}

export function describeStorageContract(name: string, factory: () => StoreFactory | undefined): void {
  const made = factory();
  if (!made) return; // the caller names why, in a skipped test of its own
  describe(`storage contract: ${name}`, () => {
    let store: StoreUnderTest;
    beforeAll(async () => {
      store = await made.open();
    }, 60_000);
    afterAll(async () => {
      await made.close();
    });

    it.each(demoPlans().map((p, i) => [p.id, i] as const))(
      'stores and returns the seed plan %s unchanged',
      async (_id, index) => {
        const plan = freshPlan(index);
        await store.plans.savePlan(plan);
        expect(await store.plans.getPlan(plan.id)).toEqual(plan);
      },
    );

    it('lists the plans it holds, ordered by id', async () => {
      const a = freshPlan(0, unique('list-b'));
      const b = freshPlan(1, unique('list-a'));
      await store.plans.savePlan(a);
      await store.plans.savePlan(b);
      const ids = (await store.plans.listPlans()).map((p) => p.id);
      expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
      expect(ids).toEqual([...ids].sort((x, y) => x.localeCompare(y)));
    });

    it('returns nothing for a plan it does not hold', async () => {
      expect(await store.plans.getPlan(unique('missing'))).toBeUndefined();
    });

    it('replaces a plan whole, keeping its status reports', async () => {
      const plan = freshPlan(0);
      await store.plans.savePlan(plan);
      const first = allMeasures(plan)[0]?.id as string;
      await store.reports.appendReports([report(plan, first)]);
      const smaller: Plan = { ...plan, title: 'Revidert plan', goals: plan.goals.slice(0, 1) };
      await store.plans.savePlan(smaller);
      expect(await store.plans.getPlan(plan.id)).toEqual(smaller);
      expect(await store.reports.listReports(plan.id)).toHaveLength(1);
    });

    it('appends reports once per submission and measure, however often the submission arrives', async () => {
      const plan = freshPlan(0);
      await store.plans.savePlan(plan);
      const [m1, m2] = allMeasures(plan).map((m) => m.id) as [string, string];
      const submissionId = unique('submission');
      const batch = [
        report(plan, m1, { submissionId }),
        report(plan, m2, { submissionId, status: 'delayed', comment: 'Venter på «leverandør» & avtale', value: 12.5 }),
      ];
      // The audit entry's id is derived from the submission (as recordStatusUpdate makes it).
      const auditId = unique('audit-of-submission');
      const first = await store.reports.appendReports(batch, auditOf(plan, auditId));
      expect(first.alreadyStored).toBe(false);
      const again = await store.reports.appendReports(
        batch.map((r) => ({ ...r, id: unique('retry') })),
        auditOf(plan, auditId),
      );
      expect(again.alreadyStored).toBe(true);
      const stored = await store.reports.listReports(plan.id);
      expect(stored).toHaveLength(2);
      expect(stored.find((r) => r.measureId === m2)).toMatchObject({
        status: 'delayed',
        comment: 'Venter på «leverandør» & avtale',
        value: 12.5,
      });
      expect((await store.audit.listAudit(plan.id)).map((e) => e.id)).toEqual([auditId]);
    });

    it('lists reports by time, the later of two equal times last, and filters by period', async () => {
      const plan = freshPlan(0);
      await store.plans.savePlan(plan);
      const m = allMeasures(plan)[0]?.id as string;
      await store.reports.appendReports([
        report(plan, m, { reportedAt: '2026-02-01T10:00:00.000Z', status: 'delayed' }),
      ]);
      await store.reports.appendReports([
        report(plan, m, { reportedAt: '2026-01-01T10:00:00.000Z', status: 'not_started' }),
      ]);
      await store.reports.appendReports([report(plan, m, { reportedAt: '2026-02-01T10:00:00.000Z', status: 'done' })]);
      await store.reports.appendReports([report(plan, m, { periodId: '2025', status: 'cancelled' })]);
      expect((await store.reports.listReports(plan.id, { periodId: '2026' })).map((r) => r.status)).toEqual([
        'not_started',
        'delayed',
        'done',
      ]);
      expect(await store.reports.listReports(plan.id, { periodId: '2025' })).toHaveLength(1);
      expect(await store.reports.listReports(plan.id)).toHaveLength(4);
    });

    it('edits a measure only from the version it was read at; a stale edit gets the current version', async () => {
      const plan = freshPlan(0);
      await store.plans.savePlan(plan);
      const id = allMeasures(plan)[0]?.id as string;
      const read = await store.plans.getMeasure(plan.id, id);
      expect(read?.measure.id).toBe(id);
      const mine = { ...read!.measure, text: 'Min endring' };
      const theirs = { ...read!.measure, text: 'Deres endring' };
      const saved = await store.plans.updateMeasure(plan.id, theirs, read!.version);
      expect(saved.version).not.toBe(read!.version);
      const stale = store.plans.updateMeasure(plan.id, mine, read!.version);
      await expect(stale).rejects.toBeInstanceOf(ConcurrentChangeError);
      await stale.catch((e: ConcurrentChangeError) => {
        expect(e.current.measure.text).toBe('Deres endring');
        expect(e.current.version).toBe(saved.version);
      });
      expect(allMeasures((await store.plans.getPlan(plan.id))!).find((m) => m.id === id)?.text).toBe('Deres endring');
    });

    it('keeps the people a coordinator named on a measure, and their removal', async () => {
      const plan = freshPlan(0, unique('named'));
      await store.plans.savePlan(plan);
      const id = allMeasures(plan)[0]!.id;
      const read = await store.plans.getMeasure(plan.id, id);
      const named = { ...read!.measure, responsiblePeople: [{ userId: 'siri', name: 'Siri Sandefjord' }] };
      const saved = await store.plans.updateMeasure(plan.id, named, read!.version);
      const stored = (await store.plans.getPlan(plan.id))!.goals;
      expect(allMeasures({ ...plan, goals: stored }).find((m) => m.id === id)?.responsiblePeople).toEqual([
        { userId: 'siri', name: 'Siri Sandefjord' },
      ]);
      expect((await store.plans.getMeasure(plan.id, id))?.version).toBe(saved.version);
      const { responsiblePeople: _gone, ...none } = named;
      await store.plans.updateMeasure(plan.id, none, saved.version);
      expect((await store.plans.getMeasure(plan.id, id))?.measure.responsiblePeople).toBeUndefined();
    });

    it('keeps every field of an edited measure, its closing, and its reopening', async () => {
      const plan = freshPlan(0, unique('upkeep'));
      await store.plans.savePlan(plan);
      const id = allMeasures(plan)[0]!.id;
      const read = await store.plans.getMeasure(plan.id, id);
      const edited: Measure = {
        ...read!.measure,
        indicator: { kind: 'numeric', text: 'Brukere', unit: '%', baseline: 0, target: 50, direction: 'higher' },
        deadline: { kind: 'date', date: '2025-12-31', text: '31.12.2025' },
        priority: 2,
        sector: 'Oppvekst',
        benefits: [{ type: 'freed-capacity', text: 'Mindre manuelt arbeid', expectedNok: 120000 }],
        quickWin: true,
        notes: 'Diana og Birthe fyller ut',
        closed: { reason: 'Slått sammen med 1.2.1', on: '2026-12-02' },
      };
      const saved = await store.plans.updateMeasure(plan.id, edited, read!.version);
      expect((await store.plans.getMeasure(plan.id, id))?.measure).toEqual(edited);
      expect(allMeasures((await store.plans.getPlan(plan.id))!).find((m) => m.id === id)).toEqual(edited);
      const { closed: _closed, ...reopened } = edited;
      await store.plans.updateMeasure(plan.id, reopened, saved.version);
      expect((await store.plans.getMeasure(plan.id, id))?.measure.closed).toBeUndefined();
    });

    it('keeps a moved measure reachable by its id, with its reports, and forgets a deleted one', async () => {
      const plan = freshPlan(0, unique('moved'));
      await store.plans.savePlan(plan);
      const [first, second] = allMeasures(plan) as [Measure, Measure];
      await store.reports.appendReports([report(plan, first.id)]);
      const lastGoal = plan.goals.at(-1)!;
      const moved: Plan = {
        ...plan,
        goals: plan.goals.map((g, i) => {
          const strip = (node: typeof g): typeof g => ({
            ...node,
            measures: node.measures.filter((m) => m.id !== first.id && m.id !== second.id),
            children: node.children.map(strip),
          });
          const stripped = strip(g);
          return i === plan.goals.length - 1 ? { ...stripped, measures: [...stripped.measures, first] } : stripped;
        }),
      };
      await store.plans.savePlan(moved);
      expect((await store.plans.getMeasure(plan.id, first.id))?.measure).toEqual(first);
      expect(await store.plans.getMeasure(plan.id, second.id)).toBeUndefined();
      const stored = (await store.plans.getPlan(plan.id))!;
      expect(stored.goals.at(-1)?.id).toBe(lastGoal.id);
      expect(stored.goals.at(-1)?.measures.at(-1)).toEqual(first);
      expect((await store.reports.listReports(plan.id)).map((r) => r.measureId)).toEqual([first.id]);
    });

    it('treats quotes in ids as data, never as query syntax', async () => {
      const victim = freshPlan(0, unique('victim'));
      const attacker = freshPlan(1, `${unique('x')}' or fields/PlanId ne 'none`);
      await store.plans.savePlan(victim);
      await store.plans.savePlan(attacker);
      expect((await store.plans.getPlan(attacker.id))?.id).toBe(attacker.id);
      const m = allMeasures(attacker)[0]?.id as string;
      await store.reports.appendReports([
        report(attacker, m, { reportedBy: { userId: "o'brien", name: "Siobhán O'Brien" } }),
      ]);
      expect(await store.reports.listReports(attacker.id)).toHaveLength(1);
      expect(await store.reports.listReports(`${victim.id}' or fields/PlanId ne '`)).toEqual([]);
    });

    it("erases a person's identity from reports and audit entries, keeping what was reported", async () => {
      const plan = freshPlan(0);
      await store.plans.savePlan(plan);
      const m = allMeasures(plan)[0]?.id as string;
      const leaving = unique('leaving');
      await store.reports.appendReports(
        [report(plan, m, { reportedBy: { userId: leaving, name: 'Gone Person' }, comment: 'Ferdig' })],
        {
          ...auditOf(plan),
          actor: { userId: leaving, name: 'Gone Person' },
        },
      );
      const result = await store.personalData.erasePerson(
        leaving,
        { userId: 'erased-1', name: 'Slettet person' },
        (planId, count) => ({
          id: unique('erasure'),
          planId,
          at: '2026-03-01T00:00:00.000Z',
          action: 'person-erased',
          actor: { userId: 'admin', name: 'Admin' },
          details: { reports: String(count) },
        }),
      );
      expect(result).toMatchObject({ reports: 1, auditEntries: 1, plans: [plan.id] });
      const [stored] = await store.reports.listReports(plan.id);
      expect(stored).toMatchObject({ reportedBy: { userId: 'erased-1', name: 'Slettet person' }, comment: 'Ferdig' });
      const trail = await store.audit.listAudit(plan.id);
      expect(trail.map((e) => e.actor.userId)).not.toContain(leaving);
      expect(trail.map((e) => e.action)).toContain('person-erased');
    });

    it('keeps per municipality in a shared plan: two owners on one measure, an old report for none', async () => {
      const plan = freshPlan(0);
      await store.plans.savePlan(plan);
      const [first] = allMeasures(plan).map((x) => x.id);
      await store.reports.appendReports([
        report(plan, first as string, { reportedAt: '2026-01-10T09:00:00.000Z' }),
        report(plan, first as string, { organisationId: 'tvedestrand', status: 'done' }),
        report(plan, first as string, { organisationId: 'risor', status: 'delayed' }),
      ]);
      const stored = await store.reports.listReports(plan.id, { periodId: '2026' });
      expect(stored.map((r) => [r.organisationId, r.status])).toEqual([
        [undefined, 'on_track'],
        ['tvedestrand', 'done'],
        ['risor', 'delayed'],
      ]);
      expect(stored[0]).not.toHaveProperty('organisationId');
    });

    it('keeps for whom a substitute answered, and erases that person from it too', async () => {
      const plan = freshPlan(0);
      await store.plans.savePlan(plan);
      const [first, second] = allMeasures(plan).map((x) => x.id);
      const away = unique('away');
      await store.reports.appendReports([
        report(plan, first as string, { answeredFor: { userId: away, name: 'Kari Borte' } }),
        report(plan, second as string),
      ]);
      const stored = await store.reports.listReports(plan.id);
      expect(stored.map((r) => r.answeredFor)).toEqual([{ userId: away, name: 'Kari Borte' }, undefined]);
      await store.personalData.erasePerson(away, { userId: 'erased-2', name: 'Slettet person' }, (planId) => ({
        id: unique('erasure'),
        planId,
        at: '2026-03-01T00:00:00.000Z',
        action: 'person-erased',
        actor: { userId: 'admin', name: 'Admin' },
        details: {},
      }));
      const after = await store.reports.listReports(plan.id);
      expect(after[0]).toMatchObject({
        answeredFor: { userId: 'erased-2', name: 'Slettet person' },
        reportedBy: { userId: 'user-a' },
      });
    });

    it("keeps the meeting's decisions per period, in the order recorded, once per id, with their audit entry", async () => {
      const plan = freshPlan(0);
      await store.plans.savePlan(plan);
      const [first, second] = allMeasures(plan).map((x) => x.id);
      const followUp = decisionOf(plan, first as string);
      const decision = decisionOf(plan, second as string, {
        kind: 'decision',
        text: 'Tiltaket avsluttes.',
        assignee: { name: 'Kommunedirektøren' },
        dueDate: undefined,
        recordedAt: '2026-01-10T09:00:00.000Z',
      });
      delete decision.dueDate;
      const later = decisionOf(plan, first as string, { periodId: '2027', recordedAt: '2027-01-11T08:00:00.000Z' });
      delete later.assignee;
      delete later.dueDate;
      const auditId = unique('audit');
      await store.decisions.addDecision(followUp, { ...auditOf(plan, auditId), action: 'decision-recorded' });
      // A repeat (a retried request) stores nothing new.
      await store.decisions.addDecision(followUp, { ...auditOf(plan, auditId), action: 'decision-recorded' });
      await store.decisions.addDecision(decision);
      await store.decisions.addDecision(later);
      expect(await store.decisions.listDecisions(plan.id)).toEqual([followUp, decision, later]);
      expect(await store.decisions.listDecisions(plan.id, { periodId: '2026' })).toEqual([followUp, decision]);
      expect(await store.decisions.listDecisions(plan.id, { periodId: '2027' })).toEqual([later]);
      expect(await store.decisions.listDecisions(freshPlan(1).id)).toEqual([]);
      const trail = (await store.audit.listAudit(plan.id)).filter((e) => e.action === 'decision-recorded');
      expect(trail.map((e) => e.id)).toEqual([auditId]);
    });

    describePlanVersionContract(
      () => store,
      () => freshPlan(0),
    );

    describeRealisedBenefitContract(
      () => store,
      () => freshPlan(0),
    );
  });
}
