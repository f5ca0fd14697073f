/**
 * How the lists on the site differ from schema.ts: read by provisioning (which repairs what it
 * can) and by the service at start (which refuses to run on lists an older version made, naming
 * what is missing and who may add it). The service itself needs only `write` on the site;
 * adding lists, columns and indexes needs `manage` (Sites.Selected roles,
 * https://learn.microsoft.com/graph/permissions-selected-overview: "write" adds, edits and deletes
 * items; "manage" also manages lists: SharePoint's ManageLists, "create and delete lists, add or
 * remove columns in a list").
 */
import { throwIfFailed } from './graph-batch';
import type { GraphApi } from './graph-http';
import { LISTS, REPORTS_LIST, type ColumnSpec, type ListSpec } from './schema';

export interface RemoteColumn {
  id: string;
  name: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  text?: { allowMultipleLines?: boolean };
  number?: unknown;
  dateTime?: unknown;
  choice?: { choices?: string[] };
}

export interface ListDifferences {
  /** Columns to add. */
  missing: ColumnSpec[];
  /** Columns the app filters or keys on that are not indexed: [spec, the column on the site]. */
  unindexed: [ColumnSpec, RemoteColumn][];
  /** Columns that cannot be repaired in place (wrong type, missing choices, uniqueness off), in words. */
  manual: string[];
}

export function compareList(spec: ListSpec, remote: RemoteColumn[]): ListDifferences {
  const out: ListDifferences = { missing: [], unindexed: [], manual: [] };
  for (const column of spec.columns) {
    const there = remote.find((c) => c.name === column.name);
    if (!there) {
      out.missing.push(column);
      continue;
    }
    const wrongType = typeDifference(column, there);
    if (wrongType) {
      out.manual.push(`"${spec.displayName}": column ${column.name} ${wrongType}`);
      continue;
    }
    if ((column.indexed || column.unique) && !there.indexed) out.unindexed.push([column, there]);
    if (column.unique && !there.enforceUniqueValues)
      out.manual.push(
        `"${spec.displayName}": column ${column.name} should enforce unique values (turn it on in the column settings once duplicates are removed)`,
      );
  }
  return out;
}

export class SchemaOutOfDateError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The SharePoint lists are older than this version of Tiltak:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        'Run `npm run provision:sharepoint` with an identity that holds the `manage` role on the site ' +
        '(the service itself needs only `write`), then start the service again.',
    );
    this.name = 'SchemaOutOfDateError';
  }
}

/** Reads every list's columns (one $batch) and, when they are in place, whether old reports lack their PeriodKey. */
export async function checkSchema(graph: GraphApi, pathOf: (spec: ListSpec) => string): Promise<void> {
  const responses = await graph.batch(
    LISTS.map((spec) => ({ id: spec.key, method: 'GET', url: `${pathOf(spec)}/columns` })),
  );
  const problems: string[] = [];
  for (const spec of LISTS) {
    const columns = (
      throwIfFailed(responses.get(spec.key), `columns of ${spec.displayName}`).body as { value: RemoteColumn[] }
    ).value;
    const diff = compareList(spec, columns);
    problems.push(
      ...diff.missing.map((c) => `"${spec.displayName}": column ${c.name} is missing`),
      ...diff.unindexed.map(([c]) => `"${spec.displayName}": column ${c.name} is not indexed`),
      ...diff.manual,
    );
  }
  if (problems.length === 0 && (await reportsWithoutPeriodKey(graph, pathOf(REPORTS_LIST))) > 0)
    problems.push(`"${REPORTS_LIST.displayName}": reports written by an older version lack PeriodKey`);
  if (problems.length > 0) throw new SchemaOutOfDateError(problems);
}

/** Up to one page of reports written before PeriodKey existed (its count only tells whether there are any). */
export async function reportsWithoutPeriodKey(graph: GraphApi, path: string): Promise<number> {
  const page = await graph.get<{ value: unknown[] }>(
    `${path}/items?$expand=fields($select=PeriodKey)&$top=1&$filter=${encodeURIComponent('fields/PeriodKey eq null')}`,
  );
  return page.value.length;
}

function typeDifference(spec: ColumnSpec, remote: RemoteColumn): string | undefined {
  const actual = remote.text
    ? remote.text.allowMultipleLines
      ? 'note'
      : 'text'
    : remote.number
      ? 'number'
      : remote.dateTime
        ? 'dateTime'
        : remote.choice
          ? 'choice'
          : 'other';
  if (actual !== spec.type) return `is of type ${actual}, expected ${spec.type}`;
  const missingChoices = (spec.choices ?? []).filter((c) => !(remote.choice?.choices ?? []).includes(c));
  if (missingChoices.length) return `lacks the choices ${missingChoices.join(', ')}`;
  return undefined;
}
