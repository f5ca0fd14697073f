/** What a responsible person is asked to answer for in one plan and period: one card, or one form in the tab. */
import type { Decision } from './decision';
import type { Period } from './period';
import type { GoalNode, Measure, Plan } from './plan';
import type { Person } from './responsibility';
import type { StatusReport } from './status';

export interface StatusForm {
  /** Unique per form sent: makes the answer idempotent (a second click stores nothing new). */
  submissionId: string;
  /** Whose measures the form lists. */
  person: Person;
  /** Who gets the form when it is not `person`: their substitute while they are away. */
  substitute?: Person;
  plan: Plan;
  period: Period;
  measures: Measure[];
  /** This period's latest answer per measure id, to pre-fill the form. */
  current: Map<string, StatusReport>;
  /** Last period's latest answer per measure id: pre-fills where this period has none yet, and offers "unchanged". */
  previous?: Map<string, StatusReport>;
  /** Follow-ups the leadership meeting recorded last period, per measure id: shown beside the measure. */
  followUps?: Map<string, Decision[]>;
  /**
   * Set on a reminder after the first card: the form then holds only the measures still missing,
   * and says how many of the person's `total` they are ("3 av 19 gjenstår").
   */
  remaining?: { missing: number; total: number };
}

/** A run of a form's measures under one goal, all needing an answer or all answered already. */
export interface MeasureGroup {
  goal: { number: string; text: string };
  needsAnswer: boolean;
  measures: Measure[];
}

/**
 * The form's measures in the order a person answers them: those with no answer this period first,
 * then those answered already (to check or change), each part grouped by the top goal they serve,
 * in the plan's order.
 */
export function answeringOrder(form: Pick<StatusForm, 'plan' | 'measures' | 'current'>): MeasureGroup[] {
  const goalOf = new Map<string, { number: string; text: string }>();
  const walk = (nodes: GoalNode[], top?: GoalNode): void =>
    nodes.forEach((n) => {
      const goal = top ?? n;
      n.measures.forEach((m) => goalOf.set(m.id, { number: goal.number, text: goal.text }));
      walk(n.children, goal);
    });
  walk(form.plan.goals);
  const groups: MeasureGroup[] = [];
  for (const needsAnswer of [true, false]) {
    for (const m of form.measures) {
      if (form.current.has(m.id) === needsAnswer) continue;
      const goal = goalOf.get(m.id) ?? { number: '', text: '' };
      const last = groups.at(-1);
      if (last && last.needsAnswer === needsAnswer && last.goal.number === goal.number) last.measures.push(m);
      else groups.push({ goal, needsAnswer, measures: [m] });
    }
  }
  return groups;
}
