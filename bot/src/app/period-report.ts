/**
 * Closing a period and its report. The coordinator locks a period: answers for it are refused from
 * then on, and its report (Excel, PDF and Word) is made once and kept, so the document attached to the
 * council case can be fetched again byte for byte. Reopening needs a reason, and both are audited.
 */
import type { Actor } from '../domain/access';
import { auditEntry } from './audit-trail';
import type { Decision } from '../domain/decision';
import { DomainError } from '../domain/errors';
import { isFiltered, type MeasureFilter } from '../domain/measure-filter';
import { isOver } from '../domain/period';
import { allMeasures, type Plan } from '../domain/plan';
import { getOverview, narrowed, overviewFor, type Overview, type OverviewDeps } from './get-overview';
import { requirePlanFor } from './require-plan';
import { choosePeriod } from './get-goal-table';
import { answersSettled, LOCK_STALE_MS } from './period-gate';
import type {
  AuditLog,
  DecisionStore,
  FrozenReport,
  IdGenerator,
  PeriodLock,
  PeriodLockStore,
  ReportArchive,
} from './ports';

export interface PeriodReportDeps extends OverviewDeps {
  locks: PeriodLockStore;
  audit: AuditLog;
  /** The leadership meeting's decisions, which the report lists for its period. */
  decisions: DecisionStore;
  ids: IdGenerator;
  archive?: ReportArchive;
  /**
   * Makes the report's files from the overview (and the plan narrowed as the overview is, the
   * filter it was narrowed by, the period's decisions); the dates in them are the ones given.
   */
  renderReport: (
    input: {
      plan: Plan;
      overview: Overview;
      madeAt: string;
      lockedAt?: string;
      decisions?: Decision[];
      filter?: MeasureFilter;
    },
    formats?: readonly FrozenReport['format'][],
  ) => Promise<FrozenReport[]>;
}

export const MAX_REASON_LENGTH = 500;

export interface LockOutcome {
  lock: PeriodLock;
  /** Where the report was filed (SharePoint mode). */
  filedAt?: string[];
  /**
   * Filing failed: the lock and its report stand; the coordinator is told to file it by hand. The
   * HTTP status SharePoint answered with, or "unreachable" — never its message, which can name the
   * site, the library or the service's own identity (the adapter logs that).
   */
  filingFailed?: string;
}

/**
 * Locks the period: first the lock (no answer is let in from then on), then, once the answers let in
 * before it are stored, the report from exactly what is stored, then both together. If the report
 * cannot be made the lock is given up and the period stays open.
 */
export async function lockPeriod(
  deps: PeriodReportDeps,
  actor: Actor,
  planId: string,
  periodId: string,
): Promise<LockOutcome> {
  const plan = await requirePlanFor(deps.plans, actor, 'lock-period', planId);
  const now = deps.clock.now();
  const { period } = choosePeriod(plan, periodId, now);
  // Only a period whose deadline has passed: answers after the lock then belong to the next one,
  // which is the period the cards ask about by then. Locking a running period would stop everyone.
  if (!isOver(period, now)) throw new DomainError('period-running', { end: period.end });
  const lock: PeriodLock = {
    planId,
    periodId,
    lockedAt: now.toISOString(),
    lockedBy: { userId: actor.userId, name: actor.name },
  };
  const began = await deps.locks.beginLock(lock, LOCK_STALE_MS);
  if (began === 'locked') throw new DomainError('period-locked', { period: periodId });
  if (began === 'being-locked') throw new DomainError('period-busy');
  const startedAt = Date.now();
  let files: FrozenReport[];
  try {
    if (!(await answersSettled(deps, planId, periodId))) throw new DomainError('period-busy');
    const overview = await getOverview(deps, actor, planId, periodId);
    const decisions = await decisionsShown(deps, plan, periodId);
    files = await deps.renderReport({ plan, overview, decisions, madeAt: lock.lockedAt, lockedAt: lock.lockedAt });
    // Past half the stale time another instance may take the lock over: give up rather than race it.
    if (Date.now() - startedAt > LOCK_STALE_MS / 2) throw new DomainError('period-busy');
    if (!(await deps.locks.completeLock(lock, files))) throw new DomainError('period-busy');
  } catch (error) {
    await deps.locks.abandonLock(lock);
    throw error;
  }
  let filed: Pick<LockOutcome, 'filedAt' | 'filingFailed'> = {};
  if (deps.archive) {
    try {
      filed = { filedAt: await deps.archive.fileReports(planId, periodId, files) };
    } catch (error) {
      filed = { filingFailed: filingFailure(error) };
    }
  }
  await deps.audit.appendAudit(
    auditEntry(deps, actor, planId, 'period-locked', {
      period: periodId,
      ...(filed.filedAt ? { filed: filed.filedAt.join(' ') } : {}),
    }),
  );
  return { lock, ...filed };
}

export async function reopenPeriod(
  deps: PeriodReportDeps,
  actor: Actor,
  planId: string,
  periodId: string,
  reason: string,
): Promise<void> {
  await requirePlanFor(deps.plans, actor, 'lock-period', planId);
  const why = reason.trim();
  if (!why || why.length > MAX_REASON_LENGTH) throw new DomainError('reason-required', { max: MAX_REASON_LENGTH });
  if (!(await deps.locks.reopenPeriod(planId, periodId))) throw new DomainError('period-not-locked');
  await deps.audit.appendAudit(auditEntry(deps, actor, planId, 'period-reopened', { period: periodId, reason: why }));
}

/**
 * The report of a period: as frozen when it was locked, otherwise made now and marked preliminary.
 * Narrowed by a filter (municipality, sector, responsible role) it shows the measures the overview
 * shows with the same filter; of a locked period it is made from the answers stored when it was
 * locked (none is let in after the lock), and the frozen report stays the whole plan.
 */
export async function periodReport(
  deps: PeriodReportDeps,
  actor: Actor,
  planId: string,
  periodId: string | undefined,
  format: FrozenReport['format'],
  filter: MeasureFilter = {},
): Promise<{ bytes: Buffer; periodId: string; frozen: boolean; filtered: boolean }> {
  const plan = await requirePlanFor(deps.plans, actor, 'see-overview', planId);
  if (isFiltered(filter)) {
    const overview = await overviewFor(deps, actor, planId, periodId, filter);
    const shown = narrowed(plan, filter);
    const [file] = await deps.renderReport(
      {
        plan: shown,
        overview,
        decisions: await decisionsShown(deps, shown, overview.period.id),
        filter,
        madeAt: deps.clock.now().toISOString(),
        ...(overview.lock ? { lockedAt: overview.lock.lockedAt } : {}),
      },
      [format],
    );
    if (!file) throw new Error(`no ${format} renderer`);
    return { bytes: file.bytes, periodId: overview.period.id, frozen: Boolean(overview.lock), filtered: true };
  }
  const overview = await getOverview(deps, actor, planId, periodId);
  const frozen = await deps.locks.frozenReport(planId, overview.period.id, format);
  if (frozen) return { bytes: frozen, periodId: overview.period.id, frozen: true, filtered: false };
  // A period locked before this format existed has no frozen file of it: made now, it would show
  // today's answers as the locked period's. Reopening and locking again makes every format.
  if ((await deps.locks.listLocks(planId)).some((l) => l.periodId === overview.period.id))
    throw new DomainError('report-not-frozen', { format });
  const decisions = await decisionsShown(deps, plan, overview.period.id);
  const [file] = await deps.renderReport({ plan, overview, decisions, madeAt: deps.clock.now().toISOString() }, [
    format,
  ]);
  if (!file) throw new Error(`no ${format} renderer`);
  return { bytes: file.bytes, periodId: overview.period.id, frozen: false, filtered: false };
}

/** The period's decisions on the measures the (narrowed) plan holds. */
async function decisionsShown(
  deps: Pick<PeriodReportDeps, 'decisions'>,
  plan: Plan,
  periodId: string,
): Promise<Decision[]> {
  const measures = new Set(allMeasures(plan).map((m) => m.id));
  return (await deps.decisions.listDecisions(plan.id, { periodId })).filter((d) => measures.has(d.measureId));
}

function filingFailure(error: unknown): string {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? String(status) : 'unreachable';
}
