/**
 * Narrowing a plan to what one municipality, sector or role sees: a department channel shows its
 * own measures, a municipality in a shared plan its own rows. The one home of the rule: the tab's
 * goal table and the service's overview both narrow with it, so a header and its cards agree.
 * Goal levels with nothing left under them are left out; the rest keep their numbering.
 */
import type { Measure } from './plan';
import { roleKey } from './roles';

export interface MeasureFilter {
  /** An owner id: measures that apply to all owners, or to this one. */
  owner?: string;
  sector?: string;
  /** A responsible role, matched as roles are (case and punctuation aside). */
  role?: string;
}

export function isFiltered(filter: MeasureFilter): boolean {
  return Boolean(filter.owner || filter.sector || filter.role);
}

export function keepsMeasure(
  filter: MeasureFilter,
  m: Pick<Measure, 'appliesTo' | 'sector' | 'responsibleRoles'>,
): boolean {
  const role = filter.role ? roleKey(filter.role) : undefined;
  return (
    (!filter.owner || !m.appliesTo || m.appliesTo.includes(filter.owner)) &&
    (!filter.sector || m.sector === filter.sector) &&
    (!role || m.responsibleRoles.some((r) => roleKey(r) === role))
  );
}

/** A goal tree of any shape (the plan's, the goal table's) with only the measures the filter keeps. */
export function filterGoalTree<
  M extends Pick<Measure, 'appliesTo' | 'sector' | 'responsibleRoles'>,
  N extends GoalTreeNode<M, N>,
>(nodes: N[], filter: MeasureFilter): N[] {
  if (!isFiltered(filter)) return nodes;
  const walk = (level: N[]): N[] =>
    level.flatMap((node) => {
      const measures = node.measures.filter((m) => keepsMeasure(filter, m));
      const children = walk(node.children);
      return measures.length || children.length ? [{ ...node, measures, children }] : [];
    });
  return walk(nodes);
}

interface GoalTreeNode<M, N> {
  measures: M[];
  children: N[];
}
