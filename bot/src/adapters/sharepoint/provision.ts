/**
 * Creates the app's lists on the site, or brings them back in line with schema.ts. Idempotent:
 * a second run changes nothing and says so, and a run with nothing to change needs no more than
 * `write` on the site. Missing lists and columns are created and a column that should be indexed
 * is indexed (these need `manage`); reports written before PeriodKey existed get it (`write`). A
 * column of the wrong type cannot be changed safely in place, so it is named for an administrator.
 */
import { throwIfFailed } from './graph-batch';
import { GraphRequestError, type GraphApi } from './graph-http';
import { periodKeyOf } from './keys';
import { LISTS, REPORTS_LIST, columnDefinition, type ListSpec } from './schema';
import { compareList, reportsWithoutPeriodKey, type RemoteColumn } from './schema-check';

export interface ProvisionReport {
  /** What was made or repaired, one line each. */
  changes: string[];
  /** What differs and was left for an administrator. */
  differences: string[];
}

/** Graph refused to create a list or column: the identity lacks `manage` on the site. */
export class ProvisionForbiddenError extends Error {
  constructor(readonly what: string) {
    super(
      `SharePoint refused to ${what} (403). Adding lists, columns and indexes needs the \`manage\` role on the site; ` +
        '`write`, which the running service needs, is not enough. Run provisioning as an identity granted `manage`, ' +
        'or raise the grant to `manage` for the run and lower it to `write` afterwards (docs/sharepoint-permissions.md).',
    );
    this.name = 'ProvisionForbiddenError';
  }
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
      await managing(`create the list "${spec.displayName}"`, () =>
        graph.post(`/sites/${siteId}/lists`, {
          displayName: spec.displayName,
          description: spec.description,
          columns: spec.columns.map(columnDefinition),
          list: { template: 'genericList' },
        }),
      );
      report.changes.push(`created list "${spec.displayName}" with ${spec.columns.length} columns`);
      continue;
    }
    const path = `/sites/${siteId}/lists/${list.id}`;
    await reconcileColumns(graph, path, spec, report);
    if (spec.key === REPORTS_LIST.key) await fillPeriodKeys(graph, path, report, onProgress);
  }
  return report;
}

async function reconcileColumns(graph: GraphApi, path: string, spec: ListSpec, report: ProvisionReport): Promise<void> {
  const diff = compareList(spec, await graph.getAll<RemoteColumn>(`${path}/columns`));
  for (const column of diff.missing) {
    await managing(`add the column ${column.name} to "${spec.displayName}"`, () =>
      graph.post(`${path}/columns`, columnDefinition(column)),
    );
    report.changes.push(`"${spec.displayName}": added missing column ${column.name}`);
  }
  for (const [column, remote] of diff.unindexed) {
    await managing(`index the column ${column.name} of "${spec.displayName}"`, () =>
      graph.patch(`${path}/columns/${remote.id}`, { indexed: true }),
    );
    report.changes.push(`"${spec.displayName}": indexed column ${column.name}`);
  }
  report.differences.push(...diff.manual);
}

/** Reports written before PeriodKey existed: given theirs from their plan and period, 20 to a $batch. */
async function fillPeriodKeys(
  graph: GraphApi,
  path: string,
  report: ProvisionReport,
  onProgress: (line: string) => void,
): Promise<void> {
  if ((await reportsWithoutPeriodKey(graph, path)) === 0) return;
  const items = await graph.getAll<{ id: string; fields: { PlanId: string; PeriodId: string } }>(
    `${path}/items?$expand=fields($select=PlanId,PeriodId)&$top=5000&$filter=${encodeURIComponent('fields/PeriodKey eq null')}`,
  );
  const responses = await graph.batch(
    items.map((item) => ({
      id: item.id,
      method: 'PATCH',
      url: `${path}/items/${item.id}/fields`,
      // PlanId holds the plan's key as it was written.
      body: { PeriodKey: periodKeyOf(item.fields.PlanId, item.fields.PeriodId) },
    })),
  );
  for (const item of items) throwIfFailed(responses.get(item.id), `PeriodKey of report ${item.id}`);
  onProgress(`  PeriodKey: ${items.length} statusrapporter`);
  report.changes.push(`"${REPORTS_LIST.displayName}": filled PeriodKey on ${items.length} reports`);
}

async function managing<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof GraphRequestError && e.status === 403) throw new ProvisionForbiddenError(what);
    throw e;
  }
}
