/**
 * The plan an outline gives (see outline.ts): the depth of an item's number is its level, items
 * with items below them are goals, the others (below the top level) measures, each with the
 * labelled fields its text carried.
 */
import { newMeasure, type GoalNode } from '../plan';
import type { ImportChoices } from './choices';
import type { LegendEntry } from './deadline';
import { applyField, finishMeasures, type Finished } from './finish-measures';
import { GoalTree } from './goal-tree';
import { warningAt } from './import-problems';
import type { Interpretation, Reading } from './interpret';
import type { OutlineItem } from './outline';
import type { FieldMeaning } from './vocabulary';

const LEVEL_NAMES = ['Område', 'Mål', 'Delmål', 'Delmål', 'Delmål'];
const MEASURE_LEVEL = 'Tiltak';

export function outlineTree(
  items: readonly OutlineItem[],
  legend: readonly LegendEntry[],
  choices: ImportChoices,
): Omit<Interpretation, 'reading'> & { reading: Omit<Reading, 'method' | 'format' | 'legend'> } {
  const hasChildren = new Set<OutlineItem>();
  items.forEach((item, i) => {
    const next = items[i + 1];
    if (next && next.segments.length > item.segments.length) hasChildren.add(item);
  });
  const depth = Math.max(...items.filter((i) => !hasChildren.has(i)).map((i) => i.segments.length));
  const tree = new GoalTree(0, true);
  const out: Finished = { warnings: [], statuses: [], responsibleCells: [] };
  const stack: GoalNode[] = [];
  for (const item of items) {
    const level = item.segments.length - 1;
    const parent = stack[level - 1];
    if (hasChildren.has(item) || level === 0 || !parent) {
      const node: GoalNode = { id: `g${item.id}`, level, number: item.id, text: item.text, children: [], measures: [] };
      (parent ? parent.children : tree.roots).push(node);
      stack.length = level;
      stack[level] = node;
      continue;
    }
    const measure = newMeasure({
      number: item.id,
      text: item.text,
      responsibleText: '',
      indicator: { kind: 'deliverable', text: '' },
    });
    parent.measures.push(measure);
    tree.measureAt.set(measure, item.at);
    for (const [meaning, text] of Object.entries(item.fields) as [FieldMeaning, string][]) {
      if (text) applyField(measure, meaning, '', text, item.at, legend, out);
    }
  }
  prune(tree.roots);
  const finished = finishMeasures(tree, legend, choices, { responsible: false, indicator: false });
  const levels = [...LEVEL_NAMES.slice(0, Math.max(1, depth - 1)), MEASURE_LEVEL].map(
    (name, i) => choices.levelNames?.[i]?.trim() || name,
  );
  const first = items[0];
  const warnings = [
    ...(first ? [warningAt(first.at, 'outline', undefined, String(items.length))] : []),
    ...out.warnings,
    ...finished.warnings,
  ];
  return {
    levels,
    statusColumnLabel: '',
    cadence: { kind: 'yearly', dueMonth: 1 },
    goals: tree.roots,
    warnings,
    statuses: [...out.statuses, ...finished.statuses],
    reading: {
      columns: [],
      levels,
      numberedByUs: false,
      responsibleCells: finished.responsibleCells,
      ...(first ? { headerAt: first.at } : {}),
    },
  };
}

/** Chapters of the prose with no measure below them ("1 Innleiing") are not part of the plan. */
function prune(nodes: GoalNode[]): void {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i] as GoalNode;
    prune(node.children);
    if (node.children.length === 0 && node.measures.length === 0) nodes.splice(i, 1);
  }
}
