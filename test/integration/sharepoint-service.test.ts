/**
 * The service with STORAGE=sharepoint against the Graph stand-in (signing in with msal-node):
 * demo plans land in the lists, the goal table reads from them, and a coordinator's measure edit
 * is guarded by the item's ETag — the second of two editors gets 412 and the newer version; a
 * locked period's report is filed in the site's documents; and when SharePoint throttles for
 * minutes, the tab and a card answer say so at once (503 with Retry-After; nothing saved).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  GoalTableResponse,
  LockOutcome,
  MeasureConflictResponse,
  MeasureResponse,
  OverviewResponse,
} from '../../bot/src/contract/api-types';
import { ALEX, HOYLANDET_ID, MEGAN } from '../support/demo';
import { startTestGraph, type TestGraph } from '../support/graph';
import { startTestService, type TestService } from '../support/service';

// Locking renders the report in three formats (the tagged PDF and Word take seconds on a busy machine).
jest.setTimeout(30_000);

let t: TestGraph;
let service: TestService;

beforeAll(async () => {
  t = await startTestGraph();
  await t.provision();
  service = await startTestService(
    { ...t.sharePointEnv(), OUTBOX_PATH: join(mkdtempSync(join(tmpdir(), 'sp-service-')), 'outbox.db') },
    // After the deadline of "status pr. januar 2027", so that period can be locked.
    { graphFetch: t.fetch, clock: { now: () => new Date('2027-02-10T10:00:00Z') } },
  );
}, 60_000);
afterAll(async () => {
  await service?.close();
  await t?.close();
});

const as = (user: { userId: string }, path: string, init: RequestInit = {}) =>
  fetch(`${service.url}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', 'X-Tiltak-Dev-User': user.userId, ...(init.headers as object) },
  });

it('loads the demo plans into the lists and reads a goal table from them', async () => {
  const response = await as(ALEX, `/api/v1/plans/${HOYLANDET_ID}/goal-table`);
  expect(response.status).toBe(200);
  const table = (await response.json()) as GoalTableResponse;
  expect(table.counts.measures).toBeGreaterThan(10);
  expect(table.permissions.edit).toBe(true);
});

it('lets the second of two editors know someone else saved first, with the new version', async () => {
  const path = `/api/v1/plans/${HOYLANDET_ID}/measures/1.1.1`;
  const read = await as(ALEX, path);
  const etag = read.headers.get('ETag') as string;
  expect(((await read.json()) as MeasureResponse).version).toBe(etag);

  const first = await as(ALEX, path, {
    method: 'PATCH',
    headers: { 'If-Match': etag },
    body: JSON.stringify({ text: 'Første redigering' }),
  });
  expect(first.status).toBe(200);
  const second = await as(ALEX, path, {
    method: 'PATCH',
    headers: { 'If-Match': etag },
    body: JSON.stringify({ text: 'Andre redigering' }),
  });
  expect(second.status).toBe(412);
  const conflict = (await second.json()) as MeasureConflictResponse;
  expect(conflict.current.measure.text).toBe('Første redigering');
  expect(conflict.current.version).toBe(first.headers.get('ETag'));

  const audit = (await (await as(ALEX, `/api/v1/plans/${HOYLANDET_ID}/audit`)).json()) as {
    entries: { action: string }[];
  };
  expect(audit.entries.filter((e) => e.action === 'measure-edited')).toHaveLength(1);
});

it('refuses edits from someone who does not coordinate the plan, and edits without a version', async () => {
  const path = `/api/v1/plans/${HOYLANDET_ID}/measures/1.1.1`;
  const etag = (await as(MEGAN, path)).headers.get('ETag') as string;
  expect(
    (await as(MEGAN, path, { method: 'PATCH', headers: { 'If-Match': etag }, body: JSON.stringify({ text: 'x' }) }))
      .status,
  ).toBe(403);
  expect((await as(ALEX, path, { method: 'PATCH', body: JSON.stringify({ text: 'x' }) })).status).toBe(428);
  expect(
    (await as(ALEX, path, { method: 'PATCH', headers: { 'If-Match': etag }, body: JSON.stringify({ text: '' }) }))
      .status,
  ).toBe(400);
});

it("files a locked period's report in the site's documents, the same bytes the tab downloads", async () => {
  const locked = await as(ALEX, `/api/v1/plans/${HOYLANDET_ID}/periods/2027-01/lock`, { method: 'POST' });
  expect(locked.status).toBe(201);
  const outcome = (await locked.json()) as LockOutcome;
  expect(outcome.filedAt).toHaveLength(3);
  for (const format of ['xlsx', 'pdf', 'docx']) {
    const filed = t.standIn.files.files.get(`Tiltak-rapporter/${HOYLANDET_ID}/${HOYLANDET_ID}-2027-01.${format}`);
    const download = await as(ALEX, `/api/v1/plans/${HOYLANDET_ID}/report.${format}?period=2027-01`);
    expect(filed?.bytes.equals(Buffer.from(await download.arrayBuffer()))).toBe(true);
  }
});

it('keeps the lock when SharePoint does not take the report, and says so', async () => {
  await as(ALEX, `/api/v1/plans/${HOYLANDET_ID}/periods/2027-01/reopen`, {
    method: 'POST',
    body: JSON.stringify({ reason: 'Ny runde' }),
  });
  t.standIn.files.refuse = true;
  try {
    const locked = await as(ALEX, `/api/v1/plans/${HOYLANDET_ID}/periods/2027-01/lock`, { method: 'POST' });
    expect(locked.status).toBe(201);
    // The status only: Graph's own words can name the site and the service's identity.
    expect(((await locked.json()) as LockOutcome).filingFailed).toBe('403');
    const overview = (await (
      await as(ALEX, `/api/v1/plans/${HOYLANDET_ID}/overview?period=2027-01`)
    ).json()) as OverviewResponse;
    expect(overview.lock?.periodId).toBe('2027-01');
  } finally {
    t.standIn.files.refuse = false;
  }
});

it('tells the tab at once when SharePoint throttles for minutes, with when to try again', async () => {
  t.standIn.faults.push({ kind: 'throttle', retryAfterSeconds: 300 }, { kind: 'throttle', retryAfterSeconds: 300 });
  const started = Date.now();
  const response = await as(ALEX, `/api/v1/plans/${HOYLANDET_ID}/goal-table`);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(response.status).toBe(503);
  expect(response.headers.get('Retry-After')).toBe('300');
  expect(await response.json()).toMatchObject({ error: 'store_busy', message: expect.stringContaining('5 min') });
  t.standIn.faults.length = 0;
  expect((await as(ALEX, `/api/v1/plans/${HOYLANDET_ID}/goal-table`)).status).toBe(200);
});

it('tells a person answering a card at once when SharePoint throttles for minutes, saving nothing', async () => {
  const invoke = JSON.parse(
    readFileSync(join(__dirname, '../fixtures/activities/invoke-submit-status.json'), 'utf8'),
  ) as object;
  t.standIn.faults.push({ kind: 'throttle', retryAfterSeconds: 300 }, { kind: 'throttle', retryAfterSeconds: 300 });
  const response = await fetch(`${service.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(invoke),
  });
  t.standIn.faults.length = 0;
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({
    value: 'SharePoint is busy right now. Nothing was saved; please try again in 5 min.',
  });
});
