/**
 * The yearly revision (*rullering*) of a plan, for its coordinators: start a draft from the plan in
 * force, change it with the plan-upkeep use cases (through DraftPlans) or replace it with the
 * revised document (matched against the plan, domain/revision-match.ts), see what it changes, and
 * adopt or discard it. On adoption the plan in force is kept as a version that stays readable with
 * its reports; matched measures keep their ids, so their reports follow them through renumbering;
 * measures left out that have reports stay in the plan, closed (domain/revision.ts).
 */
import { can, type Actor } from '../domain/access';
import { DomainError } from '../domain/errors';
import type { ImportChoices } from '../domain/import/choices';
import { osloDate } from '../domain/period';
import { allMeasures, type Plan } from '../domain/plan';
import { revisedDraft } from '../domain/revision-match';
import { adoptedPlan, compareRevision, type RevisionDiff } from '../domain/revision';
import { wholeLatest } from '../domain/municipal-status';
import { t } from '../i18n';
import { auditEntry } from './audit-trail';
import { choosePeriod, goalTableOf, type GoalTable } from './get-goal-table';
import type { PlanFacts, PlanFileParser } from './plan-import';
import {
  DraftChangedError,
  type Clock,
  type IdGenerator,
  type PlanDraft,
  type PlanRepository,
  type PlanVersionStore,
  type PlanVersionSummary,
  type StatusReportRepository,
} from './ports';
import { requirePlanFor } from './require-plan';

export interface RevisionDeps {
  plans: PlanRepository;
  reports: StatusReportRepository;
  versions: PlanVersionStore;
  clock: Clock;
  ids: IdGenerator;
}

/** A revision under way as the coordinator sees it: the draft's table (with this period's statuses) and what it changes. */
export interface RevisionView {
  version: string;
  startedAt: string;
  startedBy: { userId: string; name: string };
  table: GoalTable;
  diff: RevisionDiff;
}

async function reportedIds(deps: RevisionDeps, planId: string): Promise<Set<string>> {
  return new Set((await deps.reports.listReports(planId)).map((r) => r.measureId));
}

async function viewOf(deps: RevisionDeps, plan: Plan, draft: PlanDraft): Promise<RevisionView> {
  const now = deps.clock.now();
  const { periods, period } = choosePeriod(draft.plan, undefined, now);
  const reports = await deps.reports.listReports(plan.id, { periodId: period.id });
  const latest = wholeLatest(draft.plan, allMeasures(draft.plan), reports);
  return {
    version: draft.version,
    startedAt: draft.startedAt,
    startedBy: draft.startedBy,
    table: goalTableOf(draft.plan, period, periods, latest, { now }),
    diff: compareRevision(plan, draft.plan, await reportedIds(deps, plan.id)),
  };
}

async function requireDraft(deps: RevisionDeps, planId: string): Promise<PlanDraft> {
  const draft = await deps.versions.getDraft(planId);
  if (!draft) throw new DomainError('no-revision');
  return draft;
}

export async function getRevision(deps: RevisionDeps, actor: Actor, planId: string): Promise<RevisionView> {
  const plan = await requirePlanFor(deps.plans, actor, 'edit-plan', planId);
  return viewOf(deps, plan, await requireDraft(deps, planId));
}

/** "Start revisjon": a draft that is, to begin with, the plan in force. */
export async function startRevision(deps: RevisionDeps, actor: Actor, planId: string): Promise<RevisionView> {
  const plan = await requirePlanFor(deps.plans, actor, 'edit-plan', planId);
  if (await deps.versions.getDraft(planId)) throw new DomainError('revision-exists');
  const draft = await deps.versions.saveDraft(
    { plan, startedAt: deps.clock.now().toISOString(), startedBy: { userId: actor.userId, name: actor.name } },
    undefined,
    auditEntry(deps, actor, planId, 'revision-started', { title: plan.title }),
  );
  return viewOf(deps, plan, draft);
}

/**
 * The revised document as the draft, matched against the plan in force. Replaces a draft under way
 * only at the version named; starts one when there is none (`expectedVersion` absent). Statuses
 * the document's status column gives are not taken: a revision changes the plan, not its reports.
 */
export async function importRevision(
  deps: RevisionDeps & { parse: PlanFileParser },
  actor: Actor,
  planId: string,
  file: { name: string; content: Buffer; facts?: PlanFacts; choices?: ImportChoices },
  expectedVersion: string | undefined,
): Promise<RevisionView> {
  const plan = await requirePlanFor(deps.plans, actor, 'edit-plan', planId);
  // The plan's identity is the plan's: the document may not say whose it is, or say it differently.
  const facts: PlanFacts = {
    ...file.facts,
    id: plan.id,
    owners: plan.owners.map((o) => o.name),
    language: plan.language,
  };
  const parsed = await deps.parse(file.name, file.content, {
    facts,
    ...(file.choices ? { choices: file.choices } : {}),
  });
  const current = await deps.versions.getDraft(planId);
  if (current?.version !== expectedVersion) throw new DraftChangedError(current);
  const draft = await deps.versions.saveDraft(
    {
      plan: revisedDraft(plan, parsed.plan),
      startedAt: current?.startedAt ?? deps.clock.now().toISOString(),
      startedBy: current?.startedBy ?? { userId: actor.userId, name: actor.name },
    },
    expectedVersion,
    auditEntry(deps, actor, planId, 'revision-imported', { file: file.name.slice(0, 200) }),
  );
  return viewOf(deps, plan, draft);
}

export async function discardRevision(
  deps: RevisionDeps,
  actor: Actor,
  planId: string,
  expectedVersion: string,
): Promise<void> {
  const plan = await requirePlanFor(deps.plans, actor, 'edit-plan', planId);
  await deps.versions.discardDraft(
    planId,
    expectedVersion,
    auditEntry(deps, actor, planId, 'revision-discarded', { title: plan.title }),
  );
}

/** "Vedta": the draft becomes the plan; the plan in force until now is kept as the next version number. */
export async function adoptRevision(
  deps: RevisionDeps,
  actor: Actor,
  planId: string,
  expectedVersion: string,
): Promise<{ version: number; diff: RevisionDiff }> {
  const plan = await requirePlanFor(deps.plans, actor, 'edit-plan', planId);
  const draft = await requireDraft(deps, planId);
  if (draft.version !== expectedVersion) throw new DraftChangedError(draft);
  const reported = await reportedIds(deps, planId);
  const diff = compareRevision(plan, draft.plan, reported);
  const number = Math.max(0, ...(await deps.versions.listVersions(planId)).map((v) => v.number)) + 1;
  const now = deps.clock.now();
  const adopted = adoptedPlan(plan, draft.plan, reported, {
    reason: t(plan.language, 'revision.closedReason', { version: number + 1 }),
    on: osloDate(now),
  });
  const by = { userId: actor.userId, name: actor.name };
  await deps.versions.adoptDraft(
    adopted,
    { planId, number, plan, archivedAt: now.toISOString(), archivedBy: by },
    expectedVersion,
    auditEntry(deps, actor, planId, 'revision-adopted', {
      archived: String(number),
      added: String(diff.added.length),
      removed: String(diff.removed.length),
      renumbered: String(diff.renumbered.length),
      changed: String(diff.changed.length),
    }),
  );
  return { version: number + 1, diff };
}

/** The plan's versions: the earlier ones, read-only, and the number of the one in force. */
export async function listPlanVersions(
  deps: Pick<RevisionDeps, 'plans' | 'versions'>,
  actor: Actor,
  planId: string,
): Promise<{ versions: PlanVersionSummary[]; current: number; revisionUnderWay?: boolean }> {
  const plan = await requirePlanFor(deps.plans, actor, 'view-plan', planId);
  const versions = await deps.versions.listVersions(planId);
  const current = Math.max(0, ...versions.map((v) => v.number)) + 1;
  // Whether a revision is under way is the coordinators' to know, as the draft is theirs to see.
  if (!can(actor, 'edit-plan', plan)) return { versions, current };
  return { versions, current, revisionUnderWay: (await deps.versions.getDraft(planId)) !== undefined };
}

/** An earlier version's goal table, with the reports of the period asked for (kept by measure id). */
export async function getPlanVersion(
  deps: Pick<RevisionDeps, 'plans' | 'versions' | 'reports' | 'clock'>,
  actor: Actor,
  planId: string,
  number: number,
  periodId?: string,
): Promise<{ number: number; archivedAt: string; archivedBy: { userId: string; name: string }; table: GoalTable }> {
  await requirePlanFor(deps.plans, actor, 'view-plan', planId);
  const version = await deps.versions.getVersion(planId, number);
  if (!version) throw new DomainError('unknown-version');
  const now = deps.clock.now();
  const { periods, period } = choosePeriod(version.plan, periodId, now);
  const reports = await deps.reports.listReports(planId, { periodId: period.id });
  const latest = wholeLatest(version.plan, allMeasures(version.plan), reports);
  return {
    number,
    archivedAt: version.archivedAt,
    archivedBy: version.archivedBy,
    table: goalTableOf(version.plan, period, periods, latest, { now }),
  };
}
