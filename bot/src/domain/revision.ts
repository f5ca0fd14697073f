/**
 * The yearly revision (*rullering*) of a plan: a draft made from the plan in force, compared with
 * it, and adopted in its place. Measures are the same measure when they have the same id: a draft
 * started from the plan keeps every id, an imported document gets them from revision-match.ts. Ids
 * stay stable for matched measures (rather than a mapping old id → new id kept beside the plan),
 * because every report, decision, round and link already names a measure by id: stable ids keep
 * them all without each reader having to follow a mapping through the versions.
 */
import { DomainError } from './errors';
import { allGoals } from './plan-upkeep';
import { allMeasures, replaceMeasure, type GoalNode, type Measure, type Plan } from './plan';

/** The fields a revision compares, in the order they are named; the number is compared apart. */
export const COMPARED_FIELDS = [
  'text',
  'responsibleText',
  'responsiblePeople',
  'indicator',
  'kind',
  'appliesTo',
  'sector',
  'priority',
  'priorityText',
  'deadline',
  'benefits',
  'feasibility',
  'quickWin',
  'notes',
  'closed',
] as const satisfies readonly (keyof Measure)[];

export type ComparedField = (typeof COMPARED_FIELDS)[number] | 'goal';

export interface RevisedMeasure {
  id: string;
  number: string;
  text: string;
}

export interface RevisionDiff {
  /** In the draft, not in the plan. */
  added: RevisedMeasure[];
  /** In the plan, not in the draft: closed on adoption when reported on, else dropped. */
  removed: (RevisedMeasure & { reported: boolean })[];
  /** The same measure with another number (`number` is the new one). */
  renumbered: (RevisedMeasure & { from: string })[];
  /** The same measure with other content (`goal`: under another goal). */
  changed: (RevisedMeasure & { fields: ComparedField[] })[];
  /** How many measures are the same in both. */
  unchanged: number;
}

/** Structural equality of stored values (key order aside, as an edit and an import may differ in it). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set(
    [...Object.keys(left), ...Object.keys(right)].filter((k) => left[k] !== undefined || right[k] !== undefined),
  );
  return [...keys].every((k) => sameValue(left[k], right[k]));
}

/** The goal each measure is under, by measure id. */
function goalOf(plan: Plan): Map<string, GoalNode> {
  const out = new Map<string, GoalNode>();
  for (const goal of allGoals(plan)) for (const m of goal.measures) out.set(m.id, goal);
  return out;
}

/** What the draft changes in the plan; `reported`: ids of measures with status reports. */
export function compareRevision(current: Plan, draft: Plan, reported: ReadonlySet<string>): RevisionDiff {
  const before = new Map(allMeasures(current).map((m) => [m.id, m]));
  const after = allMeasures(draft);
  const afterIds = new Set(after.map((m) => m.id));
  const goalsBefore = goalOf(current);
  const goalsAfter = goalOf(draft);
  const diff: RevisionDiff = { added: [], removed: [], renumbered: [], changed: [], unchanged: 0 };
  const brief = (m: Measure): RevisedMeasure => ({ id: m.id, number: m.number, text: m.text });
  for (const m of after) {
    const was = before.get(m.id);
    if (!was) {
      diff.added.push(brief(m));
      continue;
    }
    const fields: ComparedField[] = COMPARED_FIELDS.filter((f) => !sameValue(was[f], m[f]));
    if (goalsBefore.get(m.id)?.number !== goalsAfter.get(m.id)?.number) fields.push('goal');
    if (was.number !== m.number) diff.renumbered.push({ ...brief(m), from: was.number });
    if (fields.length) diff.changed.push({ ...brief(m), fields });
    if (was.number === m.number && !fields.length) diff.unchanged++;
  }
  for (const m of before.values())
    if (!afterIds.has(m.id)) diff.removed.push({ ...brief(m), reported: reported.has(m.id) });
  return diff;
}

/**
 * The plan as adopted: the draft, and every measure it left out that has reports, kept closed
 * (`closure`) so its history stays readable in the plan and the versions. Such a measure goes
 * back under its goal when the draft still has it, else under the draft's first goal of the
 * deepest level (or, in a draft with no goals, under a copy of its old goal).
 */
export function adoptedPlan(
  current: Plan,
  draft: Plan,
  reported: ReadonlySet<string>,
  closure: { reason: string; on: string },
): Plan {
  const inDraft = new Set(allMeasures(draft).map((m) => m.id));
  const goalsBefore = goalOf(current);
  const kept = allMeasures(current)
    .filter((m) => !inDraft.has(m.id) && reported.has(m.id))
    .map((m) => ({ measure: { ...m, closed: m.closed ?? closure }, goal: goalsBefore.get(m.id) as GoalNode }));
  if (kept.length === 0) return draft;
  const draftGoals = allGoals(draft);
  const draftIds = new Set(draftGoals.map((g) => g.id));
  const deepest = Math.max(...draftGoals.map((g) => g.level));
  const fallback = draftGoals.find((g) => g.level === deepest)?.id;
  const placed = new Map<string, Measure[]>();
  const orphans: GoalNode[] = [];
  for (const { measure, goal } of kept) {
    const target = draftIds.has(goal.id) ? goal.id : fallback;
    if (target) placed.set(target, [...(placed.get(target) ?? []), measure]);
    else orphans.push({ ...goal, level: 0, children: [], measures: [measure] });
  }
  const walk = (nodes: GoalNode[]): GoalNode[] =>
    nodes.map((node) => ({
      ...node,
      measures: [...node.measures, ...(placed.get(node.id) ?? [])],
      children: walk(node.children),
    }));
  return { ...draft, goals: [...walk(draft.goals), ...orphans] };
}

/** What a list of versions shows of one: its title and how many measures it had, without the plan. */
export function versionSummary<V extends { plan: Plan }>(
  version: V,
): Omit<V, 'plan'> & { title: string; measures: number } {
  const { plan, ...rest } = version;
  return { ...rest, title: plan.title, measures: allMeasures(plan).length };
}

/**
 * The draft with one measure under another number (what a revision does most: after a measure is
 * struck out, the ones below it move up). The id stays, and with it the measure's reports; the
 * number must be one no other measure of the draft has.
 */
export function renumberMeasure(draft: Plan, measureId: string, number: string): Plan {
  const wanted = number.trim();
  if (!wanted || wanted.length > 40) throw new DomainError('invalid-edit', { field: 'number', max: 40 });
  const measures = allMeasures(draft);
  const measure = measures.find((m) => m.id === measureId);
  if (!measure) throw new DomainError('unknown-measure', { number: measureId });
  if (measures.some((m) => m.id !== measureId && m.number === wanted))
    throw new DomainError('number-taken', { number: wanted });
  return replaceMeasure(draft, { ...measure, number: wanted });
}
