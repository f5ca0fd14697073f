/**
 * The SharePoint commands as an administrator runs them, as child processes against the Graph
 * stand-in: sign-in through msal-node with a client secret; provisioning as the provisioning app
 * (`manage` on the site), which the service's own app (`write`) may not do but may re-run when
 * nothing is to change, also after an upgrade added a column; then migrating the embedded store
 * twice (the second run adds nothing).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { openSharePointStore } from '../../bot/src/adapters/sharepoint/sharepoint-store';
import { allMeasures } from '../../bot/src/domain/plan';
import { hoylandet, ROOT } from '../support/demo';
import { PROVISIONING_APP, SERVICE_APP, startTestGraph, type TestGraph } from '../support/graph';

const run = promisify(execFile);
let t: TestGraph;
let env: NodeJS.ProcessEnv;
let databasePath: string;

beforeAll(async () => {
  t = await startTestGraph();
  const dir = mkdtempSync(join(tmpdir(), 'sp-cli-'));
  writeFileSync(join(dir, 'ca.pem'), t.standIn.cert);
  databasePath = join(dir, 'tiltak.db');
  // STORAGE is left out: the commands set it themselves.
  const { STORAGE: _storage, ...sharePoint } = t.sharePointEnv();
  env = {
    PATH: process.env.PATH,
    NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem'),
    DATABASE_PATH: databasePath,
    ...sharePoint,
  };
});
afterAll(async () => t.close());

const tsx = join(ROOT, 'node_modules/.bin/tsx');
const cli = (script: string, args: string[] = [], app: { clientId: string; secret: string } = SERVICE_APP) =>
  run(tsx, [join(ROOT, 'bot/src/cli', script), ...args], {
    env: { ...env, GRAPH_CLIENT_ID: app.clientId, GRAPH_CLIENT_SECRET: app.secret },
    cwd: ROOT,
  });
const refusal = (e: { stderr: string; code: number }) => e;

it('provisions as the provisioning app; the service app may not, yet may re-run it with nothing to change', async () => {
  const refused = await cli('provision-sharepoint.ts').catch(refusal);
  expect(refused).toMatchObject({ code: 3 });
  expect((refused as { stderr: string }).stderr).toContain('needs the `manage` role on the site');
  expect(t.standIn.list('Tiltak - planer')).toBeUndefined();

  const first = await cli('provision-sharepoint.ts', [], PROVISIONING_APP);
  expect(first.stderr).toContain('Endret: created list "Tiltak - statusrapporter"');
  const second = await cli('provision-sharepoint.ts');
  expect(second.stderr).toContain('Alt var på plass; ingenting ble endret.');
  expect(second.stderr).not.toContain('Endret:');
}, 60_000);

it('after an upgrade that adds a column: the service app is refused naming manage, the provisioning app adds it', async () => {
  t.standIn.dropColumn('Tiltak - statusrapporter', 'AnsweredForId'); // as a site made before substitutes were
  const refused = await cli('provision-sharepoint.ts').catch(refusal);
  expect(refused).toMatchObject({ code: 3 });
  expect((refused as { stderr: string }).stderr).toContain('add the column AnsweredForId');
  const upgraded = await cli('provision-sharepoint.ts', [], PROVISIONING_APP);
  expect(upgraded.stderr).toContain('Endret: "Tiltak - statusrapporter": added missing column AnsweredForId');
}, 60_000);

it('names what is missing when the SharePoint settings are incomplete', async () => {
  const error = await run(tsx, [join(ROOT, 'bot/src/cli/provision-sharepoint.ts')], {
    env: { PATH: process.env.PATH },
    cwd: ROOT,
  }).catch((e: { stderr: string; code: number }) => e);
  expect(error).toMatchObject({ code: 2 });
  expect((error as { stderr: string }).stderr).toMatch(
    /SHAREPOINT_SITE_ID: required[\s\S]*GRAPH_TENANT_ID: required[\s\S]*GRAPH_CLIENT_SECRET: required/,
  );
}, 60_000);

it('migrates the embedded store with progress and a summary; a second run adds nothing', async () => {
  const local = openSqliteStore(databasePath);
  const plan = hoylandet();
  await local.plans.savePlan(plan);
  const measure = allMeasures(plan)[0]!.id;
  await local.reports.appendReports(
    [
      {
        id: 'r1',
        planId: plan.id,
        measureId: measure,
        periodId: '2026',
        status: 'done',
        reportedBy: { userId: 'u1', name: 'Alex' },
        reportedAt: '2026-01-05T10:00:00.000Z',
        submissionId: 's1',
      },
    ],
    {
      id: 'a1',
      planId: plan.id,
      at: '2026-01-05T10:00:00.000Z',
      action: 'status-reported',
      actor: { userId: 'u1', name: 'Alex' },
      details: {},
    },
  );
  const realised = {
    id: 'b1',
    planId: plan.id,
    measureId: measure,
    benefitType: 'reduced-cost' as const,
    periodId: '2026-01',
    year: 2025,
    value: 150_000,
    reportedBy: { userId: 'u1', name: 'Alex' },
    reportedAt: '2026-01-05T10:00:00.000Z',
  };
  await local.realisedBenefits.addRealised([realised]);
  local.close();

  const first = await cli('migrate.ts', ['--to', 'sharepoint']);
  expect(first.stderr).toContain(
    `[1/1] ${plan.id}: ferdig (1 statusrapporter, 1 loggføringer, 1 realiserte gevinster, 0 versjoner)`,
  );
  expect(first.stderr).toContain(
    'Planer: 1 skrevet, 0 uendret. Statusrapporter: 1 nye, 0 fantes fra før. Loggføringer: 1 nye, 0 fantes fra før.',
  );
  const second = await cli('migrate.ts', ['--to', 'sharepoint']);
  expect(second.stderr).toContain(
    'Planer: 0 skrevet, 1 uendret. Statusrapporter: 0 nye, 1 fantes fra før. Loggføringer: 0 nye, 1 fantes fra før.',
  );

  const site = await openSharePointStore(t.graph, t.standIn.siteId);
  expect(await site.plans.getPlan(plan.id)).toEqual(plan);
  expect(await site.reports.listReports(plan.id)).toHaveLength(1);
  // Copied once however often the migration runs: the report's id is its key.
  expect(await site.realisedBenefits.listRealised(plan.id)).toEqual([realised]);
}, 60_000);
