/**
 * Who answers for which municipality in a shared plan (DDØ, Årdal og Lærdal): where a person's
 * answer on a measure is stored, and when a measure counts as answered for them (their card, "Mine
 * tiltak", reminder rounds). A person answers for their own municipalities the measure applies to
 * (responsibility.ts scopes roles to them already), and has answered only when each of those has
 * its answer — Risør's answer never makes Tvedestrand's person look answered.
 */
import { isShared, latestForOwner, ownersOf } from './municipal-status';
import type { Measure, Plan } from './plan';
import { isResponsibleFor, type Person } from './responsibility';
import { latestByMeasure, type StatusReport } from './status';

/** Where a person's answers on one measure go. */
export interface AnswerScope {
  /** The owners (ids) they may name for an answer, in the plan's order. */
  answersFor: string[];
  /**
   * Where an answer naming none goes: an owner id; `null`, no municipality in particular (the
   * report counts for every owner); 'choose': nowhere, the person must name one.
   */
  byDefault: string | null | 'choose';
  /** The owners each of which must have an answer before the measure is answered for the person. */
  expected: string[];
}

const NONE: AnswerScope = { answersFor: [], byDefault: null, expected: [] };

/**
 * A person's scope on a measure. Their own municipalities the measure applies to, when they are
 * responsible for it. Someone responsible without one of those (named on the measure from outside
 * it, or with no municipality): for a measure of every owner, no municipality in particular; for a
 * measure of some owners only, one of those — by default only when it is just one, since a report
 * for no municipality would count for every one of them. The plan's coordinator answers for every
 * owner, by default for their own municipality; without one among the owners they must choose
 * (never the first owner by assumption).
 */
export function answerScopeOf(
  person: Person,
  plan: Plan,
  measure: Measure,
  options: { coordinator?: boolean } = {},
): AnswerScope {
  if (!isShared(plan)) return NONE;
  const applying = ownersOf(plan, measure).map((o) => o.id);
  const own = applying.filter((id) => person.municipalities?.includes(id));
  const single = applying.length === 1 ? (applying[0] as string) : 'choose';
  if (options.coordinator)
    return { answersFor: applying, byDefault: own[0] ?? single, expected: own.length ? own : applying };
  if (!isResponsibleFor(person, plan, measure)) return NONE;
  if (own.length) return { answersFor: own, byDefault: own[0] as string, expected: own };
  if (!measure.appliesTo) return { answersFor: [], byDefault: null, expected: applying };
  return { answersFor: applying, byDefault: single, expected: applying };
}

/**
 * The organisation an answer is stored for. `asked` (from a card or the tab) must be one the person
 * answers for, else 'refused'; with none asked, the scope's default ('choose': refused until one is
 * named). `null`: the answer is for no municipality in particular.
 */
export function organisationOfAnswer(
  scope: AnswerScope,
  asked: string | undefined,
): string | null | 'refused' | 'choose' {
  if (asked !== undefined) return scope.answersFor.includes(asked) ? asked : 'refused';
  return scope.byDefault;
}

/**
 * The person's own answer per measure of `measures`, from one period's reports. Shared plan: a
 * measure is there only when every municipality the person answers for has an answer, holding the
 * one an answer of theirs goes to by default (what their form is pre-filled with). `partial` (last
 * period's, for the pre-fill and "unchanged"): that default municipality's answer, whether or not
 * the others have one. A single-owner plan: the latest per measure, as ever.
 */
export function ownAnswers(
  person: Person,
  plan: Plan,
  measures: readonly Measure[],
  reports: readonly StatusReport[],
  options: { partial?: boolean } = {},
): Map<string, StatusReport> {
  if (!isShared(plan)) return latestByMeasure(reports);
  const perOwner = new Map<string, Map<string, StatusReport>>();
  const latestOf = (ownerId: string): Map<string, StatusReport> => {
    let latest = perOwner.get(ownerId);
    if (!latest) perOwner.set(ownerId, (latest = latestForOwner(reports, ownerId)));
    return latest;
  };
  const forEveryone = latestByMeasure(reports.filter((r) => r.organisationId === undefined));
  const answers = new Map<string, StatusReport>();
  for (const m of measures) {
    const scope = answerScopeOf(person, plan, m);
    if (scope.expected.length === 0) continue;
    const each = scope.expected.map((o) => latestOf(o).get(m.id));
    if (!options.partial && each.some((r) => !r)) continue;
    const shown =
      scope.byDefault === null
        ? forEveryone.get(m.id)
        : scope.byDefault === 'choose'
          ? undefined
          : latestOf(scope.byDefault).get(m.id);
    const answer = shown ?? (options.partial ? undefined : each[0]);
    if (answer) answers.set(m.id, answer);
  }
  return answers;
}

/**
 * ownAnswers for many people over the same reports (a round's recipients, the overview's
 * not-answered): a single-owner plan's latest per measure, the same for everyone, is made once.
 */
export function ownAnswersIn(
  plan: Plan,
  reports: readonly StatusReport[],
): (person: Person, measures: readonly Measure[]) => Map<string, StatusReport> {
  if (isShared(plan)) return (person, measures) => ownAnswers(person, plan, measures, reports);
  const latest = latestByMeasure(reports);
  return () => latest;
}
