/** The tab's JSON API and static files in local development (no Entra ID): open on loopback only. */
import type { Request } from 'restify';
import { RATE_LIMITS } from '../../bot/src/http/server';
import { HttpError } from '../../bot/src/http/http-errors';
import { errorResponse } from '../../bot/src/http/error-response';
import { refuseUnlessLoopback } from '../../bot/src/http/sign-in';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  AuditResponse,
  DevUsersResponse,
  GoalTable,
  ImportPreview,
  ImportProblem,
  PlansResponse,
  SessionResponse,
} from '../../bot/src/contract/api-types';
import { ALEX, HOYLANDET_ID, MEGAN, ROOT } from '../support/demo';
import { startTestService, type TestService } from '../support/service';

jest.setTimeout(30_000);

describe('the tab API in local development', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.close());

  const get = (path: string) => fetch(`${service.url}${path}`);

  it('lists the demo plans and serves a goal table for the current period', async () => {
    const plans = (await (await get('/api/v1/plans')).json()) as PlansResponse;
    expect(plans.plans.map((p) => p.id)).toEqual([
      'ardal-laerdal-2020-2025',
      'ddo-2017-2020',
      HOYLANDET_ID,
      'sandefjord-2021-2024',
      'stord-2022',
    ]);
    expect(plans.plans.find((p) => p.id === 'ardal-laerdal-2020-2025')).toEqual({
      id: 'ardal-laerdal-2020-2025',
      title: 'Felles digitaliseringstrategi 2020–2025',
      owners: ['Årdal kommune', 'Lærdal kommune'],
      language: 'nn',
    });
    const response = await get(`/api/v1/plans/${HOYLANDET_ID}/goal-table`);
    expect(response.status).toBe(200);
    const table = (await response.json()) as GoalTable;
    expect(table.plan.levels).toEqual(['Hovedmål', 'Strategi', 'Tiltak']);
    expect(table.goals).toHaveLength(7);
    expect(table.counts).toEqual({ measures: 44, reported: 0, noOneResponsible: 6, overdue: 0, closed: 0 });
  });

  it('serves an older period on request and explains bad requests', async () => {
    expect(
      ((await (await get(`/api/v1/plans/${HOYLANDET_ID}/goal-table?period=2025-01`)).json()) as GoalTable).period,
    ).toEqual({
      id: '2025-01',
      start: '2024-02-01',
      end: '2025-01-31',
    });
    expect((await get('/api/v1/plans/no-such-plan/goal-table')).status).toBe(404);
    expect((await get(`/api/v1/plans/${HOYLANDET_ID}/goal-table?period=2025-T1`)).status).toBe(400);
    expect((await get(`/api/v1/plans/${HOYLANDET_ID}/goal-table?period=%27%20or%201=1`)).status).toBe(400);
    expect((await get('/api/v1/plans/..%2F..%2Fetc/goal-table')).status).toBe(400);
  });

  it('says it runs in development mode, so the tab can show the banner', async () => {
    expect(await (await get('/api/v1/session')).json()).toEqual({
      mode: 'dev',
      userName: 'Lokal utvikler',
      canImportPlans: true,
    });
  });

  it('sends security headers that let Teams, and only Teams, frame the tab', async () => {
    const response = await get('/healthz');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(
      /frame-ancestors 'self' https:\/\/teams\.microsoft\.com/,
    );
    expect(await (await get('/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('refuses callers that are not on this machine', () => {
    let refusal: unknown = 'not refused';
    try {
      refuseUnlessLoopback({ socket: { remoteAddress: '10.0.0.7' } } as unknown as Request);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(HttpError);
    const sent = errorResponse(refusal, 'nb');
    expect({ status: sent.status, body: sent.body }).toEqual({
      status: 403,
      body: expect.objectContaining({ error: 'loopback_only' }),
    });
    expect(() => refuseUnlessLoopback({ socket: { remoteAddress: '127.0.0.1' } } as unknown as Request)).not.toThrow();
  });
});

describe('importing and exporting plans through the tab API', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.close());

  const post = (path: string, body: unknown) =>
    fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const upload = (fileName: string, content: Buffer | string, extra: Record<string, unknown> = {}) => ({
    fileName,
    content: Buffer.from(content).toString('base64'),
    ...extra,
  });

  it('exports a plan as a workbook that imports back as the same plan', async () => {
    const response = await fetch(`${service.url}/api/v1/plans/stord-2022/export.xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="stord-2022.xlsx"');
    const workbook = Buffer.from(await response.arrayBuffer());
    const preview = await post('/api/v1/imports/preview', upload('stord-2022.xlsx', workbook));
    expect(preview.status).toBe(200);
    const body = (await preview.json()) as ImportPreview;
    expect(body.exists).toBe(true);
    expect(body.table.plan.id).toBe('stord-2022');
    expect(body.table.counts.measures).toBe(29);
  });

  it('previews a pasted goal table without saving, and explains what is missing', async () => {
    const table = 'Hovedmål\tStrategi\tTiltak\tAnsvarlig / Måleindikator\tStatus\nMål 1 A\t1.1 B\t1.1.1 C\tRektor\t\n';
    const missing = await post('/api/v1/imports/preview', upload('plan.txt', table));
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { problems: ImportProblem[] }).problems.map((p) => p.fact)).toEqual([
      'title',
      'owners',
      'fromYear',
    ]);
    const facts = { title: 'IKT-plan', owners: ['Test kommune'], fromYear: 2025, toYear: 2028 };
    const preview = await post('/api/v1/imports/preview', upload('plan.txt', table, { facts, lang: 'nb-NO' }));
    const body = (await preview.json()) as ImportPreview;
    expect(body.table.plan.id).toBe('test-2025-2028');
    expect(body.warnings).toEqual([{ where: 'linje 2', message: '1.1.1 har ingen måleindikator.' }]);
    const plans = (await (await fetch(`${service.url}/api/v1/plans`)).json()) as PlansResponse;
    expect(plans.plans.map((p) => p.id)).not.toContain('test-2025-2028');

    expect((await post('/api/v1/plans', upload('plan.txt', table, { facts }))).status).toBe(201);
    expect((await post('/api/v1/plans', upload('plan.txt', table, { facts }))).status).toBe(409);
    expect((await post('/api/v1/plans', upload('plan.txt', table, { facts, replace: true }))).status).toBe(200);
  });

  it('refuses what is not a plan file', async () => {
    expect((await post('/api/v1/imports/preview', upload('plan.exe', 'MZ'))).status).toBe(400);
    expect((await post('/api/v1/imports/preview', { fileName: 'plan.txt', content: 'not base64!' })).status).toBe(400);
    const notWorkbook = await post('/api/v1/imports/preview', upload('plan.xlsx', 'hello', { lang: 'nb-NO' }));
    expect(notWorkbook.status).toBe(422);
    expect(await notWorkbook.json()).toEqual({
      error: 'import_failed',
      problems: [
        {
          where: 'fil',
          message: 'Filen kan ikke leses som Excel-arbeidsbok. Er den skadet, eller har den feil filendelse?',
        },
      ],
    });
  });
});

describe('rate limits on the public endpoints', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({}, { rateLimits: RATE_LIMITS });
  });
  afterAll(() => service.close());

  it('answers a flood from one address with 429 and says when to come back', async () => {
    const burst = RATE_LIMITS.tabApi.burst;
    const responses = await Promise.all(
      Array.from({ length: burst * 2 }, () => fetch(`${service.url}/api/v1/session`)),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(burst);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    const limited = responses.find((r) => r.status === 429);
    expect(limited?.headers.get('x-ratelimit-limit')).toBe(String(burst));
  });
});

describe('the dev login (local development only)', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.close());

  const as = (userId: string | undefined, path: string, init: RequestInit = {}) =>
    fetch(`${service.url}${path}`, {
      ...init,
      headers: { 'Content-Type': 'application/json', ...(userId ? { 'X-Tiltak-Dev-User': userId } : {}) },
    });
  const replaceHoylandet = (userId: string) =>
    as(userId, '/api/v1/plans', {
      method: 'POST',
      body: JSON.stringify({
        fileName: 'hoylandet-2023-2027.txt',
        content: readFileSync(join(ROOT, 'bot/demo/plans/hoylandet-2023-2027.txt')).toString('base64'),
        replace: true,
      }),
    });

  it("offers the directory's people", async () => {
    const body = (await (await as(undefined, '/api/v1/dev/users')).json()) as DevUsersResponse;
    expect(body.users.map((u) => u.name)).toEqual([
      'Alex Wilber',
      'Megan Bowen',
      'Adele Vance',
      'Isaiah Langer',
      'Patti Fernandez',
      'Lynne Robbins',
    ]);
  });

  it('acts as the chosen person, with exactly their roles', async () => {
    expect(await (await as(MEGAN.userId, '/api/v1/session')).json()).toEqual({
      mode: 'dev',
      userName: 'Megan Bowen',
      canImportPlans: false,
    });
    expect((await as(MEGAN.userId, `/api/v1/plans/${HOYLANDET_ID}/export.xlsx`)).status).toBe(403);
    expect((await replaceHoylandet(MEGAN.userId)).status).toBe(403);
    expect((await replaceHoylandet(ALEX.userId)).status).toBe(200); // Alex coordinates Høylandet
    const trail = (await (await as(ALEX.userId, `/api/v1/plans/${HOYLANDET_ID}/audit`)).json()) as AuditResponse;
    expect(trail.entries.map((e) => [e.action, e.actor.name])).toEqual([
      ['plan-imported', 'Tiltak (demoplaner)'],
      ['plan-replaced', 'Alex Wilber'],
    ]);
    expect((await as(MEGAN.userId, `/api/v1/plans/${HOYLANDET_ID}/audit`)).status).toBe(403);
    expect((await as('nobody-we-know', '/api/v1/session').then((r) => r.json())) as SessionResponse).toMatchObject({
      userName: 'Lokal utvikler',
    });
  });
});
