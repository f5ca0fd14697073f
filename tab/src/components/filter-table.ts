/**
 * The goal table narrowed to what one municipality, sector or role sees, by the rule the service's
 * overview uses too (domain/measure-filter.ts, through the contract), and the choices the filters
 * offer for a plan.
 */
import type { GoalTable, GoalTableNode, MeasureRow } from '../../../bot/src/contract';
import { filterGoalTree, type MeasureFilter } from '../../../bot/src/contract';

export type TableFilter = MeasureFilter;

/**
 * The table narrowed by the filter; narrowed to one municipality of a shared plan, every row shows
 * that municipality's own status (the service sends each owner's with the row).
 */
export function filterGoals(goals: GoalTableNode[], filter: TableFilter): GoalTableNode[] {
  const kept = filterGoalTree(goals, filter);
  const owner = filter.owner;
  if (!owner) return kept;
  const own = (row: MeasureRow): MeasureRow => {
    if (!row.municipalities) return row;
    const { municipalities, rollUp: _whole, status: _latest, ...rest } = row;
    const mine = municipalities.find((m) => m.ownerId === owner)?.status;
    return mine ? { ...rest, status: mine } : rest;
  };
  const walk = (nodes: GoalTableNode[]): GoalTableNode[] =>
    nodes.map((n) => ({ ...n, measures: n.measures.map(own), children: walk(n.children) }));
  return walk(kept);
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
