/**
 * The Graph stand-in refuses what Graph refuses (each rule cited in test/fakes): tokens, app
 * permissions and site roles, one indexed filter field at a time, unique values without regard to
 * case, the PATCH answer without ETag, 20 indexes per list, $batch's rules, resource units, and
 * the TeamsAppInstallation …SelfForUser rule. Raw HTTP against it, so nothing of ours smooths it.
 */
import { startTestGraph, SERVICE_APP, type TestGraph } from '../support/graph';

let t: TestGraph;
let token: string;
beforeAll(async () => {
  t = await startTestGraph();
  await t.provision();
  token = await t.standIn.issueToken(SERVICE_APP.clientId);
});
afterAll(() => t?.close());

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await t.fetch(`${t.standIn.baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

const site = () => `/sites/${t.standIn.siteId}`;
const listId = (name: string) => t.standIn.list(name)!.id;
const reports = () => `${site()}/lists/${listId('Tiltak - statusrapporter')}`;

describe('tokens and permissions', () => {
  it('answers 401 without a token, with a token for another audience, and for an unknown secret', async () => {
    const bare = await t.fetch(`${t.standIn.baseUrl}${site()}`, { method: 'GET' });
    expect(bare.status).toBe(401);
    const other = await t.standIn.tokens.issue(
      SERVICE_APP.clientId,
      'municipality-tenant',
      'https://api.botframework.com',
    );
    const wrongAudience = await t.fetch(`${t.standIn.baseUrl}${site()}`, {
      headers: { Authorization: `Bearer ${other}` },
    });
    expect(wrongAudience.status).toBe(401);
    const login = await t.fetch(`${t.standIn.origin}/municipality-tenant/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: SERVICE_APP.clientId,
        client_secret: 'wrong',
        scope: `${t.standIn.origin}/.default`,
      }).toString(),
    });
    expect(login.status).toBe(401);
  });

  it('lets `write` change items but not lists or columns; `manage` may', async () => {
    const column = { name: 'Extra', text: {}, indexed: false, enforceUniqueValues: false };
    expect((await call('POST', `${reports()}/columns`, column)).status).toBe(403);
    expect(
      (await call('POST', `${site()}/lists`, { displayName: 'Ny liste', list: { template: 'genericList' } })).status,
    ).toBe(403);
    const created = await call('POST', `${site()}/lists/${listId('Tiltak - endringslogg')}/items`, {
      fields: {
        EntryId: 'e-1',
        PlanId: 'p',
        At: '2026-01-01T10:00:00Z',
        Action: 'x',
        ActorId: 'a',
        ActorName: 'A',
        Details: '{}',
      },
    });
    expect(created.status).toBe(201);
    await expect(t.admin.post(`${reports()}/columns`, column)).resolves.toMatchObject({ name: 'Extra' });
  });

  it('answers 403 per request inside a $batch when the app lacks the permission', async () => {
    t.standIn.registerApp({ clientId: 'no-directory', secret: 's', roles: ['Sites.Selected'], siteRole: 'read' });
    token = await t.standIn.issueToken('no-directory');
    const reply = await call('POST', '/$batch', {
      requests: [
        { id: '1', method: 'GET', url: '/users/kari@example.org' },
        { id: '2', method: 'GET', url: `${site()}` },
      ],
    });
    token = await t.standIn.issueToken(SERVICE_APP.clientId);
    const statuses = Object.fromEntries(
      (reply.body.responses as { id: string; status: number }[]).map((r) => [r.id, r.status]),
    );
    expect(reply.status).toBe(200);
    expect(statuses).toEqual({ '1': 403, '2': 200 });
  });

  it('installs with …SelfForUser only the Teams app whose webApplicationInfo.id is the caller', async () => {
    const apps = t.standIn.teamsApps;
    apps.users.add('u1');
    apps.catalog.set('ours', { webApplicationInfoId: SERVICE_APP.clientId });
    apps.catalog.set('theirs', { webApplicationInfoId: 'someone-else' });
    const bind = (id: string) => ({ 'teamsApp@odata.bind': `${t.standIn.baseUrl}/appCatalogs/teamsApps/${id}` });
    expect((await call('POST', '/users/u1/teamwork/installedApps', bind('theirs'))).status).toBe(403);
    expect((await call('POST', '/users/u1/teamwork/installedApps', bind('ours'))).status).toBe(201);
    expect((await call('POST', '/users/u1/teamwork/installedApps', bind('ours'))).status).toBe(409);
  });
});

describe('list items', () => {
  const report = (key: string) => ({
    fields: {
      ReportKey: key,
      ReportId: key,
      PlanId: 'p',
      PeriodId: '2026',
      PeriodKey: 'p/2026',
      MeasureId: 'm',
      Status: 'done',
      ReportedById: 'u',
      ReportedByName: 'U',
      ReportedAt: '2026-01-10T09:00:00.123Z',
      SubmissionId: 's',
    },
  });

  it('compares unique values without regard to case, answering with SharePoint’s message (not 409)', async () => {
    expect((await call('POST', `${reports()}/items`, report('Key-A'))).status).toBe(201);
    const duplicate = await call('POST', `${reports()}/items`, report('key-a'));
    expect(duplicate.status).toBe(400);
    expect(JSON.stringify(duplicate.body)).toContain(
      'duplicate values were found in the following field(s) in the list: [ReportKey]',
    );
  });

  it('keeps times to the second and matches text without regard to case', async () => {
    const found = await call(
      'GET',
      `${reports()}/items?$expand=fields&$filter=${encodeURIComponent("fields/ReportKey eq 'KEY-A'")}`,
    );
    const [item] = found.body.value as { fields: Record<string, unknown> }[];
    expect(item?.fields).toMatchObject({ ReportKey: 'Key-A', ReportedAt: '2026-01-10T09:00:00Z' });
  });

  it('refuses two indexed fields in one filter, and a non-indexed one without the Prefer header', async () => {
    const two = encodeURIComponent("fields/PlanId eq 'p' and fields/PeriodKey eq 'p/2026'");
    expect((await call('GET', `${reports()}/items?$filter=${two}`)).status).toBe(400);
    const plain = encodeURIComponent("fields/MeasureId eq 'm'");
    expect((await call('GET', `${reports()}/items?$filter=${plain}`)).status).toBe(400);
    const honoured = await call('GET', `${reports()}/items?$filter=${plain}`, undefined, {
      Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly',
    });
    expect(honoured.status).toBe(200);
  });

  it('answers a PATCH of fields with the fields and no ETag; the item read gives the new one', async () => {
    const created = await call('POST', `${reports()}/items`, report('patched'));
    const id = created.body.id as string;
    const patched = await call(
      'PATCH',
      `${reports()}/items/${id}/fields`,
      { MeasureId: 'm2' },
      { 'If-Match': created.body.eTag as string },
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ MeasureId: 'm2' });
    expect(patched.body['@odata.etag']).toBeUndefined();
    expect(patched.headers.get('ETag')).toBeNull();
    const read = await call('GET', `${reports()}/items/${id}`);
    expect(read.body.eTag).not.toBe(created.body.eTag);
    const stale = await call(
      'PATCH',
      `${reports()}/items/${id}/fields`,
      { MeasureId: 'm3' },
      { 'If-Match': created.body.eTag as string },
    );
    expect(stale.status).toBe(412);
  });

  it('allows at most 20 indexed columns in a list', async () => {
    const path = `${site()}/lists/${listId('Tiltak - planer')}/columns`;
    const indexed = t.standIn.list('Tiltak - planer')!.columns.filter((c) => c.indexed).length;
    for (let i = indexed; i < 20; i++)
      await t.admin.post(path, { name: `Idx${i}`, text: {}, indexed: true, enforceUniqueValues: false });
    await expect(
      t.admin.post(path, { name: 'OneTooMany', text: {}, indexed: true, enforceUniqueValues: false }),
    ).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('at most 20 indexed columns'),
    });
  });
});

describe('$batch', () => {
  it('refuses more than 20 requests, duplicate ids in any case, and a dependsOn naming nothing', async () => {
    const get = (id: string) => ({ id, method: 'GET', url: site() });
    expect(
      (await call('POST', '/$batch', { requests: Array.from({ length: 21 }, (_, i) => get(String(i))) })).status,
    ).toBe(400);
    expect((await call('POST', '/$batch', { requests: [get('a'), get('A')] })).status).toBe(400);
    expect((await call('POST', '/$batch', { requests: [{ ...get('1'), dependsOn: ['9'] }] })).status).toBe(400);
  });

  it('answers in another order than asked, and 424 for a request whose dependency failed', async () => {
    const reply = await call('POST', '/$batch', {
      requests: [
        { id: '1', method: 'GET', url: `${site()}/lists/no-such-list` },
        { id: '2', method: 'GET', url: site(), dependsOn: ['1'] },
        { id: '3', method: 'GET', url: site() },
      ],
    });
    const responses = reply.body.responses as { id: string; status: number }[];
    expect(responses.map((r) => r.id)).not.toEqual(['1', '2', '3']);
    expect(Object.fromEntries(responses.map((r) => [r.id, r.status]))).toEqual({ '1': 404, '2': 424, '3': 200 });
  });

  it('throttles the $batch itself too', async () => {
    t.standIn.batchFaults.push({ kind: 'throttle', retryAfterSeconds: 120 });
    const reply = await call('POST', '/$batch', { requests: [{ id: '1', method: 'GET', url: site() }] });
    expect(reply.status).toBe(429);
    expect(reply.headers.get('Retry-After')).toBe('120');
  });
});

describe('resource units', () => {
  afterEach(() => {
    t.standIn.resourceUnits.limit = undefined;
    t.standIn.resourceUnits.now = Date.now;
  });

  it('charges each request its units, warns at 80 % with RateLimit-* headers, and throttles past the budget until the window frees', async () => {
    let now = 1_000_000;
    t.standIn.resourceUnits.now = () => now;
    t.standIn.resourceUnits.limit = { perMinute: 10 };
    const list = `${reports()}/items?$top=1`;
    for (let i = 0; i < 3; i++) expect((await call('GET', list)).status).toBe(200); // 2 units each
    const warned = await call('GET', list); // 8 of 10
    expect(warned.headers.get('RateLimit-Limit')).toBe('10');
    expect(warned.headers.get('RateLimit-Remaining')).toBe('2');
    expect((await call('GET', list)).status).toBe(200); // 10 of 10
    now += 20_000;
    const throttled = await call('GET', list);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('Retry-After')).toBe('40'); // until the first of them leaves the minute
    now += 41_000;
    expect((await call('GET', `${site()}`)).status).toBe(200);
  });
});
