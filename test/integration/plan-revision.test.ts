/**
 * Stord's coordinator revises the plan for the new year through the tab's API (the "done means" of
 * issue 18's yearly revision): starts a revision, strikes out a measure no one reported on,
 * renumbers and rewords the one below it, adopts; the old report stays with its measure under its
 * new number, and the earlier version stays readable with its reports. Also: the revised document
 * imported and matched against the plan, If-Match on every change to the draft, the audit trail,
 * and routes × roles (coordinator, leader, reader).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditResponse, GoalTableResponse } from '../../bot/src/contract/api-types';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import type { RevisionView } from '../../bot/src/app/plan-revision';
import { allMeasures } from '../../bot/src/domain/plan';
import { HOYLANDET_ID, hoylandet, ROOT } from '../support/demo';
import { startTestService, type TestService } from '../support/service';

jest.setTimeout(60_000);

const STORD = 'stord-2022';
const COORDINATOR = { userId: 'diana', name: 'Diana Stord', roles: [], coordinatorOf: [STORD] };
const LEADER = { userId: 'leif', name: 'Leif Leiar', roles: [], coordinatorOf: [], leaderOf: [STORD] };
const READER = { userId: 'rita', name: 'Rita Lesar', roles: [], coordinatorOf: [] };

let service: TestService;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'revision-'));
  writeFileSync(join(dir, 'directory.json'), JSON.stringify({ people: [COORDINATOR, LEADER, READER] }));
  service = await startTestService({ DIRECTORY_FILE: join(dir, 'directory.json') });
});
afterAll(async () => {
  await service?.close();
});

const as = (userId: string, path: string, init: RequestInit = {}) =>
  fetch(`${service.url}/api/v1/plans/${STORD}${path}`, {
    ...init,
    headers: {
      'Content-Type': 'application/json',
      'Accept-Language': 'nn',
      'X-Tiltak-Dev-User': userId,
      ...(init.headers as Record<string, string> | undefined),
    },
  });
const coordinator = (path: string, init: RequestInit = {}) => as(COORDINATOR.userId, path, init);
const revision = async () => {
  const response = await coordinator('/revision');
  return { view: (await response.json()) as RevisionView, etag: response.headers.get('ETag') as string };
};

it('lets only coordinators revise, and everyone who sees the plan read its versions', async () => {
  for (const who of [LEADER, READER]) {
    expect((await as(who.userId, '/revision', { method: 'POST' })).status).toBe(403);
    expect((await as(who.userId, '/revision')).status).toBe(403);
    expect((await as(who.userId, '/revision/adopt', { method: 'POST', headers: { 'If-Match': '"x"' } })).status).toBe(
      403,
    );
    expect((await as(who.userId, '/revision', { method: 'DELETE', headers: { 'If-Match': '"x"' } })).status).toBe(403);
    const edit = await as(who.userId, '/revision/measures/3.1', {
      method: 'PATCH',
      headers: { 'If-Match': '"x"' },
      body: JSON.stringify({ number: '9.9' }),
    });
    expect(edit.status).toBe(403);
    const versions = await as(who.userId, '/versions');
    expect(versions.status).toBe(200);
    expect(await versions.json()).toEqual({ versions: [], current: 1 });
  }
  const none = await coordinator('/revision');
  expect(none.status).toBe(404);
  expect(await none.json()).toMatchObject({ error: 'revision_not_found' });
  expect((await coordinator('/revision/adopt', { method: 'POST' })).status).toBe(428);
  expect((await as(READER.userId, '/versions/1')).status).toBe(404);
});

it('revises the plan: struck out, renumbered and reworded, adopted; the old report stays with its measure', async () => {
  const store = openSqliteStore(service.databasePath);
  try {
    await store.reports.appendReports([
      {
        id: 'r-3.2',
        planId: STORD,
        measureId: '3.2',
        periodId: '2026-01',
        status: 'on_track',
        comment: 'Helsestasjonen er i gang',
        reportedBy: { userId: 'birthe', name: 'Birthe' },
        reportedAt: '2026-01-10T09:00:00.000Z',
        submissionId: 's-3.2',
      },
    ]);
  } finally {
    store.close();
  }

  const started = await coordinator('/revision', { method: 'POST' });
  expect(started.status).toBe(201);
  expect((await coordinator('/revision', { method: 'POST' })).status).toBe(409);
  let { etag } = await revision();

  // 3.1 goes (no one reported on it); 3.2, DigiHelsestasjon, moves up to 3.1 with new words.
  const deleted = await coordinator('/revision/measures/3.1', { method: 'DELETE', headers: { 'If-Match': etag } });
  expect(deleted.status).toBe(204);
  const stale = await coordinator('/revision/measures/3.2', {
    method: 'PATCH',
    headers: { 'If-Match': etag },
    body: JSON.stringify({ number: '3.1' }),
  });
  expect(stale.status).toBe(412);
  ({ etag } = await revision());
  const renumbered = await coordinator('/revision/measures/3.2', {
    method: 'PATCH',
    headers: { 'If-Match': etag },
    body: JSON.stringify({ number: '3.1', text: 'Ta i bruk DigiHelsestasjon for alle familiar' }),
  });
  expect(renumbered.status).toBe(200);

  const { view, etag: current } = await revision();
  expect(view.diff.removed).toEqual([expect.objectContaining({ id: '3.1', number: '3.1', reported: false })]);
  expect(view.diff.renumbered).toEqual([expect.objectContaining({ id: '3.2', from: '3.2', number: '3.1' })]);
  expect(view.diff.changed).toEqual([expect.objectContaining({ id: '3.2', fields: ['text'] })]);
  // The plan in force is untouched until the revision is adopted.
  const before = (await (await coordinator('/goal-table?period=2026-01')).json()) as GoalTableResponse;
  expect(rowsOf(before).find((m) => m.id === '3.1')?.text).toMatch(/^Innføre/);

  expect((await coordinator('/revision/adopt', { method: 'POST', headers: { 'If-Match': etag } })).status).toBe(412);
  const adopted = await coordinator('/revision/adopt', { method: 'POST', headers: { 'If-Match': current } });
  expect(adopted.status).toBe(200);
  expect(await adopted.json()).toMatchObject({ version: 2 });
  expect((await coordinator('/revision')).status).toBe(404);

  // The measure is 3.1 now, and its report from before the revision is still its own.
  const after = (await (await as(READER.userId, '/goal-table?period=2026-01')).json()) as GoalTableResponse;
  const helsestasjon = rowsOf(after).find((m) => m.number === '3.1');
  expect(helsestasjon).toMatchObject({ id: '3.2', text: 'Ta i bruk DigiHelsestasjon for alle familiar' });
  expect(helsestasjon?.status).toMatchObject({ code: 'on_track', comment: 'Helsestasjonen er i gang' });
  expect(rowsOf(after).some((m) => m.number === '3.2')).toBe(false);

  // Version 1 reads as it was, with the same report.
  const versions = await (await as(READER.userId, '/versions')).json();
  expect(versions).toMatchObject({ current: 2, versions: [{ number: 1, archivedBy: { name: COORDINATOR.name } }] });
  const old = (await (await as(READER.userId, '/versions/1?period=2026-01')).json()) as { table: GoalTableResponse };
  const oldRows = rowsOf(old.table);
  expect(oldRows.find((m) => m.id === '3.1')?.text).toMatch(/^Innføre/);
  expect(oldRows.find((m) => m.id === '3.2')).toMatchObject({ number: '3.2', status: { code: 'on_track' } });

  const { entries } = (await (await coordinator('/audit')).json()) as AuditResponse;
  // The edit is recorded as two entries: its text, then its number.
  expect(entries.map((e) => e.action).slice(-5)).toEqual([
    'revision-started',
    'measure-deleted',
    'measure-edited',
    'measure-edited',
    'revision-adopted',
  ]);
});

it("imports Høylandet's revised document as the draft, matched against the plan, and discards it", async () => {
  // The document the plan was imported from, revised: 1.2.1 reworded, 1.2.2 moved to 1.2.3, a new 1.2.2.
  const source = readFileSync(join(ROOT, 'bot/demo/plans/hoylandet-2023-2027.txt'), 'utf8')
    .replace('1.2.1 Opprette en kommunikasjonsstrategi', '1.2.1 Opprette og vedta en kommunikasjonsstrategi')
    .replace(
      '\t\t1.2.2 Opprette en redaksjon',
      '\t\t1.2.2 Lage en publiseringsplan for nettsiden\tInformasjonsansvarlig Måleindikator: Plan vedtatt\t\n\t\t1.2.3 Opprette en redaksjon',
    );
  const local = (path: string, init: RequestInit = {}) =>
    fetch(`${service.url}/api/v1/plans/${HOYLANDET_ID}${path}`, {
      ...init,
      headers: { 'Content-Type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
    });
  const imported = await local('/revision/import', {
    method: 'POST',
    body: JSON.stringify({ fileName: 'hoylandet-2024.txt', content: Buffer.from(source).toString('base64') }),
  });
  expect(imported.status).toBe(200);
  const view = (await imported.json()) as RevisionView;
  expect(view.diff.added.map((m) => m.number)).toEqual(['1.2.2']);
  expect(view.diff.added[0]?.id).not.toBe('1.2.2'); // the id stays the old 1.2.2's, whose reports are its own
  expect(view.diff.renumbered).toEqual([expect.objectContaining({ id: '1.2.2', from: '1.2.2', number: '1.2.3' })]);
  expect(view.diff.changed).toEqual([expect.objectContaining({ id: '1.2.1', fields: ['text'] })]);
  expect(view.diff.removed).toEqual([]);
  expect(view.diff.unchanged).toBe(allMeasures(hoylandet()).length - 2);
  const etag = imported.headers.get('ETag') as string;
  // A second import replaces the draft only at the version it names.
  const again = {
    method: 'POST',
    body: JSON.stringify({ fileName: 'hoylandet-2024.txt', content: Buffer.from(source).toString('base64') }),
  };
  expect((await local('/revision/import', again)).status).toBe(412);
  expect((await local('/revision', { method: 'DELETE', headers: { 'If-Match': '"old"' } })).status).toBe(412);
  expect((await local('/revision', { method: 'DELETE', headers: { 'If-Match': etag } })).status).toBe(204);
  expect((await local('/revision')).status).toBe(404);
});

function rowsOf(table: Pick<GoalTableResponse, 'goals'>): GoalTableResponse['goals'][number]['measures'] {
  const out: GoalTableResponse['goals'][number]['measures'] = [];
  const walk = (nodes: GoalTableResponse['goals']): void => {
    for (const node of nodes) {
      out.push(...node.measures);
      walk(node.children);
    }
  };
  walk(table.goals);
  return out;
}
