/**
 * The production directory: roles from the municipality's role file (people by UPN, whole groups
 * per role), people from Entra ID through the Graph stand-in — names, object ids, managers; batched
 * and paged as Graph serves them; the last good picture kept while Graph is down.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { EntraDirectory, loadRoleFile, type RoleFile } from '../../bot/src/adapters/directory/entra-directory';
import type { SubstitutesResponse } from '../../bot/src/contract/api-types';
import { HOYLANDET_ID } from '../support/demo';
import { startTestGraph, type TestGraph } from '../support/graph';
import { startTestService } from '../support/service';

jest.setTimeout(60_000);

const KARI = {
  id: 'a1f0c9e2-0001-4000-8000-000000000001',
  displayName: 'Kari Nordmann',
  userPrincipalName: 'kari@hoylandet.kommune.no',
};
const PER = {
  id: 'a1f0c9e2-0001-4000-8000-000000000002',
  displayName: 'Per Leder',
  userPrincipalName: 'per@hoylandet.kommune.no',
};
const OLA = {
  id: 'a1f0c9e2-0001-4000-8000-000000000003',
  displayName: 'Ola Rektor',
  userPrincipalName: 'ola@hoylandet.kommune.no',
};
const LISE = {
  id: 'a1f0c9e2-0001-4000-8000-000000000004',
  displayName: 'Lise Rektor',
  userPrincipalName: 'lise@hoylandet.kommune.no',
};
const ROLES: RoleFile = {
  people: [
    { upn: KARI.userPrincipalName, roles: ['Teknisk sjef'], coordinatorOf: [HOYLANDET_ID] },
    { upn: PER.userPrincipalName, roles: [], coordinatorOf: [], leaderOf: [HOYLANDET_ID] },
    { upn: 'sluttet@hoylandet.kommune.no', roles: ['Personalsjef'], coordinatorOf: [] },
  ],
  groups: [{ groupId: 'g-rektorer', roles: ['Rektor'], coordinatorOf: [], municipalities: ['hoylandet'] }],
};

let t: TestGraph;
beforeAll(async () => {
  t = await startTestGraph();
  const entra = t.standIn.directory;
  entra.add({ ...KARI, managerId: PER.id });
  entra.add(PER);
  entra.add(OLA);
  entra.add({ ...LISE, managerId: KARI.id });
  entra.groups.set('g-rektorer', [OLA.id, LISE.id, KARI.id]);
  entra.pageSize = 2; // the group comes in two pages
});
afterAll(() => t?.close());

it('puts roles from the file together with who Entra ID says people are', async () => {
  const directory = new EntraDirectory(t.graph, ROLES, pino({ level: 'silent' }));
  const before = t.standIn.requests;
  const people = new Map((await directory.listPeople()).map((p) => [p.userId, p]));
  expect(people.get(KARI.id)).toEqual({
    userId: KARI.id,
    name: 'Kari Nordmann',
    roles: ['Teknisk sjef', 'Rektor'], // by name and through the group
    coordinatorOf: [HOYLANDET_ID],
    municipalities: ['hoylandet'],
    managerId: PER.id,
  });
  expect(people.get(PER.id)).toMatchObject({ leaderOf: [HOYLANDET_ID] });
  expect(people.get(PER.id)?.managerId).toBeUndefined();
  expect(people.get(LISE.id)).toMatchObject({ roles: ['Rektor'], managerId: KARI.id });
  expect(people.get(OLA.id)).toMatchObject({ name: 'Ola Rektor', roles: ['Rektor'] });
  expect(people.size).toBe(4); // the one who left is not in Entra ID: left out
  // Three names in one $batch, the group in two pages, the group's two new members in one $batch.
  expect(t.standIn.requests - before).toBe(4);
  expect(await directory.findPerson(LISE.id)).toMatchObject({ name: 'Lise Rektor' });
});

it('reads Entra ID again after the refresh interval, and keeps the last picture while Graph is down', async () => {
  let now = 0;
  const directory = new EntraDirectory(t.graph, ROLES, pino({ level: 'silent' }), {
    refreshMs: 60_000,
    now: () => now,
  });
  expect((await directory.findPerson(OLA.id))?.name).toBe('Ola Rektor');
  t.standIn.directory.add({ ...OLA, displayName: 'Ola Nordmann Rektor' });
  now = 30_000;
  expect((await directory.findPerson(OLA.id))?.name).toBe('Ola Rektor'); // still fresh
  now = 61_000;
  expect((await directory.findPerson(OLA.id))?.name).toBe('Ola Nordmann Rektor');
  await t.standIn.down();
  try {
    now = 200_000;
    expect((await directory.findPerson(OLA.id))?.name).toBe('Ola Nordmann Rektor');
  } finally {
    await t.standIn.up();
  }
});

it('runs the service on it (DIRECTORY=entra): the plan’s people come from Entra ID', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'roles-'));
  writeFileSync(join(dir, 'roles.json'), JSON.stringify(ROLES));
  expect(loadRoleFile(join(dir, 'roles.json')).people).toHaveLength(3);
  const { STORAGE: _local, SHAREPOINT_SITE_ID: _site, ...graphEnv } = t.sharePointEnv();
  const service = await startTestService(
    { ...graphEnv, DIRECTORY: 'entra', DIRECTORY_FILE: join(dir, 'roles.json') },
    { graphFetch: t.fetch },
  );
  try {
    const response = await fetch(`${service.url}/api/v1/plans/${HOYLANDET_ID}/substitutes`);
    const { people } = (await response.json()) as SubstitutesResponse;
    expect(people.filter((p) => p.responsible).map((p) => p.name)).toEqual([
      'Kari Nordmann',
      'Lise Rektor',
      'Ola Nordmann Rektor',
    ]);
  } finally {
    await service.close();
  }
});
