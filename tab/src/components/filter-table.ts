/**
 * Narrows a goal table to what one municipality, sector or role sees: a department channel shows
 * its own measures, a municipality in a shared plan its own rows. Goal levels with nothing left
 * under them are left out; the rest keep their numbering.
 */
import type { GoalTable, GoalTableNode, MeasureRow } from '../../../bot/src/contract';

export interface TableFilter {
  /** An owner id: measures that apply to all owners, or to this one. */
  owner?: string;
  sector?: string;
  /** A responsible role, compared without regard to case. */
  role?: string;
}

export function isFiltered(filter: TableFilter): boolean {
  return Boolean(filter.owner || filter.sector || filter.role);
}

export function filterGoals(goals: GoalTableNode[], filter: TableFilter): GoalTableNode[] {
  if (!isFiltered(filter)) return goals;
  const keep = (m: MeasureRow): boolean =>
    (!filter.owner || !m.appliesTo || m.appliesTo.includes(filter.owner)) &&
    (!filter.sector || m.sector === filter.sector) &&
    (!filter.role || m.responsibleRoles.some((r) => sameRole(r, filter.role ?? '')));
  const walk = (nodes: GoalTableNode[]): GoalTableNode[] =>
    nodes.flatMap((node) => {
      const measures = node.measures.filter(keep);
      const children = walk(node.children);
      return measures.length || children.length ? [{ ...node, measures, children }] : [];
    });
  return walk(goals);
}

/** The choices the filters offer for this plan: only those that narrow something. */
export function filterChoices(table: GoalTable): {
  owners: { id: string; name: string }[];
  sectors: string[];
  roles: string[];
} {
  const rows = measureRows(table.goals);
  const sectors = unique(rows.flatMap((m) => (m.sector ? [m.sector] : [])));
  const roles = unique(
    rows.flatMap((m) => m.responsibleRoles.map(capitalise)),
    (r) => r.toLocaleLowerCase('nb'),
  );
  return {
    owners: table.plan.owners.length > 1 ? table.plan.owners : [],
    sectors: sectors.length > 1 ? sectors : [],
    roles: roles.length > 1 ? roles.sort((a, b) => a.localeCompare(b, 'nb')) : [],
  };
}

export function measureRows(nodes: GoalTableNode[]): MeasureRow[] {
  return nodes.flatMap((n) => [...n.measures, ...measureRows(n.children)]);
}

function sameRole(a: string, b: string): boolean {
  return a.toLocaleLowerCase('nb').trim() === b.toLocaleLowerCase('nb').trim();
}

function capitalise(role: string): string {
  return role.charAt(0).toLocaleUpperCase('nb') + role.slice(1);
}

function unique<T>(items: T[], key: (item: T) => unknown = (i) => i): T[] {
  const seen = new Set<unknown>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
