/**
 * The goal table as the council adopted it, with the latest status of each measure for one
 * period. Read in two calls to the store (plan, reports of the period), whatever the plan's size.
 */
import { DomainError } from '../domain/errors';
import { currentPlanPeriod, planPeriods, type Period } from '../domain/period';
import {
  allMeasures,
  isClosed,
  type GoalNode,
  type LabelledText,
  type Measure,
  type Organisation,
  type Plan,
  type PlanLanguage,
  type PlanPeriod,
} from '../domain/plan';
import { isFromDocument, type StatusCode, type StatusReport } from '../domain/status';
import { can, type Actor } from '../domain/access';
import { isShared, rollUpMeasure, wholeLatest } from '../domain/municipal-status';
import { isOverdue, judgedOn } from '../domain/overdue';
import { answerersOf, reachOf, type Person, type UnplacedHolder } from '../domain/responsibility';
import type { Clock, Directory, PlanRepository, StatusReportRepository } from './ports';
import { preferredPlan } from './preferred-plan';
import { requirePlan, requirePlanFor } from './require-plan';

/** A measure as the table shows it: the plan's measure and this period's latest answer. */
export interface MeasureRow extends Measure {
  /** No one in the directory answers for it (read with the directory only): no round reaches it. */
  noOneResponsible?: true;
  /** Past its deadline and neither done nor cancelled (*forfalt*), judged on the period's day. */
  overdue?: true;
  status?: {
    code: StatusCode;
    comment?: string;
    value?: number;
    reportedBy: string;
    /** A substitute answered, for this person. */
    answeredFor?: string;
    reportedAt: string;
    /** Saved, but still waiting to be written to the municipality's SharePoint site. */
    pending?: true;
    /** Taken from the plan document's status column at import, not reported by a person. */
    fromDocument?: true;
  };
  /**
   * A shared plan: each owner the measure applies to with its own latest answer, and the roll-up
   * ("3 av 5 fullført"). Filtered to one municipality, the tab shows that one's as `status`.
   */
  municipalities?: { ownerId: string; name: string; status?: RowStatus }[];
  rollUp?: { done: number; total: number };
}

export type RowStatus = NonNullable<MeasureRow['status']>;

export interface GoalTableNode {
  id: string;
  level: number;
  number: string;
  text: string;
  details?: LabelledText[];
  children: GoalTableNode[];
  measures: MeasureRow[];
}

export interface GoalTable {
  plan: {
    id: string;
    title: string;
    owners: Organisation[];
    hostOwnerId?: string;
    language: PlanLanguage;
    levels: string[];
    period: PlanPeriod;
    adoptedBy?: string;
    details?: LabelledText[];
    source?: string;
  };
  period: Period;
  /** Every reporting period of the plan, oldest first. */
  periods: Period[];
  goals: GoalTableNode[];
  /** `closed`: measures the coordinator closed, which are asked for no more and never missing. */
  counts: { measures: number; reported: number; noOneResponsible: number; overdue: number; closed: number };
}

/** For the coordinator: what no round reaches, and role holders left out for naming no municipality. */
export interface GoalTableReach {
  /** Numbers of the measures no one answers for. */
  unreached: string[];
  unplaced: UnplacedHolder[];
}

export interface PlanSummary {
  id: string;
  title: string;
  owners: string[];
  language: PlanLanguage;
}

export interface GoalTableDeps {
  plans: PlanRepository;
  reports: StatusReportRepository;
  clock: Clock;
  /** Who holds which role: without it, rows are not marked for having no one responsible. */
  directory?: Directory;
}

/** The plans the person can see, and the one the tab opens on when the address names none. */
export async function planListFor(
  deps: GoalTableDeps,
  actor: Actor,
): Promise<{ plans: PlanSummary[]; preferredPlanId?: string }> {
  const plans = await deps.plans.listPlans();
  const preferredPlanId = await preferredPlan(deps, actor, plans);
  return { plans: summariesOf(plans), ...(preferredPlanId ? { preferredPlanId } : {}) };
}

function summariesOf(plans: Plan[]): PlanSummary[] {
  return plans.map((p) => ({
    id: p.id,
    title: p.title,
    owners: p.owners.map((o) => o.name),
    language: p.language,
  }));
}

export async function getGoalTable(deps: GoalTableDeps, planId: string, periodId?: string): Promise<GoalTable> {
  return tableOf(deps, await requirePlan(deps.plans, planId), periodId);
}

/** What the caller may do with the plan shown: the tab offers exactly these. */
export interface PlanPermissions {
  export: boolean;
  replace: boolean;
  /** Change measures and run reminder rounds (coordinators). */
  edit: boolean;
  /** See the round's delivery log (leaders and coordinators). */
  rounds: boolean;
}

/** The goal table as the caller sees it, with what they may do with the plan. */
export async function goalTableFor(
  deps: GoalTableDeps,
  actor: Actor,
  planId: string,
  periodId?: string,
): Promise<GoalTable & { permissions: PlanPermissions; reach?: GoalTableReach }> {
  const plan = await requirePlanFor(deps.plans, actor, 'view-plan', planId);
  const permissions = {
    export: can(actor, 'export-plan', plan),
    replace: can(actor, 'replace-plan', plan),
    edit: can(actor, 'edit-plan', plan),
    rounds: can(actor, 'follow-rounds', plan),
  };
  const people = deps.directory ? await deps.directory.listPeople() : undefined;
  const table = await tableOf(deps, plan, periodId, people);
  // Names of people left out are the coordinator's to act on, not every reader's.
  if (!permissions.edit || !people) return { ...table, permissions };
  const { unreached, unplaced } = reachOf(plan, people);
  return { ...table, permissions, reach: { unreached: unreached.map((m) => m.number), unplaced } };
}

async function tableOf(
  deps: GoalTableDeps,
  plan: Plan,
  periodId: string | undefined,
  people?: readonly Person[],
): Promise<GoalTable> {
  const now = deps.clock.now();
  const { periods, period } = choosePeriod(plan, periodId, now);
  const reports = await deps.reports.listReports(plan.id, { periodId: period.id });
  // A shared plan seen whole shows each measure's roll-up status; each owner's goes with the row.
  return goalTableOf(plan, period, periods, wholeLatest(plan, allMeasures(plan), reports), {
    people: people ?? (await deps.directory?.listPeople()),
    now,
    reports,
  });
}

/** The plan's periods so far, and the one asked for (the current one when none is named). */
export function choosePeriod(
  plan: Plan,
  periodId: string | undefined,
  now: Date,
): { periods: Period[]; period: Period } {
  const periods = planPeriods(plan.cadence, plan.period, now);
  const period = periodId ? periods.find((p) => p.id === periodId) : currentPlanPeriod(plan.cadence, plan.period, now);
  if (!period) throw new DomainError('unknown-period');
  return { periods, period };
}

/** The goal table of a plan and one period's answers; also the preview of a plan not yet saved. */
export function goalTableOf(
  plan: Plan,
  period: Period,
  periods: Period[],
  latest: Map<string, StatusReport> = new Map(),
  context: { people?: readonly Person[] | undefined; now?: Date; reports?: readonly StatusReport[] } = {},
): GoalTable {
  const shared = isShared(plan) && context.reports !== undefined;
  const row = (m: Measure): MeasureRow => {
    const report = latest.get(m.id);
    const day = judgedOn(period.end, context.now ?? new Date());
    return {
      ...m,
      ...(report ? { status: statusOf(report) } : {}),
      ...(context.people && !isClosed(m) && answerersOf(m, plan, context.people).length === 0
        ? { noOneResponsible: true as const }
        : {}),
      ...(isOverdue(m, report?.status, day) ? { overdue: true as const } : {}),
      ...(shared ? municipalRows(plan, m, context.reports ?? []) : {}),
    };
  };
  const goals = plan.goals.map((g) => toTableNode(g, row));
  const rows = measureRows(goals);
  return {
    plan: planHeader(plan),
    period,
    periods,
    goals,
    counts: {
      measures: rows.length,
      reported: rows.filter((r) => r.status).length,
      noOneResponsible: rows.filter((r) => r.noOneResponsible).length,
      overdue: rows.filter((r) => r.overdue).length,
      closed: rows.filter((r) => r.closed).length,
    },
  };
}

function planHeader(plan: Plan): GoalTable['plan'] {
  return {
    id: plan.id,
    title: plan.title,
    owners: plan.owners,
    ...(plan.hostOwnerId ? { hostOwnerId: plan.hostOwnerId } : {}),
    language: plan.language,
    levels: plan.levels,
    period: plan.period,
    ...(plan.adoptedBy ? { adoptedBy: plan.adoptedBy } : {}),
    ...(plan.details ? { details: plan.details } : {}),
    ...(plan.source ? { source: plan.source } : {}),
  };
}

function toTableNode(node: GoalNode, row: (m: Measure) => MeasureRow): GoalTableNode {
  return {
    id: node.id,
    level: node.level,
    number: node.number,
    text: node.text,
    ...(node.details ? { details: node.details } : {}),
    children: node.children.map((c) => toTableNode(c, row)),
    measures: node.measures.map(row),
  };
}

function municipalRows(
  plan: Plan,
  m: Measure,
  reports: readonly StatusReport[],
): Pick<MeasureRow, 'municipalities' | 'rollUp'> {
  const rollUp = rollUpMeasure(plan, m, reports);
  return {
    municipalities: rollUp.owners.map((o) => ({
      ownerId: o.ownerId,
      name: o.name,
      ...(o.report ? { status: statusOf(o.report) } : {}),
    })),
    rollUp: { done: rollUp.done, total: rollUp.total },
  };
}

function statusOf(report: StatusReport): NonNullable<MeasureRow['status']> {
  return {
    code: report.status,
    ...(report.comment ? { comment: report.comment } : {}),
    ...(report.value !== undefined ? { value: report.value } : {}),
    reportedBy: report.reportedBy.name,
    ...(report.answeredFor ? { answeredFor: report.answeredFor.name } : {}),
    reportedAt: report.reportedAt,
    ...(report.pending ? { pending: true as const } : {}),
    ...(isFromDocument(report) ? { fromDocument: true as const } : {}),
  };
}

function measureRows(nodes: GoalTableNode[]): MeasureRow[] {
  return nodes.flatMap((n) => [...n.measures, ...measureRows(n.children)]);
}
