/**
 * Shared plans (DDØ, Årdal og Lærdal): each owning municipality carries out a shared measure in its
 * own organisation and reports its own status on it. The one home of the rules: which report is a
 * municipality's latest, the roll-up over the owners a measure applies to ("3 av 5 fullført"), and
 * which municipalities a person answers for. A report without an organisation (a single-owner plan,
 * or one stored before shared plans were reported per municipality) counts for every owner.
 */
import type { Measure, Organisation, Plan } from './plan';
import { isResponsibleFor, type Person } from './responsibility';
import { STATUS_CODES, type StatusCode, type StatusReport } from './status';

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
 * the same time the later stored wins (as in latestByMeasure).
 */
export function latestForOwner(reports: readonly StatusReport[], ownerId: string): Map<string, StatusReport> {
  const latest = new Map<string, StatusReport>();
  for (const report of reports) {
    if (!countsFor(report, ownerId)) continue;
    const current = latest.get(report.measureId);
    if (!current || report.reportedAt >= current.reportedAt) latest.set(report.measureId, report);
  }
  return latest;
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

/**
 * The municipalities a person answers for on a measure of a shared plan: those of their own the
 * measure applies to, when they are responsible for it (responsibility.ts scopes roles to the
 * person's municipalities already). The plan's coordinator answers for every owner. Someone without
 * a municipality answers for none in particular: their report counts for every owner, as
 * responsibility gives them no municipality (named people) — never the host by assumption.
 */
export function municipalitiesOf(
  person: Person,
  plan: Plan,
  measure: Measure,
  options: { coordinator?: boolean } = {},
): string[] {
  if (!isShared(plan)) return [];
  const applying = ownersOf(plan, measure).map((o) => o.id);
  if (options.coordinator) return applying;
  if (!isResponsibleFor(person, plan, measure)) return [];
  return applying.filter((id) => person.municipalities?.includes(id));
}

/**
 * The organisation a person's answer on a measure is stored for. `asked` (from a card or the tab)
 * must be one the person answers for, else `undefined` is returned as refused; with none asked,
 * the first of theirs in the plan's order. `null`: the answer is for no municipality in particular.
 */
export function organisationOfAnswer(
  answersFor: readonly string[],
  asked: string | undefined,
): string | null | undefined {
  if (asked !== undefined) return answersFor.includes(asked) ? asked : undefined;
  return answersFor[0] ?? null;
}
