/**
 * Changing a plan's structure between imports: a new measure under a goal, a new goal under a goal
 * level, a measure moved to another goal, a measure deleted. Pure functions from plan to plan.
 *
 * A measure's id never changes once made: a moved measure keeps it, so its status reports (stored
 * by measure id) stay with it. Numbers are what people read; they are unique in the plan, and a
 * new measure's id is its number (as importers make them) unless an older measure holds that id.
 */
import { DomainError } from './errors';
import { allMeasures, newMeasure, type GoalNode, type Measure, type Plan } from './plan';

const MAX_NUMBER_LENGTH = 40;

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
const MAX_TEXT_LENGTH = 2000;

export function allGoals(plan: Plan): GoalNode[] {
  const out: GoalNode[] = [];
  const walk = (nodes: GoalNode[]): void => {
    for (const node of nodes) {
      out.push(node);
      walk(node.children);
    }
  };
  walk(plan.goals);
  return out;
}

export function findGoal(plan: Plan, goalId: string): GoalNode | undefined {
  return allGoals(plan).find((g) => g.id === goalId);
}

function requireGoal(plan: Plan, goalId: string): GoalNode {
  const goal = findGoal(plan, goalId);
  if (!goal) throw new DomainError('unknown-goal', { goal: goalId });
  return goal;
}

/** "1.1.3" → "1.1.4", "1.T3" → "1.T4", "A" → "B"; undefined when the number ends in neither. */
function nextAfter(number: string): string | undefined {
  // Scanned from the end by hand: a regular expression here would backtrack on long digit runs.
  let start = number.length;
  while (start > 0 && isDigit(number[start - 1] as string)) start--;
  if (start < number.length) return `${number.slice(0, start)}${Number(number.slice(start)) + 1}`;
  const last = number.at(-1);
  if (last && /^[A-Ya-y]$/.test(last)) return `${number.slice(0, -1)}${String.fromCharCode(last.charCodeAt(0) + 1)}`;
  return undefined;
}

/**
 * The number a new measure under the goal is offered: the one after its last measure's, else the
 * goal's own with ".1"; never one the plan uses already (the coordinator may write another).
 */
export function proposeMeasureNumber(plan: Plan, goalId: string): string {
  const goal = requireGoal(plan, goalId);
  const taken = new Set(allMeasures(plan).flatMap((m) => [m.number, m.id]));
  const last = goal.measures.at(-1)?.number;
  let candidate = (last && nextAfter(last)) ?? `${goal.number}.1`;
  for (let i = 0; taken.has(candidate) && i < 10_000; i++) candidate = nextAfter(candidate) ?? `${candidate}.1`;
  return candidate;
}

/** The number a new goal under `parentId` (or at the top) is offered, after its last sibling's. */
export function proposeGoalNumber(plan: Plan, parentId: string | undefined): string {
  const siblings = parentId ? requireGoal(plan, parentId).children : plan.goals;
  const parent = parentId ? findGoal(plan, parentId) : undefined;
  const taken = new Set(allGoals(plan).map((g) => g.number));
  const last = siblings.at(-1)?.number;
  let candidate = (last && nextAfter(last)) ?? (parent ? `${parent.number}.1` : '1');
  for (let i = 0; taken.has(candidate) && i < 10_000; i++) candidate = nextAfter(candidate) ?? `${candidate}.1`;
  return candidate;
}

function checkedNumber(value: string): string {
  const number = value.trim();
  if (!number) throw new DomainError('invalid-field', { field: 'number' });
  if (number.length > MAX_NUMBER_LENGTH)
    throw new DomainError('invalid-edit', { field: 'number', max: MAX_NUMBER_LENGTH });
  return number;
}

function checkedText(value: string): string {
  const text = value.trim();
  if (!text || text.length > MAX_TEXT_LENGTH)
    throw new DomainError('invalid-edit', { field: 'text', max: MAX_TEXT_LENGTH });
  return text;
}

/** A unique id for a new measure: its number, or the number with a suffix if an older measure holds it as id. */
function freshMeasureId(plan: Plan, number: string): string {
  const ids = new Set(allMeasures(plan).map((m) => m.id));
  let id = number;
  for (let n = 2; ids.has(id); n++) id = `${number}~${n}`;
  return id;
}

function mapGoals(plan: Plan, change: (node: GoalNode) => GoalNode): Plan {
  const walk = (nodes: GoalNode[]): GoalNode[] =>
    nodes.map((node) => change({ ...node, children: walk(node.children) }));
  return { ...plan, goals: walk(plan.goals) };
}

export interface NewMeasure {
  number: string;
  text: string;
  responsibleText?: string;
}

export function addMeasure(plan: Plan, goalId: string, input: NewMeasure): { plan: Plan; measure: Measure } {
  requireGoal(plan, goalId);
  const number = checkedNumber(input.number);
  if (allMeasures(plan).some((m) => m.number === number)) throw new DomainError('number-taken', { number });
  const made = newMeasure({
    number,
    text: checkedText(input.text),
    responsibleText: (input.responsibleText ?? '').trim().slice(0, 500),
    indicator: { kind: 'deliverable', text: '' },
  });
  const measure = { ...made, id: freshMeasureId(plan, number) };
  const next = mapGoals(plan, (node) =>
    node.id === goalId ? { ...node, measures: [...node.measures, measure] } : node,
  );
  return { plan: next, measure };
}

export interface NewGoal {
  number: string;
  text: string;
}

/**
 * A goal under `parentId`, or a top-level goal without one. Not at the last level: the plan's
 * last level name is its measures' ("Tiltak").
 */
export function addGoal(plan: Plan, parentId: string | undefined, input: NewGoal): { plan: Plan; goal: GoalNode } {
  const parent = parentId === undefined ? undefined : requireGoal(plan, parentId);
  const level = parent ? parent.level + 1 : 0;
  if (level >= Math.max(1, plan.levels.length - 1)) throw new DomainError('invalid-field', { field: 'level' });
  const number = checkedNumber(input.number);
  const goals = allGoals(plan);
  if (goals.some((g) => g.number === number)) throw new DomainError('number-taken', { number });
  const ids = new Set(goals.map((g) => g.id));
  let id = `g${number}`;
  for (let n = 2; ids.has(id); n++) id = `g${number}~${n}`;
  const goal: GoalNode = { id, level, number, text: checkedText(input.text), children: [], measures: [] };
  if (!parent) return { plan: { ...plan, goals: [...plan.goals, goal] }, goal };
  return {
    plan: mapGoals(plan, (node) => (node.id === parent.id ? { ...node, children: [...node.children, goal] } : node)),
    goal,
  };
}

/** The measure under another goal, last there, keeping its id (and so its reports) and its number. */
export function moveMeasure(plan: Plan, measureId: string, goalId: string): Plan {
  requireGoal(plan, goalId);
  const measure = allMeasures(plan).find((m) => m.id === measureId);
  if (!measure) throw new DomainError('unknown-measure', { number: measureId });
  const without = removeMeasure(plan, measureId);
  return mapGoals(without, (node) => (node.id === goalId ? { ...node, measures: [...node.measures, measure] } : node));
}

/**
 * The plan without the measure. Only a measure no one has reported on may go: one with reports is
 * closed instead, so its history stays readable (`reportCount` is the store's to count).
 */
export function deleteMeasure(plan: Plan, measureId: string, reportCount: number): Plan {
  const measure = allMeasures(plan).find((m) => m.id === measureId);
  if (!measure) throw new DomainError('unknown-measure', { number: measureId });
  if (reportCount > 0) throw new DomainError('measure-has-reports', { number: measure.number });
  return removeMeasure(plan, measureId);
}

function removeMeasure(plan: Plan, measureId: string): Plan {
  return mapGoals(plan, (node) => ({ ...node, measures: node.measures.filter((m) => m.id !== measureId) }));
}
