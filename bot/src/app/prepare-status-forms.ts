/**
 * What a responsible person answers for, per plan: the measures they own and the status already
 * given this period. The bot turns each form into one card; the tab may show the same later.
 */
import { isOpenFollowUp, type Decision } from '../domain/decision';
import { DomainError } from '../domain/errors';
import { ownAnswers } from '../domain/municipal-answers';
import { isShared } from '../domain/municipal-status';
import { measuresOwnedBy, type Person } from '../domain/responsibility';
import { currentPlanPeriod, previousPlanPeriod, type Period } from '../domain/period';
import type { Plan } from '../domain/plan';
import { latestByMeasure, type StatusReport } from '../domain/status';
import { activeSubstituteFor } from '../domain/substitute';
import type { StatusForm } from '../domain/status-form';
import type {
  Clock,
  DecisionStore,
  Directory,
  IdGenerator,
  PlanRepository,
  StatusReportRepository,
  SubstituteStore,
} from './ports';

export interface PrepareStatusFormsDeps {
  plans: PlanRepository;
  reports: StatusReportRepository;
  directory: Directory;
  substitutes: SubstituteStore;
  /** The leadership meeting's follow-ups of last period, shown beside their measures; absent: none shown. */
  decisions?: DecisionStore;
  clock: Clock;
  ids: IdGenerator;
}

/** The person's forms, one per plan, and one for each person away they stand in for today. */
export async function prepareStatusForms(deps: PrepareStatusFormsDeps, userId: string): Promise<StatusForm[]> {
  const person = await deps.directory.findPerson(userId);
  if (!person) throw new DomainError('unknown-person');
  const forms: StatusForm[] = [];
  const now = deps.clock.now();
  for (const plan of await deps.plans.listPlans()) {
    const form = await statusFormFor(deps, person, plan, deps.ids.newId());
    if (form) forms.push(form);
    const substitutions = await deps.substitutes.listSubstitutions(plan.id);
    for (const s of substitutions) {
      if (s.substitute.userId !== userId || activeSubstituteFor(substitutions, s.absent.userId, now) !== s) continue;
      const absent = await deps.directory.findPerson(s.absent.userId);
      const theirs = absent && (await statusFormFor(deps, absent, plan, deps.ids.newId()));
      if (theirs) forms.push({ ...theirs, substitute: person });
    }
  }
  return forms;
}

/** The person's form for one plan's current period; undefined when they answer for nothing in it. */
export async function statusFormFor(
  deps: Pick<PrepareStatusFormsDeps, 'reports' | 'decisions' | 'clock'>,
  person: Person,
  plan: Plan,
  submissionId: string,
): Promise<StatusForm | undefined> {
  if (measuresOwnedBy(person, plan).length === 0) return undefined;
  const now = deps.clock.now();
  const period = currentPlanPeriod(plan.cadence, plan.period, now);
  return formOf(person, plan, period, await answersFor(deps.reports, plan, period, now, deps.decisions), submissionId);
}

export interface PeriodAnswers {
  current: Map<string, StatusReport>;
  previous: Map<string, StatusReport>;
  /** Last period's follow-ups per measure id (when the decisions were read). */
  followUps?: Map<string, Decision[]>;
  /**
   * A shared plan's reports of both periods, as read: `current` and `previous` above take any
   * municipality's latest, so each person's own are made from these (answersOfPerson).
   */
  reports?: { current: readonly StatusReport[]; previous: readonly StatusReport[] };
}

/**
 * The latest answers per measure this period and last period, and last period's follow-ups from
 * the leadership meeting (a read each, for any number of forms).
 */
export async function answersFor(
  reports: StatusReportRepository,
  plan: Plan,
  period: Period,
  now: Date,
  decisions?: DecisionStore,
): Promise<PeriodAnswers> {
  const before = previousPlanPeriod(plan.cadence, plan.period, period.id, now);
  const [current, previous, recorded] = await Promise.all([
    reports.listReports(plan.id, { periodId: period.id }),
    before ? reports.listReports(plan.id, { periodId: before.id }) : Promise.resolve([]),
    before && decisions ? decisions.listDecisions(plan.id, { periodId: before.id }) : Promise.resolve([]),
  ]);
  const followUps = new Map<string, Decision[]>();
  for (const d of recorded)
    if (isOpenFollowUp(d)) followUps.set(d.measureId, [...(followUps.get(d.measureId) ?? []), d]);
  return {
    current: latestByMeasure(current),
    previous: latestByMeasure(previous),
    ...(followUps.size ? { followUps } : {}),
    ...(isShared(plan) ? { reports: { current, previous } } : {}),
  };
}

/**
 * The answers as `person` has given them: in a shared plan their own municipalities' (a measure is
 * answered when each of theirs has an answer; the pre-fill is the one their answer goes to), never
 * another municipality's. A single-owner plan's are the plan's, as read.
 */
export function answersOfPerson(person: Person, plan: Plan, answers: PeriodAnswers): PeriodAnswers {
  const { reports, ...rest } = answers;
  if (!reports) return rest;
  const measures = measuresOwnedBy(person, plan);
  return {
    ...rest,
    current: ownAnswers(person, plan, measures, reports.current),
    previous: ownAnswers(person, plan, measures, reports.previous, { partial: true }),
  };
}

/** The form from what is already read: for many people at once (a reminder round) without a read each. */
export function formOf(
  person: Person,
  plan: Plan,
  period: Period,
  answers: PeriodAnswers,
  submissionId: string,
): StatusForm | undefined {
  const measures = measuresOwnedBy(person, plan);
  if (!measures.length) return undefined;
  return { submissionId, person, plan, period, measures, ...answersOfPerson(person, plan, answers) };
}
