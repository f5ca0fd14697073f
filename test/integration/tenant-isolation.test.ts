/**
 * One deployment, two tenants (Høylandet's and another municipality's): each sees only its own
 * plans and what hangs off them. The other tenant's coordinator tries every route on Høylandet's
 * plan, Høylandet's coordinator tries the other's, and a person of the other tenant who holds a role
 * with the same name as one in Høylandet's plan tries to answer Høylandet's card in the chat.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlansResponse, RoundProgress } from '../../bot/src/contract/api-types';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { EntraIdIssuer, OTHER_TENANT, TAB_CLIENT_ID, TENANT } from '../fakes/entra-id-issuer';
import { DEMO_DIRECTORY_FILE, HOYLANDET_ID } from '../support/demo';
import { startTestService, talkingTo, type TestService } from '../support/service';

jest.setTimeout(60_000);

const OTHER_PLAN = 'annen-kommune-2025';
const OTHER_PERSON = { userId: 'b7c1d2e3-0000-4000-8000-00000000b001', name: 'Berit i Annen kommune' };
/** Entra ID names every person's tenant, the home tenant's too: still Høylandet's. */
const HOME_PERSON_NAMED = { userId: 'b7c1d2e3-0000-4000-8000-00000000b003', name: 'Hanne i Høylandet' };
const HOME_COORDINATOR = { oid: '9f0e1d2c-0000-4000-8000-000000000003', name: 'Kari', roles: ['Tiltak.Coordinator'] };
const OTHER_COORDINATOR = {
  oid: 'b7c1d2e3-0000-4000-8000-00000000b002',
  name: 'Bjørn',
  roles: ['Tiltak.Coordinator'],
  tid: OTHER_TENANT,
  iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`,
};
/** 10 February 2027: "status pr. januar 2027" is over and may be locked. */
const clock = { now: () => new Date('2027-02-10T10:00:00Z') };

let issuer: EntraIdIssuer;
let connector: ConnectorStandIn;
let service: TestService;

const call = async (who: Record<string, unknown>, path: string, init: RequestInit = {}) =>
  fetch(`${service.url}${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${await issuer.token(who)}`,
      'Content-Type': 'application/json',
      ...(init.headers as Record<string, string> | undefined),
    },
  });
const planFile = (id: string, role: string) => ({
  fileName: 'plan.txt',
  content: Buffer.from(
    `Hovedmål\tStrategi\tTiltak\tAnsvarlig / Måleindikator\tStatus\nMål 1 A\t1.1 B\t1.1.1 C\t${role}\t\n`,
  ).toString('base64'),
  facts: { id, title: 'Annen kommunes plan', owners: ['Annen kommune'], fromYear: 2025, toYear: 2028 },
  replace: true,
});

beforeAll(async () => {
  issuer = await EntraIdIssuer.start();
  connector = await ConnectorStandIn.start();
  connector.knows('abe5689c-8500-44d0-beee-83bcff7731bb'); // the recorded activities' chat
  const dir = mkdtempSync(join(tmpdir(), 'tenants-'));
  const directory = JSON.parse(readFileSync(DEMO_DIRECTORY_FILE, 'utf8')) as { people: object[] };
  // Same role name as Høylandet's "Fagleder digitalisering", in the other municipality.
  directory.people.push({
    ...OTHER_PERSON,
    roles: ['Fagleder digitalisering'],
    coordinatorOf: [],
    tenantId: OTHER_TENANT,
  });
  directory.people.push({
    ...HOME_PERSON_NAMED,
    roles: ['Fagleder digitalisering'],
    coordinatorOf: [],
    municipalities: ['hoylandet'], // the home directory names several municipalities (docs/directory.md)
    tenantId: TENANT,
  });
  writeFileSync(join(dir, 'directory.json'), JSON.stringify(directory));
  service = await startTestService(
    {
      TAB_AAD_CLIENT_ID: TAB_CLIENT_ID,
      TAB_AAD_TENANT_IDS: `${TENANT},${OTHER_TENANT}`,
      TAB_AAD_JWKS_URL: issuer.jwksUrl,
      DIRECTORY_FILE: join(dir, 'directory.json'),
    },
    { clock, ...talkingTo(connector) },
  );
  const imported = await call(OTHER_COORDINATOR, '/api/v1/plans', {
    method: 'POST',
    body: JSON.stringify(planFile(OTHER_PLAN, 'Fagleder digitalisering')),
  });
  expect(imported.status).toBe(201);
  // Something to attack: each owner has a running round and a locked period.
  for (const [who, planId] of [
    [HOME_COORDINATOR, HOYLANDET_ID],
    [OTHER_COORDINATOR, OTHER_PLAN],
  ] as const) {
    expect((await call(who, `/api/v1/plans/${planId}/rounds`, { method: 'POST', body: '{}' })).status).toBe(201);
    expect(
      (await call(who, `/api/v1/plans/${planId}/periods/2026-01/lock`, { method: 'POST', body: '{}' })).status,
    ).toBe(201);
  }
});
afterAll(async () => {
  await service?.close();
  await connector?.stop();
  await issuer?.stop();
});

it('lists each tenant its own plans only', async () => {
  const ids = async (who: Record<string, unknown>) =>
    ((await (await call(who, '/api/v1/plans')).json()) as PlansResponse).plans.map((p) => p.id);
  expect(await ids(OTHER_COORDINATOR)).toEqual([OTHER_PLAN]);
  const home = await ids(HOME_COORDINATOR);
  expect(home).toContain(HOYLANDET_ID);
  expect(home).not.toContain(OTHER_PLAN);
});

/** Every route that reads or changes a plan, as the other tenant would try it. */
const routes = (planId: string): [string, string, RequestInit?][] => [
  ['goal table', `/api/v1/plans/${planId}/goal-table`],
  ['export', `/api/v1/plans/${planId}/export.xlsx`],
  ['audit trail', `/api/v1/plans/${planId}/audit`],
  ['overview', `/api/v1/plans/${planId}/overview`],
  ['report', `/api/v1/plans/${planId}/report.pdf?period=2027-01`],
  ['measure', `/api/v1/plans/${planId}/measures/1.1.1`],
  ['history', `/api/v1/plans/${planId}/measures/1.1.1/history`],
  ['round', `/api/v1/plans/${planId}/rounds/latest`],
  ['substitutes', `/api/v1/plans/${planId}/substitutes`],
  ['my measures', `/api/v1/plans/${planId}/my-measures`],
  [
    'report in the tab',
    `/api/v1/plans/${planId}/my-measures`,
    {
      method: 'POST',
      body: JSON.stringify({ periodId: '2027-01', entries: [{ measureId: '1.1.1', status: 'done' }] }),
      headers: { 'Idempotency-Key': 'another-tenant-1' },
    },
  ],
  ['start a round', `/api/v1/plans/${planId}/rounds`, { method: 'POST', body: '{}' }],
  ['lock a period', `/api/v1/plans/${planId}/periods/2027-01/lock`, { method: 'POST', body: '{}' }],
  [
    'set a substitute',
    `/api/v1/plans/${planId}/substitutes`,
    {
      method: 'POST',
      body: JSON.stringify({ absentId: 'x', substituteId: 'y', from: '2027-02-10', to: '2027-02-11' }),
    },
  ],
  [
    'edit a measure',
    `/api/v1/plans/${planId}/measures/1.1.1`,
    { method: 'PATCH', body: JSON.stringify({ text: 'Overtatt' }), headers: { 'If-Match': '"any"' } },
  ],
  ['replace the plan', '/api/v1/plans', { method: 'POST', body: JSON.stringify(planFile(planId, 'Rektor')) }],
  ['nudge', `/api/v1/plans/${planId}/rounds/latest/nudge`, { method: 'POST', body: '{}' }],
  ['pause the round', `/api/v1/plans/${planId}/rounds/latest/state`, { method: 'POST', body: '{"state":"paused"}' }],
  [
    'move the round’s dates',
    `/api/v1/plans/${planId}/rounds/latest/schedule`,
    {
      method: 'PUT',
      body: JSON.stringify({
        firstAt: '2027-02-11T09:00:00.000Z',
        secondAt: '2027-02-20T09:00:00.000Z',
        escalateAt: '2027-03-01T09:00:00.000Z',
      }),
    },
  ],
  ['reopen a period', `/api/v1/plans/${planId}/periods/2026-01/reopen`, { method: 'POST', body: '{"reason":"x"}' }],
  ['remove a substitute', `/api/v1/plans/${planId}/substitutes/any`, { method: 'DELETE' }],
];

const crossings: [string, Record<string, unknown>, string, string][] = [
  ['the other tenant on Høylandet’s plan', OTHER_COORDINATOR, HOYLANDET_ID, 'Strategi for digitalisering'],
  ['Høylandet on the other tenant’s plan', HOME_COORDINATOR, OTHER_PLAN, 'Annen kommunes plan'],
];
for (const [name, who, planId, title] of crossings) {
  describe(name, () => {
    for (const [route, path, init] of routes(planId)) {
      it(`${route}: refused, nothing shown`, async () => {
        const response = await call(who, path, init);
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).not.toBe(500);
        expect(await response.text()).not.toContain(title);
      });
    }
  });
}

it('nothing changed for the owner after the other tenant tried', async () => {
  const table = await call(HOME_COORDINATOR, `/api/v1/plans/${HOYLANDET_ID}/goal-table`);
  expect(await table.text()).toContain('Strategi for digitalisering');
  const audit = (await (await call(HOME_COORDINATOR, `/api/v1/plans/${HOYLANDET_ID}/audit`)).json()) as {
    entries: { action: string }[];
  };
  const actions = audit.entries.map((e) => e.action);
  expect(actions.filter((a) => a === 'round-started')).toHaveLength(1); // the owner's own
  expect(actions).not.toContain('round-changed');
  expect(actions).not.toContain('period-reopened');
});

it('sends each round to its own tenant’s people: the same role name elsewhere gets nothing', async () => {
  const recipients = async (who: Record<string, unknown>, planId: string) =>
    ((await (await call(who, `/api/v1/plans/${planId}/rounds/latest`)).json()) as RoundProgress).recipients.map(
      (r) => r.userId,
    );
  const home = await recipients(HOME_COORDINATOR, HOYLANDET_ID);
  expect(home).not.toContain(OTHER_PERSON.userId);
  expect(home).toContain(HOME_PERSON_NAMED.userId);
  expect(await recipients(OTHER_COORDINATOR, OTHER_PLAN)).toEqual([OTHER_PERSON.userId]);
});

it('offers as substitutes only the plan’s own tenant’s people', async () => {
  const candidates = async (who: Record<string, unknown>, planId: string) =>
    (
      (await (await call(who, `/api/v1/plans/${planId}/substitutes`)).json()) as { people: { userId: string }[] }
    ).people.map((p) => p.userId);
  const home = await candidates(HOME_COORDINATOR, HOYLANDET_ID);
  expect(home).toContain(HOME_PERSON_NAMED.userId);
  expect(home).not.toContain(OTHER_PERSON.userId);
  expect(await candidates(OTHER_COORDINATOR, OTHER_PLAN)).toEqual([OTHER_PERSON.userId]);
});

it('keeps a person of the other tenant out of Høylandet’s card, same role name or not', async () => {
  const activity = JSON.parse(
    readFileSync(join(__dirname, '../fixtures/activities/invoke-submit-status.json'), 'utf8'),
  );
  const forged = {
    ...activity,
    serviceUrl: connector.url,
    locale: 'nb-NO',
    from: { id: '29:berit', aadObjectId: OTHER_PERSON.userId, name: OTHER_PERSON.name },
    conversation: { ...activity.conversation, tenantId: OTHER_TENANT },
    channelData: { tenant: { id: OTHER_TENANT } },
  };
  const response = await fetch(`${service.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(forged),
  });
  expect(JSON.stringify(await response.json())).toMatch(/Ingenting er lagret|Nothing was saved|finnes ikke|no longer/);
  const table = await call(HOME_COORDINATOR, `/api/v1/plans/${HOYLANDET_ID}/goal-table`);
  expect(await table.text()).not.toContain(OTHER_PERSON.name);
});
