/**
 * The Table outbox (production profile: stateless instances, Azure Storage through Azurite) against
 * the outbox contract, and what only several instances can do: one delivers what another left
 * behind, and the same submission stored through two instances at once is kept once.
 */
import { randomUUID } from 'node:crypto';
import { tableClient } from '../../bot/src/adapters/azure-storage/storage-account';
import { TableReportOutbox } from '../../bot/src/adapters/azure-storage/table-report-outbox';
import { openTable } from '../../bot/src/adapters/azure-storage/tables';
import { openSharePointStore, type SharePointStore } from '../../bot/src/adapters/sharepoint/sharepoint-store';
import { allMeasures } from '../../bot/src/domain/plan';
import { startAzurite, type Azurite } from '../support/azurite';
import { hoylandet } from '../support/demo';
import { startTestGraph, type TestGraph } from '../support/graph';
import { waitFor } from '../support/wait-for';
import { describeReportOutboxContract, reportOf } from './report-outbox-contract';

jest.setTimeout(60_000);

let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => azurite.stop());

/** A fresh table per test: what one test leaves waiting must not reach the next one's SharePoint. */
async function freshTable() {
  return openTable(tableClient({ connectionString: azurite.connectionString }, `Outbox${randomUUID().slice(0, 8)}`));
}

describeReportOutboxContract('Azure Tables', async (remote, options) => {
  const outbox = new TableReportOutbox(await freshTable(), remote, options);
  outbox.start();
  return outbox;
});

describe('the Table outbox shared by instances', () => {
  let t: TestGraph;
  let store: SharePointStore;
  const plan = hoylandet();
  const [m1, m2] = allMeasures(plan).map((m) => m.id);

  beforeEach(async () => {
    t = await startTestGraph();
    await t.provision();
    store = await openSharePointStore(t.graph, t.standIn.siteId);
    await store.plans.savePlan(plan);
  });
  afterEach(async () => t.close());

  it('delivers what a stopped instance left waiting, and keeps one copy of a submission sent through two', async () => {
    const table = await freshTable();
    const options = { logger: t.logger, retryDelayMs: () => 60_000 };
    const first = new TableReportOutbox(table, store.reports, options);
    await t.standIn.down();
    await first.appendReports([reportOf(plan.id, m1!, 'left-behind', 1)]);
    await first.close();
    await t.standIn.up();

    const second = new TableReportOutbox(table, store.reports, { ...options, pollMs: 100 });
    const third = new TableReportOutbox(table, store.reports, options);
    const both = reportOf(plan.id, m2!, 'through-both', 2);
    const results = await Promise.all([second.appendReports([both]), third.appendReports([both])]);
    expect(results.map((r) => r.reports)).toEqual([[both], [both]]);
    expect(results.filter((r) => !r.alreadyStored)).toHaveLength(1);
    second.start();
    await waitFor(async () => (await second.status()).pending === 0, 10_000);
    const stored = await store.reports.listReports(plan.id);
    expect(stored.map((r) => r.submissionId).sort()).toEqual(['left-behind', 'through-both']);
    await Promise.all([second.close(), third.close()]);
  });

  it('stores a submission larger than one transaction holds', async () => {
    const outbox = new TableReportOutbox(await freshTable(), store.reports, { logger: t.logger });
    // 150 answers with long comments: two entries, each cut into several pieces.
    const many = Array.from({ length: 150 }, (_, i) => ({
      ...reportOf(plan.id, `${allMeasures(plan)[i % 44]!.id}-${i}`, 'big-card', i % 60),
      comment: 'ø'.repeat(2000),
    }));
    expect(await outbox.appendReports(many)).toEqual({ reports: many, alreadyStored: false });
    expect(await outbox.appendReports(many)).toEqual({ reports: many, alreadyStored: true });
    await outbox.close();
  });
});
