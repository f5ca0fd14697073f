/**
 * A goal table pasted from Word as text (tab-separated cells, as Høylandet's), read by the one
 * interpreter: the demo plans and the seed tests use this entry point.
 */
import type { Cadence } from '../period';
import type { GoalNode } from '../plan';
import type { ImportWarning } from './import-problems';
import { interpretDocument } from './interpret';
import { textDocument } from './text-blocks';

export { ImportError, type ImportWarning, type ImportWarningCode } from './import-problems';

export interface ParsedGoalTable {
  levels: string[];
  statusColumnLabel: string;
  cadence: Cadence;
  goals: GoalNode[];
  warnings: ImportWarning[];
}

export function parseWordGoalTable(text: string): ParsedGoalTable {
  const { levels, statusColumnLabel, cadence, goals, warnings } = interpretDocument(textDocument(text));
  return { levels, statusColumnLabel, cadence, goals, warnings };
}
