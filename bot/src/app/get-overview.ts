/**
 * The overview the leadership meeting (ledermøte) pulls up: per top-level goal, how many measures
 * are done, on track, delayed, not started, cancelled or not reported in a period; what got better,
 * worse or newly late since the period before; numeric indicators against their target with their
 * values period by period; who has not answered; and benefits expected against realised. One read
 * of the plan, one of its reports and one of its realised benefits.
 * A filter (municipality, sector, role) narrows it by the goal table's own rule, so that a
 * department's channel tab counts the measures its table shows.
 *
 * Longer than our ~300 lines because the overview is one read model assembled in one pass; its
 * parts with rules of their own live beside it (overview-municipalities.ts, domain/benefit-sums.ts).
 */
import { can, type Actor } from '../domain/access';
import { planBenefitSummary, type BenefitSummary } from '../domain/benefit-sums';
import { isOver, osloDate, type Period } from '../domain/period';
import { choosePeriod } from './get-goal-table';
import { requirePlanFor } from './require-plan';
import { filterGoalTree, isFiltered, type MeasureFilter } from '../domain/measure-filter';
import { isOverdue, judgedOn } from '../domain/overdue';
import { answerersOf, measuresOwnedBy, type Person } from '../domain/responsibility';
import { allMeasures, isClosed, type GoalNode, type Measure, type NumericIndicator, type Plan } from '../domain/plan';
import { latestByMeasure, STATUS_CODES, type StatusCode, type StatusReport } from '../domain/status';
import { ownAnswersIn } from '../domain/municipal-answers';
import {
  compareOwners,
  isShared,
  latestForOwner,
  reportsForOwner,
  wholeLatest,
  type OwnerComparison,
} from '../domain/municipal-status';
import { municipalStatusOf, type MunicipalStatus } from './overview-municipalities';
import type {
  Clock,
  Directory,
  PeriodLock,
  PeriodLockStore,
  PlanRepository,
  RealisedBenefitStore,
  StatusReportRepository,
} from './ports';

export const NOT_REPORTED = 'not_reported';
/** A measure the coordinator closed (*avsluttet*): shown as such, never as missing an answer. */
export const CLOSED = 'closed';
export type OverviewStatus = StatusCode | typeof NOT_REPORTED | typeof CLOSED;
export const OVERVIEW_STATUSES: readonly OverviewStatus[] = [...STATUS_CODES, NOT_REPORTED, CLOSED];

export type StatusCounts = Record<OverviewStatus, number>;

/** How a measure moved since the period before. */
export type Change = 'better' | 'worse' | 'newly-late' | 'same';

export interface OverviewMeasure {
  id: string;
  number: string;
  text: string;
  responsibleText: string;
  /** People the coordinator named on the measure. */
  responsiblePeople?: { name: string }[];
  /** When it is to be done, as the plan wrote it. */
  deadline?: string;
  status: OverviewStatus;
  previousStatus?: OverviewStatus;
  change: Change;
  comment?: string;
  value?: number;
  reportedBy?: string;
  /** Past its deadline and neither done nor cancelled (*forfalt*). */
  overdue?: true;
  /** No one in the directory answers for it: no round asks anyone. */
  noOneResponsible?: true;
  /** A shared plan seen whole: each municipality's own status and how many are done ("3 av 5"). */
  municipalities?: MunicipalStatus[];
  rollUp?: { done: number; total: number };
}

export interface OverviewGoal {
  id: string;
  number: string;
  text: string;
  counts: StatusCounts;
  previousCounts?: StatusCounts;
  /** Measures past their deadline and not finished, whatever their status. */
  overdue: number;
  measures: OverviewMeasure[];
}

export interface IndicatorTrend {
  measureId: string;
  number: string;
  text: string;
  unit?: string;
  baseline?: number;
  target?: number;
  direction: 'higher' | 'lower';
  /** The latest value per period that has one, oldest first. */
  values: { periodId: string; value: number }[];
  /** Whether the latest value reaches the target (absent without a target or a value). */
  onTarget?: boolean;
}

export interface Overview {
  plan: { id: string; title: string; language: Plan['language'] };
  period: Period;
  previousPeriod?: Period;
  periods: Period[];
  totals: StatusCounts;
  /** Measures past their deadline and not finished, in all goals. */
  overdue: number;
  goals: OverviewGoal[];
  indicators: IndicatorTrend[];
  /** Responsible people with measures not answered this period, by name. */
  notAnswered: { name: string; numbers: string[] }[];
  /** Measures without an answer that no one answers for: never counted as answered by anyone. */
  noOneResponsible: { id: string; number: string; text: string }[];
  /** Benefit realisation: expected against realised per type and year, and the return against the target. */
  benefits?: BenefitSummary;
  /** A shared plan seen whole: "Kommunane side om side", each owner's counts over its own measures. */
  municipalities?: OwnerComparison[];
  /** The municipality the overview is narrowed to: every status in it is that owner's own. */
  owner?: string;
}

export interface OverviewDeps {
  plans: PlanRepository;
  reports: StatusReportRepository;
  directory: Directory;
  clock: Clock;
  /** Realised benefits; without it the overview shows what was expected only. */
  realisedBenefits?: RealisedBenefitStore;
}

export async function getOverview(
  deps: OverviewDeps,
  actor: Actor,
  planId: string,
  periodId?: string,
): Promise<Overview> {
  return overviewOfPlan(deps, await requirePlanFor(deps.plans, actor, 'see-overview', planId), periodId);
}

/** The overview as the ledermøte sees it: whether the period is locked, may be, and by the caller. */
export interface OverviewForActor extends Overview {
  lock?: PeriodLock;
  /** Whether the period's deadline has passed, so that it may be locked. */
  lockable: boolean;
  permissions: { lock: boolean; recordDecision: boolean };
}

export async function overviewFor(
  deps: OverviewDeps & { locks: PeriodLockStore },
  actor: Actor,
  planId: string,
  periodId?: string,
  filter: MeasureFilter = {},
): Promise<OverviewForActor> {
  const plan = await requirePlanFor(deps.plans, actor, 'see-overview', planId);
  const overview = await overviewOfPlan(deps, narrowed(plan, filter), periodId, filter.owner);
  const lock = (await deps.locks.listLocks(planId)).find((l) => l.periodId === overview.period.id);
  return {
    ...overview,
    ...(lock ? { lock } : {}),
    permissions: { lock: can(actor, 'lock-period', plan), recordDecision: can(actor, 'record-decision', plan) },
    lockable: isOver(overview.period, deps.clock.now()),
  };
}

/** The plan with only the measures the filter keeps (and the goals above them): the overview's and the report's. */
export function narrowed(plan: Plan, filter: MeasureFilter): Plan {
  return isFiltered(filter) ? { ...plan, goals: filterGoalTree(plan.goals, filter) } : plan;
}

async function overviewOfPlan(
  deps: OverviewDeps,
  plan: Plan,
  periodId: string | undefined,
  owner?: string,
): Promise<Overview> {
  const { periods, period } = choosePeriod(plan, periodId, deps.clock.now());
  const index = periods.findIndex((p) => p.id === period.id);
  const previousPeriod = index > 0 ? periods[index - 1] : undefined;
  // Narrowed to one municipality of a shared plan: its own answers, and its own people's.
  const reports = reportsForOwner(await deps.reports.listReports(plan.id), owner);
  const people = (await deps.directory.listPeople()).filter(
    (p) => !owner || !p.municipalities || p.municipalities.includes(owner),
  );
  const now = deps.clock.now();
  const realised = (await deps.realisedBenefits?.listRealised(plan.id)) ?? [];
  const ownRealised = owner ? realised.filter((r) => !r.organisationId || r.organisationId === owner) : realised;
  const overview = {
    ...overviewOf(plan, period, previousPeriod, periods, reports, people, now, owner),
    benefits: planBenefitSummary(plan, ownRealised, { throughYear: Number(osloDate(now).slice(0, 4)) }),
  };
  return owner ? { ...overview, owner } : overview;
}

export function overviewOf(
  plan: Plan,
  period: Period,
  previousPeriod: Period | undefined,
  periods: Period[],
  reports: StatusReport[],
  people: readonly Person[],
  now: Date = new Date(),
  owner?: string,
): Overview {
  const inPeriod = reports.filter((r) => r.periodId === period.id);
  const whole = isShared(plan) && !owner;
  // Seen whole, a shared measure's status is its roll-up's; narrowed to one municipality, its own.
  const latestOf = (of: StatusReport[]): Map<string, StatusReport> =>
    whole ? wholeLatest(plan, allMeasures(plan), of) : owner ? latestForOwner(of, owner) : latestByMeasure(of);
  const current = latestOf(inPeriod);
  const previous = previousPeriod ? latestOf(reports.filter((r) => r.periodId === previousPeriod.id)) : undefined;
  const day = judgedOn(period.end, now);
  const answeredBy = ownAnswersIn(plan, inPeriod);
  const goals = plan.goals.map((goal) => {
    const measures = measuresUnder(goal).map((m) => ({
      ...overviewMeasure(m, current, previous),
      ...(isOverdue(m, current.get(m.id)?.status, day) ? { overdue: true as const } : {}),
      ...(!isClosed(m) && answerersOf(m, plan, people).length === 0 ? { noOneResponsible: true as const } : {}),
      ...(whole ? municipalStatusOf(plan, m, inPeriod) : {}),
    }));
    return {
      id: goal.id,
      number: goal.number,
      text: goal.text,
      counts: countOf(measures.map((m) => m.status)),
      ...(previous ? { previousCounts: countOf(measures.map((m) => m.previousStatus ?? NOT_REPORTED)) } : {}),
      overdue: measures.filter((m) => m.overdue).length,
      measures,
    };
  });
  const all = goals.flatMap((g) => g.measures);
  const shown = new Set(periods.slice(0, periods.findIndex((p) => p.id === period.id) + 1).map((p) => p.id));
  return {
    plan: { id: plan.id, title: plan.title, language: plan.language },
    period,
    ...(previousPeriod ? { previousPeriod } : {}),
    periods,
    totals: countOf(all.map((m) => m.status)),
    overdue: all.filter((m) => m.overdue).length,
    goals,
    indicators: indicatorTrends(
      plan,
      periods,
      reports.filter((r) => shown.has(r.periodId)),
    ),
    ...(whole
      ? {
          municipalities: compareOwners(
            plan,
            allMeasures(plan).filter((m) => !isClosed(m)),
            inPeriod,
          ),
        }
      : {}),
    notAnswered: people
      .map((person) => {
        const owned = measuresOwnedBy(person, plan);
        // In a shared plan their own municipalities' answers: another's never counts for them.
        const answered = answeredBy(person, owned);
        return { name: person.name, numbers: owned.filter((m) => !answered.has(m.id)).map((m) => m.number) };
      })
      .filter((p) => p.numbers.length > 0)
      .sort((a, b) => a.name.localeCompare(b.name, 'nb')),
    noOneResponsible: all
      .filter((m) => m.noOneResponsible && m.status === NOT_REPORTED)
      .map((m) => ({ id: m.id, number: m.number, text: m.text })),
  };
}

function measuresUnder(node: GoalNode): Measure[] {
  return [...node.measures, ...node.children.flatMap(measuresUnder)];
}

function overviewMeasure(
  m: Measure,
  current: Map<string, StatusReport>,
  previous: Map<string, StatusReport> | undefined,
): OverviewMeasure {
  const report = current.get(m.id);
  const status: OverviewStatus = isClosed(m) ? CLOSED : (report?.status ?? NOT_REPORTED);
  const previousStatus = previous ? (previous.get(m.id)?.status ?? NOT_REPORTED) : undefined;
  return {
    id: m.id,
    number: m.number,
    text: m.text,
    responsibleText: m.responsibleText,
    ...(m.responsiblePeople?.length ? { responsiblePeople: m.responsiblePeople.map((p) => ({ name: p.name })) } : {}),
    ...(m.deadline ? { deadline: m.deadline.text } : {}),
    status,
    ...(previousStatus ? { previousStatus } : {}),
    change: changeOf(previousStatus, status),
    ...(report?.comment ? { comment: report.comment } : {}),
    ...(report?.value !== undefined ? { value: report.value } : {}),
    ...(report ? { reportedBy: report.reportedBy.name } : {}),
  };
}

/** Progress order: delayed is worst, done best. Cancelled and not reported have no place in it. */
const RANK: Partial<Record<OverviewStatus, number>> = { delayed: 0, not_started: 1, on_track: 2, done: 3 };

export function changeOf(before: OverviewStatus | undefined, now: OverviewStatus): Change {
  if (now === 'delayed' && before !== 'delayed') return 'newly-late';
  const from = before === undefined ? undefined : RANK[before];
  const to = RANK[now];
  if (from === undefined || to === undefined || from === to) return 'same';
  return to > from ? 'better' : 'worse';
}

function countOf(statuses: OverviewStatus[]): StatusCounts {
  const counts = Object.fromEntries(OVERVIEW_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const s of statuses) counts[s]++;
  return counts;
}

function indicatorTrends(plan: Plan, periods: Period[], reports: StatusReport[]): IndicatorTrend[] {
  const order = new Map(periods.map((p, i) => [p.id, i]));
  const numeric = allMeasures(plan).filter(
    (m): m is Measure & { indicator: NumericIndicator } => m.indicator.kind === 'numeric',
  );
  // The latest report with a value, per measure and period: one pass over the reports.
  const latest = new Map<string, Map<string, StatusReport>>();
  for (const r of reports) {
    if (r.value === undefined) continue;
    const perPeriod = latest.get(r.measureId) ?? new Map<string, StatusReport>();
    const seen = perPeriod.get(r.periodId);
    if (!seen || r.reportedAt >= seen.reportedAt) perPeriod.set(r.periodId, r);
    latest.set(r.measureId, perPeriod);
  }
  return numeric.map((m) => {
    const perPeriod = latest.get(m.id) ?? new Map<string, StatusReport>();
    const values = [...perPeriod.entries()]
      .sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
      .map(([periodId, r]) => ({ periodId, value: r.value as number }));
    const last = values.at(-1)?.value;
    const { target, direction } = m.indicator;
    return {
      measureId: m.id,
      number: m.number,
      text: m.indicator.text || m.text,
      ...(m.indicator.unit ? { unit: m.indicator.unit } : {}),
      ...(m.indicator.baseline !== undefined ? { baseline: m.indicator.baseline } : {}),
      ...(target !== undefined ? { target } : {}),
      direction,
      values,
      ...(target !== undefined && last !== undefined
        ? { onTarget: direction === 'higher' ? last >= target : last <= target }
        : {}),
    };
  });
}
