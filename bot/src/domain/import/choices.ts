/**
 * What the coordinator decides in the preview, for the whole document: what a column means (by
 * its heading), what the levels are called, how a responsible cell splits into roles. The confirm
 * step parses the file again with the same choices; the server never trusts a plan sent back.
 */
import type { FieldMeaning } from './vocabulary';

export interface ColumnChoice {
  heading: string;
  meaning: FieldMeaning;
  /** For a goal column: its level, 0 the top. */
  level?: number;
}

export interface ImportChoices {
  /** A column's meaning by its heading; applies to every table with that heading. */
  columns?: ColumnChoice[];
  /** The levels' names, top first; the last names the measures. */
  levelNames?: string[];
  /** How a responsible cell splits into roles, by the cell's text as written. */
  responsibleSplits?: { text: string; roles: string[] }[];
}
