/**
 * The tab API with Teams SSO configured: a valid token from an allowed tenant gets in, everything
 * else gets 401 — never 500, never data. Tokens are made independently with test keys.
 */
import { createHmac } from 'node:crypto';
import { EntraIdIssuer, OTHER_TENANT, TAB_CLIENT_ID, TENANT } from '../fakes/entra-id-issuer';
import { startTestService, type TestService } from '../support/service';

describe('the tab API behind Teams SSO', () => {
  let issuer: EntraIdIssuer;
  let service: TestService;
  beforeAll(async () => {
    issuer = await EntraIdIssuer.start();
    service = await startTestService({
      TAB_AAD_CLIENT_ID: TAB_CLIENT_ID,
      TAB_AAD_TENANT_IDS: TENANT,
      TAB_AAD_JWKS_URL: issuer.jwksUrl,
    });
  });
  afterAll(async () => {
    await service.close();
    await issuer.stop();
  });

  const get = (path: string, token?: string) =>
    fetch(`${service.url}${path}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
  const post = (path: string, body: unknown, token: string) =>
    fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('lets a signed-in user of an allowed tenant in, by name', async () => {
    const response = await get('/api/v1/session', await issuer.token());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ mode: 'sso', userName: 'Alex Wilber', canImportPlans: true });
    expect((await get('/api/v1/plans/hoylandet-2023-2027/goal-table', await issuer.token())).status).toBe(200);
  });

  it('offers no dev login and ignores its header', async () => {
    const token = await issuer.token({ oid: '9f0e1d2c-0000-4000-8000-000000000009', name: 'Leser' });
    expect((await get('/api/v1/dev/users', token)).status).toBe(404);
    const session = await fetch(`${service.url}/api/v1/session`, {
      headers: { Authorization: `Bearer ${token}`, 'X-Tiltak-Dev-User': '00000000-0000-0000-0000-0000000000020' },
    });
    expect(await session.json()).toEqual({ mode: 'sso', userName: 'Leser', canImportPlans: false });
  });

  it('accepts the v1 form too (audience api://…, issuer sts.windows.net)', async () => {
    const v1 = await issuer.token({ aud: `api://${TAB_CLIENT_ID}`, iss: `https://sts.windows.net/${TENANT}/` });
    expect((await get('/api/v1/plans', v1)).status).toBe(200);
  });

  const unsigned = (payload: object) =>
    `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;
  const hs256WithPublicKey = () => {
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: 'entra-test-key' })).toString(
      'base64url',
    );
    const now = Math.floor(Date.now() / 1000);
    const body = Buffer.from(
      JSON.stringify({
        aud: TAB_CLIENT_ID,
        iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        tid: TENANT,
        oid: 'x',
        scp: 'access_as_user',
        exp: now + 3600,
      }),
    ).toString('base64url');
    const signature = createHmac('sha256', JSON.stringify(issuer.publicJwk))
      .update(`${header}.${body}`)
      .digest('base64url');
    return `${header}.${body}.${signature}`;
  };

  const refused: [string, () => Promise<string | undefined>][] = [
    ['no token', async () => undefined],
    ['an expired token', () => issuer.token({}, { expiresIn: -3600 })],
    ['a token not yet valid', () => issuer.token({}, { notBefore: 3600 })],
    ['a token for another app', () => issuer.token({ aud: 'api://someone-else' })],
    ['a token from another issuer', () => issuer.token({ iss: 'https://evil.example/v2.0' })],
    [
      'a token from a tenant that is not allowed',
      () => issuer.token({ tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }),
    ],
    [
      'an issuer that does not match the tenant',
      () => issuer.token({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }),
    ],
    ['a token without the access_as_user scope', () => issuer.token({ scp: 'User.Read' })],
    ['a token signed by another key', () => issuer.token({}, { otherKey: true })],
    [
      'an unsigned token (alg none)',
      async () => unsigned({ aud: TAB_CLIENT_ID, tid: TENANT, oid: 'x', scp: 'access_as_user' }),
    ],
    ['HS256 signed with the public key', async () => hs256WithPublicKey()],
    ['garbage', async () => 'not-a-token'],
  ];

  describe('each role can do exactly what it should', () => {
    // Playground users from bot/demo/directory.json: Alex coordinates Høylandet; Megan is responsible
    // for measures there; the other oids are not in the directory (readers). App roles come in the token.
    const HOYLANDET = 'hoylandet-2023-2027';
    const roles: Record<string, Record<string, unknown>> = {
      reader: { oid: '9f0e1d2c-0000-4000-8000-000000000001', name: 'Lese Leser' },
      responsible: { oid: '00000000-0000-0000-0000-0000000000021', name: 'Megan Bowen' },
      leader: { oid: '9f0e1d2c-0000-4000-8000-000000000002', name: 'Leder', roles: ['Tiltak.Leader'] },
      'plan coordinator': { oid: '00000000-0000-0000-0000-0000000000020', name: 'Alex Wilber' },
      'tenant coordinator': {
        oid: '9f0e1d2c-0000-4000-8000-000000000003',
        name: 'Kari',
        roles: ['Tiltak.Coordinator'],
      },
    };
    const uploadOf = (id: string) => ({
      fileName: 'plan.txt',
      content: Buffer.from(
        'Hovedmål\tStrategi\tTiltak\tAnsvarlig / Måleindikator\tStatus\nMål 1 A\t1.1 B\t1.1.1 C\tRektor\t\n',
      ).toString('base64'),
      facts: { id, title: 'Plan', owners: ['Høylandet kommune'], fromYear: 2025 },
      replace: true,
    });
    // Plan upkeep acts on the plan as an earlier case may have replaced it: its first goal, and a
    // measure of its own made by the tenant coordinator, so that a refusal is about the role alone.
    const coordinator = () => issuer.token(roles['tenant coordinator']);
    let made = 0;
    const newMeasure = () => ({ number: `N${Date.now()}-${made++}`, text: 'Nytt tiltak' });
    const firstGoal = async () =>
      (
        (await (await get(`/api/v1/plans/${HOYLANDET}/goal-table`, await coordinator())).json()) as {
          goals: { id: string }[];
        }
      ).goals[0]?.id ?? '';
    const madeMeasure = async () => {
      const response = await post(
        `/api/v1/plans/${HOYLANDET}/goals/${await firstGoal()}/measures`,
        newMeasure(),
        await coordinator(),
      );
      const body = (await response.json()) as { measure: { id: string } };
      return { id: encodeURIComponent(body.measure.id), etag: response.headers.get('ETag') ?? '' };
    };
    const routes: [string, (token: string) => Promise<Response>][] = [
      ['view the goal table', (token) => get(`/api/v1/plans/${HOYLANDET}/goal-table`, token)],
      ['export the plan', (token) => get(`/api/v1/plans/${HOYLANDET}/export.xlsx`, token)],
      ['read the audit trail', (token) => get(`/api/v1/plans/${HOYLANDET}/audit`, token)],
      ['replace the plan', (token) => post('/api/v1/plans', uploadOf(HOYLANDET), token)],
      ['import a new plan', (token) => post('/api/v1/plans', uploadOf(`ny-plan-${Date.now()}`), token)],
      [
        'edit a measure',
        async (token) => {
          const path = `/api/v1/plans/${HOYLANDET}/measures/1.1.1`;
          const etag = (await get(path, token)).headers.get('ETag') ?? '';
          return fetch(`${service.url}${path}`, {
            method: 'PATCH',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': etag },
            body: JSON.stringify({ indicatorText: `Redigert ${Date.now()}` }),
          });
        },
      ],
      ['start a reminder round', (token) => post(`/api/v1/plans/${HOYLANDET}/rounds`, {}, token)],
      ['follow the reminder round', (token) => get(`/api/v1/plans/${HOYLANDET}/rounds/latest`, token)],
      ['see the substitutes', (token) => get(`/api/v1/plans/${HOYLANDET}/substitutes`, token)],
      [
        'set a substitute',
        async (token) => {
          // Someone who answers for a measure of the plan as it is now (an earlier case replaced it).
          const { people } = (await (
            await get(`/api/v1/plans/${HOYLANDET}/substitutes`, await issuer.token(roles['tenant coordinator']))
          ).json()) as {
            people: { userId: string; responsible: boolean }[];
          };
          const absent = people.find((p) => p.responsible)?.userId ?? '';
          const substitute = people.find((p) => p.userId !== absent)?.userId ?? '';
          const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
          const input = { absentId: absent, substituteId: substitute, from: today, to: today };
          return post(`/api/v1/plans/${HOYLANDET}/substitutes`, input, token);
        },
      ],
      ['read the decisions', (token) => get(`/api/v1/plans/${HOYLANDET}/measures/1.1.1/decisions`, token)],
      [
        'record a decision',
        (token) =>
          post(
            `/api/v1/plans/${HOYLANDET}/measures/1.1.1/decisions`,
            { kind: 'follow-up', text: 'Legg fram en plan', assignee: 'Rådmannen', dueDate: '2030-01-31' },
            token,
          ),
      ],
      [
        'add a goal',
        (token) => post(`/api/v1/plans/${HOYLANDET}/goals`, { number: `M${Date.now()}`, text: 'Nytt mål' }, token),
      ],
      [
        'add a measure',
        async (token) => post(`/api/v1/plans/${HOYLANDET}/goals/${await firstGoal()}/measures`, newMeasure(), token),
      ],
      [
        'move a measure',
        async (token) => {
          const { id } = await madeMeasure();
          const path = `/api/v1/plans/${HOYLANDET}/measures/${id}`;
          const etag = (await get(path, await coordinator())).headers.get('ETag') ?? '';
          return fetch(`${service.url}${path}/move`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': etag },
            body: JSON.stringify({ goalId: await firstGoal() }),
          });
        },
      ],
      [
        'delete a measure',
        async (token) => {
          const { id, etag } = await madeMeasure();
          return fetch(`${service.url}/api/v1/plans/${HOYLANDET}/measures/${id}`, {
            method: 'DELETE',
            headers: { Authorization: `Bearer ${token}`, 'If-Match': etag },
          });
        },
      ],
    ];
    // view, export, audit, replace, import new, edit, start round, follow round, see subst., set subst.,
    // read decisions, record a decision, add goal, add measure, move, delete
    const upkeep = (allowed: boolean) => [allowed, allowed, allowed, allowed];
    const allowed: Record<string, boolean[]> = {
      reader: [true, false, false, false, false, false, false, false, false, false, true, false, ...upkeep(false)],
      responsible: [true, false, false, false, false, false, false, false, false, false, true, false, ...upkeep(false)],
      leader: [true, true, false, false, false, false, false, true, true, false, true, true, ...upkeep(false)],
      'plan coordinator': [true, true, true, true, false, true, true, true, true, true, true, true, ...upkeep(true)],
      'tenant coordinator': [true, true, true, true, true, true, true, true, true, true, true, true, ...upkeep(true)],
    };
    const cases = Object.keys(roles).flatMap((role) =>
      routes.map(([name, call], i) => [role, name, call, allowed[role]?.[i]] as const),
    );

    it.each(cases)('%s: %s → allowed %s', async (role, _route, call, expected) => {
      const response = await call(await issuer.token(roles[role]));
      if (!expected) {
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ error: 'forbidden' });
      } else if (response.status === 404) {
        // Allowed, and there is nothing to see yet: the leader comes before any coordinator started a round.
        expect(await response.json()).toMatchObject({ error: 'no_round' });
      } else if (response.status === 409) {
        // Allowed, and the plan coordinator already started this period's round.
        expect(await response.json()).toMatchObject({ error: 'round_open' });
      } else {
        expect([200, 201, 204]).toContain(response.status);
      }
    });
  });

  it.each(refused)('refuses %s with 401', async (_name, makeToken) => {
    for (const path of ['/api/v1/session', '/api/v1/plans', '/api/v1/plans/hoylandet-2023-2027/goal-table']) {
      const response = await get(path, await makeToken());
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(await response.json()).toMatchObject({ error: 'sign_in_required' });
    }
  });
});
