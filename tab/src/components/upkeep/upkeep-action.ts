/**
 * What a coordinator asked to do to the plan's structure from the goal table: the button pressed
 * names it, the upkeep dialog (UpkeepDialog.tsx) carries it out, and the page announces the outcome.
 */
import type { GoalTableNode } from '../../../../bot/src/contract';

export type UpkeepAction =
  | { kind: 'add-measure'; goal: { id: string; number: string } }
  /** No parent: a goal at the plan's top level. */
  | { kind: 'add-goal'; parent?: { id: string; number: string } }
  | { kind: 'move'; measure: { id: string; number: string } }
  | { kind: 'delete'; measure: { id: string; number: string } };

/** Every goal of the plan, in the plan's order, for choosing where a measure goes. */
export function goalsInOrder(goals: GoalTableNode[]): GoalTableNode[] {
  return goals.flatMap((g) => [g, ...goalsInOrder(g.children)]);
}

/** The goal a measure sits under now. */
export function goalOfMeasure(goals: GoalTableNode[], measureId: string): GoalTableNode | undefined {
  return goalsInOrder(goals).find((g) => g.measures.some((m) => m.id === measureId));
}

/** Whether a goal at `level` may hold sub-goals: the plan's last level is its measures' (as proposeNumbers says). */
export function takesSubGoals(level: number, levels: string[]): boolean {
  return level + 1 < Math.max(1, levels.length - 1);
}
