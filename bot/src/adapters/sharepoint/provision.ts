/**
 * Creates the app's lists on the site, or brings them back in line with schema.ts. Idempotent:
 * a second run changes nothing and says so. Missing lists and columns are created and a column that
 * should be indexed is indexed; a column of the wrong type cannot be changed safely in place, so it
 * is named as a difference for an administrator to resolve.
 */
import type { GraphApi } from './graph-http';
import { LISTS, columnDefinition, type ColumnSpec, type ListSpec } from './schema';

export interface ProvisionReport {
  /** What was made or repaired, one line each. */
  changes: string[];
  /** What differs and was left for an administrator. */
  differences: string[];
}

interface RemoteColumn {
  id: string;
  name: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  text?: { allowMultipleLines?: boolean };
  number?: unknown;
  dateTime?: unknown;
  choice?: { choices?: string[] };
}

export async function provisionSite(
  graph: GraphApi,
  siteId: string,
  onProgress: (line: string) => void = () => {},
): Promise<ProvisionReport> {
  const report: ProvisionReport = { changes: [], differences: [] };
  const existing = await graph.getAll<{ id: string; displayName: string }>(
    `/sites/${siteId}/lists?$select=id,displayName`,
  );
  for (const [index, spec] of LISTS.entries()) {
    onProgress(`[${index + 1}/${LISTS.length}] ${spec.displayName}`);
    const list = existing.find((l) => l.displayName === spec.displayName);
    if (!list) {
      await graph.post(`/sites/${siteId}/lists`, {
        displayName: spec.displayName,
        description: spec.description,
        columns: spec.columns.map(columnDefinition),
        list: { template: 'genericList' },
      });
      report.changes.push(`created list "${spec.displayName}" with ${spec.columns.length} columns`);
      continue;
    }
    await reconcileColumns(graph, `/sites/${siteId}/lists/${list.id}/columns`, spec, report);
  }
  return report;
}

async function reconcileColumns(graph: GraphApi, path: string, spec: ListSpec, report: ProvisionReport): Promise<void> {
  const columns = await graph.getAll<RemoteColumn>(path);
  for (const column of spec.columns) {
    const remote = columns.find((c) => c.name === column.name);
    if (!remote) {
      await graph.post(path, columnDefinition(column));
      report.changes.push(`"${spec.displayName}": added missing column ${column.name}`);
      continue;
    }
    const wrongType = typeDifference(column, remote);
    if (wrongType) {
      report.differences.push(`"${spec.displayName}": column ${column.name} ${wrongType}`);
      continue;
    }
    if ((column.indexed || column.unique) && !remote.indexed) {
      await graph.patch(`${path}/${remote.id}`, { indexed: true });
      report.changes.push(`"${spec.displayName}": indexed column ${column.name}`);
    }
    if (column.unique && !remote.enforceUniqueValues) {
      report.differences.push(
        `"${spec.displayName}": column ${column.name} should enforce unique values (turn it on in the column settings once duplicates are removed)`,
      );
    }
  }
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
