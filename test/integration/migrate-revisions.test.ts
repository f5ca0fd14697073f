/**
 * `migrate` copies a plan's revision drafts and earlier versions (with their measure lists) from the
 * embedded store into SharePoint, and a second run adds nothing and writes nothing again.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToSharePoint } from '../../bot/src/adapters/sharepoint/migrate';
import { openSharePointStore } from '../../bot/src/adapters/sharepoint/sharepoint-store';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { renumberMeasure } from '../../bot/src/domain/revision';
import { allMeasures } from '../../bot/src/domain/plan';
import { hoylandet } from '../support/demo';
import { startTestGraph, type TestGraph } from '../support/graph';

jest.setTimeout(60_000);

let t: TestGraph;
beforeEach(async () => {
  t = await startTestGraph();
  await t.provision();
});
afterEach(async () => t.close());

const BY = { userId: 'diana', name: 'Diana Koordinator' };

it('copies drafts and plan versions with their measures, and a second run changes nothing', async () => {
  const source = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'migrate-revisions-')), 'tiltak.db'));
  const plan = hoylandet();
  const [first, second] = allMeasures(plan);
  await source.plans.savePlan(plan);
  // Version 1 archived by an adopted revision that renumbered the first measure…
  const draft = await source.versions.saveDraft(
    { plan, startedAt: '2026-01-05T08:00:00.000Z', startedBy: BY },
    undefined,
  );
  const adopted = renumberMeasure(plan, first!.id, '9.9');
  await source.versions.adoptDraft(
    adopted,
    { planId: plan.id, number: 1, plan, archivedAt: '2026-02-01T08:00:00.000Z', archivedBy: BY },
    draft.version,
  );
  // …and the next revision under way, with the second measure renumbered.
  const reworded = renumberMeasure(adopted, second!.id, '8.8');
  await source.versions.saveDraft({ plan: reworded, startedAt: '2026-11-01T08:00:00.000Z', startedBy: BY }, undefined);

  const target = await openSharePointStore(t.graph, t.standIn.siteId);
  const summary = await migrateToSharePoint(source, target);
  expect(summary.versions).toEqual({ created: 1, existing: 0 });
  expect(summary.drafts).toEqual({ written: 1, unchanged: 0 });

  expect(await target.plans.getPlan(plan.id)).toEqual(adopted);
  const versions = await target.versions.listVersions(plan.id);
  expect(versions).toEqual([
    expect.objectContaining({ number: 1, archivedAt: '2026-02-01T08:00:00.000Z', archivedBy: BY, title: plan.title }),
  ]);
  expect(versions[0]?.measures).toBe(allMeasures(plan).length);
  expect((await target.versions.getVersion(plan.id, 1))?.plan).toEqual(plan);
  const copied = await target.versions.getDraft(plan.id);
  expect(copied).toMatchObject({ startedAt: '2026-11-01T08:00:00.000Z', startedBy: BY });
  expect(copied?.plan).toEqual(reworded);

  const again = await migrateToSharePoint(source, target);
  source.close();
  expect(again.versions).toEqual({ created: 0, existing: 1 });
  expect(again.drafts).toEqual({ written: 0, unchanged: 1 });
  expect(await target.versions.listVersions(plan.id)).toHaveLength(1);
  expect((await target.versions.getVersion(plan.id, 1))?.plan).toEqual(plan);
});
