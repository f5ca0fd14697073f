/**
 * Shared plans (DDØ, Årdal og Lærdal): each owning municipality carries out a shared measure in its
 * own organisation and reports its own status on it. The one home of the rules: which report is a
 * municipality's latest, the roll-up over the owners a measure applies to ("3 av 5 fullført"), and
 * a measure's status seen whole (who answers for which municipality: municipal-answers.ts). A
 * report without an organisation (a single-owner plan, or one stored before shared plans were
 * reported per municipality) counts for every owner.
 */
import type { Measure, Organisation, Plan } from './plan';
import { latestByMeasure, STATUS_CODES, type StatusCode, type StatusReport } from './status';

/** A plan with more than one owner: its measures are reported per municipality. */
export function isShared(plan: Pick<Plan, 'owners'>): boolean {
  return plan.owners.length > 1;
}

/** The owners a measure counts for: those it applies to, or all of the plan's. In the plan's order. */
export function ownersOf(plan: Pick<Plan, 'owners'>, measure: Pick<Measure, 'appliesTo'>): Organisation[] {
  return plan.owners.filter((o) => !measure.appliesTo || measure.appliesTo.includes(o.id));
}

/** Whether a report speaks for the municipality: its own, or one for no municipality in particular. */
function countsFor(report: StatusReport, ownerId: string): boolean {
  return report.organisationId === undefined || report.organisationId === ownerId;
}

/** The reports one municipality's view is made of: its own and those for every owner, in order. */
export function reportsForOwner(reports: readonly StatusReport[], ownerId: string | undefined): StatusReport[] {
  return ownerId ? reports.filter((r) => countsFor(r, ownerId)) : [...reports];
}

/**
 * One municipality's latest report per measure. `reports` come in the order stored; of two with
 * the same time the later stored wins (as in latestByMeasure). Within a period the municipality's
 * own report always wins over one for every owner, even an older one: a report for no
 * municipality in particular (stored before shared plans were reported per municipality, or by
 * someone answering for no municipality) is a stand-in until the municipality says its own, and
 * it must not overwrite what the municipality itself reported — or Risør's status would change
 * because someone outside Risør answered for everyone.
 */
export function latestForOwner(reports: readonly StatusReport[], ownerId: string): Map<string, StatusReport> {
  const latest = new Map<string, StatusReport>();
  for (const report of reports) {
    if (!countsFor(report, ownerId)) continue;
    const current = latest.get(report.measureId);
    if (!current || replaces(report, current)) latest.set(report.measureId, report);
  }
  return latest;
}

/** Whether `report` is a municipality's status rather than `current` (both count for it). */
function replaces(report: StatusReport, current: StatusReport): boolean {
  if (report.periodId === current.periodId) {
    const own = report.organisationId !== undefined;
    const currentOwn = current.organisationId !== undefined;
    if (own !== currentOwn) return own;
  }
  return report.reportedAt >= current.reportedAt;
}

/** One owner's place in a measure's roll-up: its latest report, if it has one. */
export interface OwnerStatus {
  ownerId: string;
  name: string;
  report?: StatusReport;
}

export type RollUpCounts = Record<StatusCode | 'not_reported', number>;

/** A shared measure over the owners it applies to. */
export interface MeasureRollUp {
  measureId: string;
  owners: OwnerStatus[];
  counts: RollUpCounts;
  /** Owners the measure counts for: the denominator of "3 av 5 fullført". */
  total: number;
  done: number;
}

export function emptyCounts(): RollUpCounts {
  const counts = { not_reported: 0 } as RollUpCounts;
  for (const code of STATUS_CODES) counts[code] = 0;
  return counts;
}

/** Per owner the measure applies to, its latest report, and the counts per status over them. */
export function rollUpMeasure(
  plan: Pick<Plan, 'owners'>,
  measure: Pick<Measure, 'id' | 'appliesTo'>,
  reports: readonly StatusReport[],
): MeasureRollUp {
  const mine = reports.filter((r) => r.measureId === measure.id);
  const owners = ownersOf(plan, measure).map((o): OwnerStatus => {
    const report = latestForOwner(mine, o.id).get(measure.id);
    return { ownerId: o.id, name: o.name, ...(report ? { report } : {}) };
  });
  const counts = emptyCounts();
  for (const o of owners) counts[o.report?.status ?? 'not_reported'] += 1;
  return { measureId: measure.id, owners, counts, total: owners.length, done: counts.done };
}

/** Least advanced first: how a shared measure's status seen whole is chosen among its owners'. */
const PROGRESS: readonly StatusCode[] = ['delayed', 'not_started', 'on_track', 'done'];

/**
 * A shared measure's status seen whole, consistent with its roll-up ("3 av 5 fullført"): the least
 * advanced of its owners' — done only when every owner is done, delayed when any is. While an
 * owner has not reported (and none is delayed) it has none, as the roll-up still counts it
 * missing. An owner that cancelled the measure does not hold it back; all cancelled: cancelled.
 * The report is that owner's own, so the comment and value shown go with the status shown.
 */
export function wholeStatusOf(rollUp: MeasureRollUp): StatusReport | undefined {
  const reported = rollUp.owners.flatMap((o) => (o.report ? [o.report] : []));
  const delayed = reported.find((r) => r.status === 'delayed');
  if (delayed) return delayed;
  if (reported.length < rollUp.owners.length) return undefined;
  const going = reported.filter((r) => r.status !== 'cancelled');
  if (going.length === 0) return reported[0];
  return going.reduce((worst, r) => (PROGRESS.indexOf(r.status) < PROGRESS.indexOf(worst.status) ? r : worst));
}

/**
 * Per measure, its status seen whole (see wholeStatusOf): what the unfiltered view of a shared plan
 * shows as each measure's status. A single-owner plan's is its latest report, as ever.
 */
export function wholeLatest(
  plan: Pick<Plan, 'owners'>,
  measures: readonly Pick<Measure, 'id' | 'appliesTo'>[],
  reports: readonly StatusReport[],
): Map<string, StatusReport> {
  if (!isShared(plan)) return latestByMeasure(reports);
  const byMeasure = new Map<string, StatusReport[]>();
  for (const r of reports) {
    const list = byMeasure.get(r.measureId);
    if (list) list.push(r);
    else byMeasure.set(r.measureId, [r]);
  }
  const latest = new Map<string, StatusReport>();
  for (const m of measures) {
    const whole = wholeStatusOf(rollUpMeasure(plan, m, byMeasure.get(m.id) ?? []));
    if (whole) latest.set(m.id, whole);
  }
  return latest;
}

/** One municipality beside the others: its counts over the measures that apply to it. */
export interface OwnerComparison {
  ownerId: string;
  name: string;
  counts: RollUpCounts;
  /** Measures that apply to this owner. */
  measures: number;
}

/** "Kommunane side om side": per owner, how its own measures stand. */
export function compareOwners(
  plan: Pick<Plan, 'owners'>,
  measures: readonly Pick<Measure, 'id' | 'appliesTo'>[],
  reports: readonly StatusReport[],
): OwnerComparison[] {
  return plan.owners.map((owner) => {
    const latest = latestForOwner(reports, owner.id);
    const counts = emptyCounts();
    const applying = measures.filter((m) => !m.appliesTo || m.appliesTo.includes(owner.id));
    for (const m of applying) counts[latest.get(m.id)?.status ?? 'not_reported'] += 1;
    return { ownerId: owner.id, name: owner.name, counts, measures: applying.length };
  });
}
