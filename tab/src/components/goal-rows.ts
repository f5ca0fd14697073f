/**
 * Flattens a goal tree into table rows the way the council's document draws it: one row per
 * measure, each goal and strategy cell spanning the rows of the measures beneath it.
 */
import type { GoalTableNode, MeasureRow } from '../../../bot/src/contract';

export interface SpanningCell {
  node: GoalTableNode;
  rowSpan: number;
}

export interface TableRowModel {
  key: string;
  /** Goal-level cells that start on this row, outermost first. */
  starts: SpanningCell[];
  /** Empty cells for goal levels this row's measure skips (a measure directly under a top goal). */
  gapCells: number;
  measure?: MeasureRow;
}

export function goalRows(goals: GoalTableNode[], goalLevels: number): TableRowModel[] {
  return goals.flatMap((g) => rowsOf(g, goalLevels));
}

function rowsOf(node: GoalTableNode, goalLevels: number): TableRowModel[] {
  const deepestGoalLevel = goalLevels - 1;
  const rows: TableRowModel[] = [
    ...node.measures.map((m) => ({
      key: `m-${m.id}`,
      starts: [],
      gapCells: deepestGoalLevel - node.level,
      measure: m,
    })),
    ...node.children.flatMap((c) => rowsOf(c, goalLevels)),
  ];
  if (rows.length === 0) rows.push({ key: `empty-${node.id}`, starts: [], gapCells: deepestGoalLevel - node.level });
  rows[0]?.starts.unshift({ node, rowSpan: rows.length });
  return rows;
}
