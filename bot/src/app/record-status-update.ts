/**
 * Records the answers from one submitted form. The submission is untrusted: every measure must
 * exist in the plan and the sender must be allowed to report on it (as its responsible person, the
 * plan's coordinator, or today's substitute for someone away), or nothing at all is stored.
 */
import { createHash } from 'node:crypto';
import type { AuditEntry } from '../domain/audit';
import type { RealisedInput } from '../domain/benefit';
import { DomainError } from '../domain/errors';
import { actorOf, isCoordinator, mayReportOn } from '../domain/access';
import { answerScopeOf, organisationOfAnswer } from '../domain/municipal-answers';
import { isShared, latestForOwner } from '../domain/municipal-status';
import type { Person } from '../domain/responsibility';
import { currentPlanPeriod, planPeriods, previousPlanPeriod } from '../domain/period';
import { findMeasure, type Plan } from '../domain/plan';
import { latestByMeasure, MAX_COMMENT_LENGTH, UNCHANGED, type StatusCode, type StatusReport } from '../domain/status';
import { absentOwnerOf } from '../domain/substitute';
import { isClosed, whileOpen } from './period-gate';
import type {
  AppendResult,
  Clock,
  Directory,
  IdGenerator,
  PeriodLockStore,
  PlanRepository,
  RealisedBenefitStore,
  StatusReportRepository,
  SubstituteStore,
} from './ports';
import { realisedOfEntries } from './realised-benefits';

export interface StatusEntry {
  measureId: string;
  /** 'unchanged': as last period (status, and comment and value unless given anew). */
  status: StatusCode | typeof UNCHANGED;
  comment?: string;
  value?: number;
  /** What the measure's benefits gave this period (optional; also once the measure is done). */
  benefits?: RealisedInput[];
  /**
   * In a shared plan, the municipality (owner id) the answer is for. Only one the sender answers
   * for is accepted; absent: the sender's own (the first in the plan's order; see
   * domain/municipal-answers.ts for a coordinator and for someone with none of their own).
   */
  organisationId?: string;
}

export interface StatusSubmission {
  userId: string;
  submissionId: string;
  planId: string;
  periodId: string;
  entries: StatusEntry[];
}

export interface RecordStatusUpdateDeps {
  plans: PlanRepository;
  reports: StatusReportRepository;
  directory: Directory;
  substitutes: SubstituteStore;
  locks: PeriodLockStore;
  /** Where realised benefits given with an answer are kept; an answer with some needs it. */
  realisedBenefits?: RealisedBenefitStore;
  clock: Clock;
  ids: IdGenerator;
}

export interface RecordResult extends AppendResult {
  plan: Plan;
}

export async function recordStatusUpdate(
  deps: RecordStatusUpdateDeps,
  submission: StatusSubmission,
): Promise<RecordResult> {
  const person = await deps.directory.findPerson(submission.userId);
  if (!person) throw new DomainError('unknown-person');
  const plan = await deps.plans.getPlan(submission.planId);
  if (!plan) throw new DomainError('unknown-plan');

  const now = deps.clock.now();
  const period = planPeriods(plan.cadence, plan.period, now).find((p) => p.id === submission.periodId);
  // A form may be answered late, but never for a period that has not started or the plan does not have.
  if (!period || period.start > currentPlanPeriod(plan.cadence, plan.period, now).start) {
    throw new DomainError('unknown-period');
  }
  // The coordinator closed it: its report is final. Also refuses an old card replayed after the lock.
  if (await isClosed(deps, plan.id, period.id)) throw new DomainError('period-locked', { period: period.id });
  if (submission.entries.length === 0) throw new DomainError('nothing-reported');

  const answeredFor = await substitutedOwners(deps, person, plan, submission.entries, now);
  const refused = submission.entries.filter((entry) => {
    const measure = findMeasure(plan, entry.measureId);
    return !measure || !(mayReportOn(actorOf(person), plan, measure) || answeredFor.has(measure.id));
  });
  if (refused.length > 0) {
    throw new DomainError('not-allowed', { numbers: refused.map((e) => e.measureId).join(', ') });
  }
  const organisations = organisationsOf(person, plan, submission.entries, answeredFor);
  for (const entry of submission.entries) {
    if ((entry.comment ?? '').length > MAX_COMMENT_LENGTH) {
      throw new DomainError('comment-too-long', { number: entry.measureId, max: MAX_COMMENT_LENGTH });
    }
    if (entry.value !== undefined && !Number.isFinite(entry.value)) {
      throw new DomainError('invalid-value', { number: entry.measureId });
    }
  }

  const withOrganisation = submission.entries.map((e) => {
    const { organisationId: _asked, ...rest } = e;
    const organisationId = organisations.get(e.measureId);
    return organisationId ? { ...rest, organisationId } : rest;
  });
  const entries = await resolveUnchanged(deps.reports, plan, period.id, withOrganisation, now);
  const reportedAt = now.toISOString();
  // The idempotency key belongs to the sender: someone replaying another person's card data
  // must not have their answer swallowed as a "repeat" of the other person's.
  const submissionKey = `${person.userId}:${submission.submissionId}`;
  const reports: StatusReport[] = entries.map((entry) => {
    const owner = answeredFor.get(entry.measureId);
    return {
      id: deps.ids.newId(),
      planId: plan.id,
      measureId: entry.measureId,
      periodId: period.id,
      status: entry.status,
      ...(entry.comment ? { comment: entry.comment } : {}),
      ...(entry.value !== undefined ? { value: entry.value } : {}),
      reportedBy: { userId: person.userId, name: person.name },
      ...(owner ? { answeredFor: { userId: owner.userId, name: owner.name } } : {}),
      ...(entry.organisationId ? { organisationId: entry.organisationId } : {}),
      reportedAt,
      submissionId: submissionKey,
    };
  });
  // A realised benefit is for the municipality its answer is for, never one the sender names.
  const benefitEntries = withOrganisation.map((e) => ({
    measureId: e.measureId,
    ...(e.benefits
      ? { benefits: e.benefits.map((b) => ({ ...b, organisationId: organisations.get(e.measureId) ?? null })) }
      : {}),
  }));
  const realised = realisedOfEntries(plan, period, benefitEntries, person, submissionKey, reportedAt);
  const benefitStore = deps.realisedBenefits;
  if (realised.length && !benefitStore) throw new Error('realised benefits given, but no store for them');
  const standingInFor = [...new Set([...answeredFor.values()].map((p) => p.name))].join(', ');
  const audit: AuditEntry = {
    // Derived from the submission, so a store that retries a write (SharePoint) records it once.
    id: `status-${createHash('sha256').update(submissionKey).digest('hex').slice(0, 32)}`,
    planId: plan.id,
    at: reportedAt,
    action: 'status-reported',
    actor: { userId: person.userId, name: person.name },
    details: {
      period: period.id,
      measures: reports.map((r) => `${r.measureId}: ${r.status}`).join(', '),
      ...(standingInFor ? { for: standingInFor } : {}),
    },
  };
  // Stored only while the period is open: a lock begun meanwhile waits for this answer, or refuses it.
  const stored = await whileOpen(deps, plan.id, period.id, async () => {
    const appended = await deps.reports.appendReports(reports, audit);
    if (realised.length) await benefitStore?.addRealised(realised);
    return appended;
  });
  return { ...stored, plan };
}

/**
 * Per measure, the municipality the answer is stored for: taken from who answers (a substitute
 * answers for the absent person's municipality), never from what the submission claims — a named
 * municipality the sender does not answer for refuses the whole submission.
 */
function organisationsOf(
  sender: Person,
  plan: Plan,
  entries: StatusEntry[],
  answeredFor: ReadonlyMap<string, Person>,
): Map<string, string> {
  const chosen = new Map<string, string>();
  const refused: StatusEntry[] = [];
  const unchosen: StatusEntry[] = [];
  for (const entry of entries) {
    const measure = findMeasure(plan, entry.measureId);
    if (!measure) continue;
    const owner = answeredFor.get(measure.id);
    const scope = owner
      ? answerScopeOf(owner, plan, measure)
      : answerScopeOf(sender, plan, measure, { coordinator: isCoordinator(actorOf(sender), plan) });
    const organisation = organisationOfAnswer(scope, entry.organisationId);
    if (organisation === 'refused') refused.push(entry);
    else if (organisation === 'choose') unchosen.push(entry);
    else if (organisation !== null) chosen.set(measure.id, organisation);
  }
  if (refused.length > 0) {
    throw new DomainError('not-your-municipality', {
      numbers: refused.map((e) => e.measureId).join(', '),
      municipality: [...new Set(refused.map((e) => nameOf(plan, e.organisationId)))].join(', '),
    });
  }
  // Stored for no municipality it would count for every owner the measure applies to.
  if (unchosen.length > 0)
    throw new DomainError('choose-municipality', { numbers: unchosen.map((e) => e.measureId).join(', ') });
  return chosen;
}

function nameOf(plan: Plan, ownerId: string | undefined): string {
  return plan.owners.find((o) => o.id === ownerId)?.name ?? ownerId ?? '';
}

/**
 * The measures of the submission the sender answers as someone's substitute today (and not as
 * responsible or coordinator themselves), each with the absent person whose measure it is.
 */
async function substitutedOwners(
  deps: RecordStatusUpdateDeps,
  sender: Person,
  plan: Plan,
  entries: StatusEntry[],
  now: Date,
): Promise<Map<string, Person>> {
  const owners = new Map<string, Person>();
  const substitutions = await deps.substitutes.listSubstitutions(plan.id);
  if (!substitutions.some((s) => s.substitute.userId === sender.userId)) return owners;
  const people = new Map((await deps.directory.listPeople()).map((p) => [p.userId, p]));
  for (const entry of entries) {
    const measure = findMeasure(plan, entry.measureId);
    if (!measure || mayReportOn(actorOf(sender), plan, measure)) continue;
    const owner = absentOwnerOf(substitutions, sender.userId, plan, measure, people, now);
    if (owner) owners.set(measure.id, owner);
  }
  return owners;
}

/**
 * "Unchanged since last period" becomes last period's status, and its comment and value where the
 * person gave none anew. A measure with no answer last period cannot be unchanged: refused.
 */
async function resolveUnchanged(
  reports: StatusReportRepository,
  plan: Plan,
  periodId: string,
  entries: StatusEntry[],
  now: Date,
): Promise<(StatusEntry & { status: StatusCode })[]> {
  if (!entries.some((e) => e.status === UNCHANGED)) return entries as (StatusEntry & { status: StatusCode })[];
  const before = previousPlanPeriod(plan.cadence, plan.period, periodId, now);
  const last = before ? await reports.listReports(plan.id, { periodId: before.id }) : [];
  // In a shared plan "as last period" is the municipality's own last answer; for an answer for no
  // municipality in particular, last period's for every owner — never one municipality's.
  const forEveryone = isShared(plan) ? last.filter((r) => r.organisationId === undefined) : last;
  const previousFor = (e: StatusEntry): StatusReport | undefined =>
    (e.organisationId ? latestForOwner(last, e.organisationId) : latestByMeasure(forEveryone)).get(e.measureId);
  const missing = entries.filter((e) => e.status === UNCHANGED && !previousFor(e));
  if (missing.length > 0)
    throw new DomainError('nothing-to-carry-over', { numbers: missing.map((e) => e.measureId).join(', ') });
  return entries.map((e) => {
    const previous = previousFor(e);
    if (e.status !== UNCHANGED || !previous) return e as StatusEntry & { status: StatusCode };
    const comment = e.comment ?? previous.comment;
    const value = e.value ?? previous.value;
    return {
      measureId: e.measureId,
      ...(e.organisationId ? { organisationId: e.organisationId } : {}),
      status: previous.status,
      ...(comment ? { comment } : {}),
      ...(value !== undefined ? { value } : {}),
    };
  });
}
