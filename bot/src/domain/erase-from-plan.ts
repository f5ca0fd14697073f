/**
 * A person erased from a plan's text (a draft, an earlier version): where a measure names them
 * responsible, the replacement (a stable pseudonym) stands instead. Undefined when the plan does not
 * name them, so nothing is written for plans they were never in.
 */
import type { GoalNode, NamedPerson, Plan } from './plan';

export function planWithoutPerson(plan: Plan, userId: string, replacement: NamedPerson): Plan | undefined {
  let found = false;
  const walk = (nodes: GoalNode[]): GoalNode[] =>
    nodes.map((node) => ({
      ...node,
      measures: node.measures.map((m) => {
        if (!m.responsiblePeople?.some((p) => p.userId === userId)) return m;
        found = true;
        return {
          ...m,
          responsiblePeople: m.responsiblePeople.map((p) => (p.userId === userId ? { ...replacement } : p)),
        };
      }),
      children: walk(node.children),
    }));
  const goals = walk(plan.goals);
  return found ? { ...plan, goals } : undefined;
}

/** The person who started or adopted a revision, as the replacement when it is the person erased. */
export function byWithoutPerson(by: NamedPerson, userId: string, replacement: NamedPerson): NamedPerson {
  return by.userId === userId ? { ...replacement } : by;
}
