/**
 * "Mine tiltak" in the tab: the measures the signed-in person answers for in one plan and period —
 * their own (roles, or named on the measure) and, while someone is away, that person's as their
 * substitute — with the answer each has so far. Reporting from the tab goes through
 * recordStatusUpdate, the card's use case, so both channels share validation, the period gate,
 * idempotency and the audit trail, and read the same reports.
 */
import type { Benefit } from '../domain/benefit';
import { actorOf, isCoordinator, type Actor } from '../domain/access';
import { currentPlanPeriod, previousPlanPeriod, type Period } from '../domain/period';
import {
  allMeasures,
  type Indicator,
  type Measure,
  type Organisation,
  type Plan,
  type PlanLanguage,
} from '../domain/plan';
import { answerScopeOf, ownAnswers } from '../domain/municipal-answers';
import { measuresOwnedBy, type Person } from '../domain/responsibility';
import { latestByMeasure, type StatusCode, type StatusReport } from '../domain/status';
import { answeringOrder } from '../domain/status-form';
import { activeSubstituteFor } from '../domain/substitute';
import { choosePeriod } from './get-goal-table';
import { isClosed } from './period-gate';
import type {
  Clock,
  Directory,
  PeriodLockStore,
  PlanRepository,
  StatusReportRepository,
  SubstituteStore,
} from './ports';
import { recordStatusUpdate, type RecordStatusUpdateDeps, type StatusEntry } from './record-status-update';
import { requirePlanFor } from './require-plan';

export interface MyMeasuresDeps {
  plans: PlanRepository;
  reports: StatusReportRepository;
  directory: Directory;
  substitutes: SubstituteStore;
  locks: PeriodLockStore;
  clock: Clock;
}

/** An answer as the person sees it: what was reported, by whom and when. */
export interface MyAnswer {
  status: StatusCode;
  comment?: string;
  value?: number;
  reportedBy: string;
  reportedAt: string;
}

export interface MyMeasure {
  id: string;
  number: string;
  text: string;
  responsibleText: string;
  indicator: Indicator;
  /** Set when the person answers for it as a substitute: the person away, whose measure it is. */
  answersFor?: string;
  /** This period's latest answer. */
  current?: MyAnswer;
  /** Last period's latest answer: what the form starts from while this period has none. */
  previous?: MyAnswer;
  /** The measure's benefits: what may be reported realised with the answer (optional). */
  benefits?: Benefit[];
  /**
   * In a shared plan, where the person may answer for more than one municipality: those to choose
   * from (sent back as the entry's organisationId), in the plan's order.
   */
  municipalities?: Organisation[];
  /** Where an answer goes when none is chosen; absent with `municipalities`: one must be chosen. */
  organisationId?: string;
}

export interface MyMeasureGroup {
  goal: { number: string; text: string };
  /** No answer this period yet for any measure of the group. */
  needsAnswer: boolean;
  measures: MyMeasure[];
}

export interface MyMeasures {
  plan: { id: string; title: string; language: PlanLanguage };
  period: Period;
  /**
   * Whether answers are taken: 'locked' by the coordinator (its answers are final) and 'future'
   * (not begun) are read-only; the service refuses answers for them whatever the tab shows.
   */
  state: 'open' | 'locked' | 'future';
  /** Needing an answer first, then those answered, each part grouped by top goal in the plan's order. */
  groups: MyMeasureGroup[];
  counts: { measures: number; answered: number };
}

export async function myMeasures(
  deps: MyMeasuresDeps,
  actor: Actor,
  planId: string,
  periodId?: string,
): Promise<MyMeasures> {
  const plan = await requirePlanFor(deps.plans, actor, 'view-plan', planId);
  const now = deps.clock.now();
  const { period } = choosePeriod(plan, periodId, now);
  const running = currentPlanPeriod(plan.cadence, plan.period, now);
  const before = previousPlanPeriod(plan.cadence, plan.period, period.id, now);
  const person = await deps.directory.findPerson(actor.userId);
  const [owned, inPeriod, inBefore, locked] = await Promise.all([
    person ? answeredBy(deps, person, plan, now) : Promise.resolve(new Map<string, Person | undefined>()),
    deps.reports.listReports(plan.id, { periodId: period.id }),
    before ? deps.reports.listReports(plan.id, { periodId: before.id }) : Promise.resolve([]),
    isClosed(deps, plan.id, period.id),
  ]);
  // In the plan's order, so that a substitute's measures join their goals' groups.
  const measures = allMeasures(plan).filter((m) => owned.has(m.id));
  const current = person ? answersOf(person, plan, measures, owned, inPeriod) : latestByMeasure(inPeriod);
  const previous = person
    ? answersOf(person, plan, measures, owned, inBefore, { partial: true })
    : latestByMeasure(inBefore);
  const groups = answeringOrder({ plan, measures, current }).map((group) => ({
    goal: group.goal,
    needsAnswer: group.needsAnswer,
    measures: group.measures.map((m) => ({
      ...mine(m, owned.get(m.id), current.get(m.id), previous.get(m.id)),
      ...(person ? choiceOf(person, plan, m, owned.get(m.id)) : {}),
    })),
  }));
  return {
    plan: { id: plan.id, title: plan.title, language: plan.language },
    period,
    state: period.start > running.start ? 'future' : locked ? 'locked' : 'open',
    groups,
    counts: { measures: measures.length, answered: measures.filter((m) => current.has(m.id)).length },
  };
}

export interface MyReport {
  /** The tab's key for this save: the same key again stores nothing new (a retried request). */
  submissionId: string;
  periodId: string;
  entries: StatusEntry[];
}

/** Stores the answers as the card would, and gives back each measure's answer as it now stands. */
export async function reportMyMeasures(
  deps: RecordStatusUpdateDeps,
  actor: Actor,
  planId: string,
  report: MyReport,
): Promise<{ alreadyStored: boolean; answers: Record<string, MyAnswer> }> {
  // Readers may see the plan; whether they may report on each measure is the use case's to say.
  await requirePlanFor(deps.plans, actor, 'view-plan', planId);
  const result = await recordStatusUpdate(deps, { userId: actor.userId, planId, ...report });
  const answers: Record<string, MyAnswer> = {};
  for (const stored of result.reports) answers[stored.measureId] = answerOf(stored);
  return { alreadyStored: result.alreadyStored, answers };
}

/**
 * The measures the person answers for, each with the person away it is answered for (undefined:
 * their own). Their own come first: a measure they answer for themselves is never "for" someone.
 */
async function answeredBy(
  deps: Pick<MyMeasuresDeps, 'directory' | 'substitutes'>,
  person: Person,
  plan: Plan,
  now: Date,
): Promise<Map<string, Person | undefined>> {
  const owned = new Map<string, Person | undefined>(measuresOwnedBy(person, plan).map((m) => [m.id, undefined]));
  const substitutions = await deps.substitutes.listSubstitutions(plan.id);
  for (const s of substitutions) {
    // Only while this substitute is the one in charge (a later substitution may have taken over).
    if (s.substitute.userId !== person.userId || activeSubstituteFor(substitutions, s.absent.userId, now) !== s)
      continue;
    const absent = await deps.directory.findPerson(s.absent.userId);
    if (!absent) continue;
    for (const m of measuresOwnedBy(absent, plan)) if (!owned.has(m.id)) owned.set(m.id, absent);
  }
  return owned;
}

/**
 * Each measure's answer as its answerer has given it: in a shared plan their own municipalities'
 * (the absent person's, for a substitute), never another municipality's (municipal-answers.ts).
 */
function answersOf(
  person: Person,
  plan: Plan,
  measures: readonly Measure[],
  owned: ReadonlyMap<string, Person | undefined>,
  reports: readonly StatusReport[],
  options: { partial?: boolean } = {},
): Map<string, StatusReport> {
  const byAnswerer = new Map<Person, Measure[]>();
  for (const m of measures) {
    const answerer = owned.get(m.id) ?? person;
    byAnswerer.set(answerer, [...(byAnswerer.get(answerer) ?? []), m]);
  }
  const answers = new Map<string, StatusReport>();
  for (const [answerer, theirs] of byAnswerer) {
    const given = ownAnswers(answerer, plan, theirs, reports, options);
    for (const m of theirs) {
      const answer = given.get(m.id);
      if (answer) answers.set(m.id, answer);
    }
  }
  return answers;
}

/**
 * The municipalities the answer may be for, when there is a choice: the scope the service applies
 * when the answer comes (record-status-update.ts), the absent person's for a substitute.
 */
function choiceOf(
  person: Person,
  plan: Plan,
  m: Measure,
  absent: Person | undefined,
): Pick<MyMeasure, 'municipalities' | 'organisationId'> {
  const scope = absent
    ? answerScopeOf(absent, plan, m)
    : answerScopeOf(person, plan, m, { coordinator: isCoordinator(actorOf(person), plan) });
  if (scope.answersFor.length < 2) return {};
  return {
    municipalities: plan.owners.filter((o) => scope.answersFor.includes(o.id)),
    ...(typeof scope.byDefault === 'string' && scope.byDefault !== 'choose' ? { organisationId: scope.byDefault } : {}),
  };
}

function mine(m: Measure, absent: Person | undefined, current?: StatusReport, previous?: StatusReport): MyMeasure {
  return {
    id: m.id,
    number: m.number,
    text: m.text,
    responsibleText: m.responsibleText,
    indicator: m.indicator,
    ...(absent ? { answersFor: absent.name } : {}),
    ...(current ? { current: answerOf(current) } : {}),
    ...(previous ? { previous: answerOf(previous) } : {}),
    ...(m.benefits?.length ? { benefits: m.benefits } : {}),
  };
}

function answerOf(report: StatusReport): MyAnswer {
  return {
    status: report.status,
    ...(report.comment ? { comment: report.comment } : {}),
    ...(report.value !== undefined ? { value: report.value } : {}),
    reportedBy: report.reportedBy.name,
    reportedAt: report.reportedAt,
  };
}
