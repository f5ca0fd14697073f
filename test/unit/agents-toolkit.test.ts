/**
 * The Microsoft 365 Agents Toolkit project, read as files: both project files validate against the
 * toolkit's published schema (v1.11, bundled in @microsoft/m365agentstoolkit-cli, copied to
 * test/fixtures/m365agents/); the steps are there in their order; every ${{VAR}} the project uses
 * has a source; the Entra app definition matches the manifest and what the service checks; and
 * the Teams app package builds from the env/ files with what provisioning writes into them.
 */
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readEnvFile } from '../../manifest/env-file';
import { buildAppPackage } from '../../manifest/manifest-package';
import { ROOT } from '../support/demo';

interface Action {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface Project {
  version: string;
  provision: Action[];
  deploy: Action[];
  publish?: Action[];
}

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const project = (file: string): Project => parse(read(file)) as Project;
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\$\{\{ *([A-Z0-9_]+) *\}\}/g)].map((m) => m[1] as string);

/** Set by the toolkit itself: https://aka.ms/teamsfx-v5.0-guide (built-in environment variables). */
const TOOLKIT_BUILT_INS = [
  'TEAMSFX_ENV',
  'AZURE_SUBSCRIPTION_ID',
  'AZURE_RESOURCE_GROUP_NAME',
  'TEAMS_APP_TENANT_ID',
  'AAD_APP_ACCESS_AS_USER_PERMISSION_ID',
];

describe.each(['m365agents.yml', 'm365agents.local.yml'])('%s', (file) => {
  it("validates against the toolkit's schema", () => {
    const schema = JSON.parse(read('test/fixtures/m365agents/yaml.schema.v1.11.json')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const valid = validate(project(file));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(project(file).version).toBe('v1.11');
  });

  it('gives every ${{VAR}} it uses a source: the env file, an earlier step, the Bicep or the toolkit', () => {
    const envName = file === 'm365agents.yml' ? 'dev' : 'local';
    const known = new Set([...Object.keys(readEnvFile(join(ROOT, `env/.env.${envName}`))), ...TOOLKIT_BUILT_INS]);
    const texts = [read(file), read('aad.manifest.json'), read('manifest/manifest.template.json')];
    if (envName === 'dev') texts.push(read('infra/azure.parameters.dev.json'));
    const written = project(file).provision.flatMap((a) => Object.values(a.writeToEnvironmentFile ?? {}));
    const scripted = [...read(file).matchAll(/set-teamsfx-env ([A-Z_]+)=/g)].map((m) => m[1]);
    const outputs = [...read('infra/azure.bicep').matchAll(/^output ([A-Z_]+) /gm)].map((m) => m[1]);
    const sources = new Set([...known, ...written, ...scripted, ...(envName === 'dev' ? outputs : [])]);
    const unsourced = [...new Set(texts.flatMap(placeholders))].filter((name) => !sources.has(name));
    expect(unsourced).toEqual([]);
  });
});

describe('the Azure project (m365agents.yml)', () => {
  const yml = project('m365agents.yml');

  it('provisions in the order each step needs the one before', () => {
    expect(yml.provision.map((a) => a.uses)).toEqual([
      'aadApp/create',
      'teamsApp/create',
      'script',
      'arm/deploy',
      'aadApp/update', // needs TAB_DOMAIN from arm/deploy
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect(yml.deploy.map((a) => a.uses)).toEqual([
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'script',
      'azureAppService/zipDeploy',
    ]);
    expect(yml.publish?.map((a) => a.uses).at(-1)).toBe('teamsApp/publishAppPackage');
  });

  it('points at files that exist: the Bicep, its parameters, the Entra app definition and manifest/', () => {
    const armDeploy = yml.provision.find((a) => a.uses === 'arm/deploy')?.with as {
      templates: { path: string; parameters: string }[];
    };
    const [template] = armDeploy.templates;
    for (const path of [
      template!.path,
      template!.parameters.replace('${{TEAMSFX_ENV}}', 'dev'),
      './aad.manifest.json',
      './manifest/manifest.template.json',
    ])
      expect(() => read(path)).not.toThrow();
    expect(read('infra/package-app.sh')).toContain('build/app');
    expect(yml.deploy.find((a) => a.uses === 'azureAppService/zipDeploy')?.with).toMatchObject({
      artifactFolder: './build/app',
    });
  });

  it('creates no bot app registration and no secret: the bot is the managed identity', () => {
    expect(yml.provision.map((a) => a.uses)).not.toContain('botAadApp/create');
    expect(yml.provision.find((a) => a.uses === 'aadApp/create')?.with).toMatchObject({ generateClientSecret: false });
    expect(read('m365agents.yml')).not.toContain('SECRET_');
  });
});

describe('the Entra app for the tab (aad.manifest.json)', () => {
  const aad = JSON.parse(read('aad.manifest.json')) as {
    identifierUris: string[];
    api: { oauth2PermissionScopes: { value: string }[]; preAuthorizedApplications: { appId: string }[] };
    appRoles: { value: string; allowedMemberTypes: string[]; id: string }[];
    spa: { redirectUris: string[] };
  };

  it('exposes access_as_user under the Application ID URI the manifest and the service use', () => {
    const manifest = JSON.parse(read('manifest/manifest.template.json')) as {
      webApplicationInfo: { resource: string };
    };
    expect(aad.identifierUris).toEqual([
      manifest.webApplicationInfo.resource.replace('TAB_AAD_CLIENT_ID', 'TAB_AAD_CLIENT_ID'),
    ]);
    expect(manifest.webApplicationInfo.resource).toBe('api://${{TAB_DOMAIN}}/${{TAB_AAD_CLIENT_ID}}');
    expect(read('infra/app-settings.json')).toContain('"TAB_AAD_APP_ID_URI": "api://{hostName}/{tabClientId}"');
    expect(aad.api.oauth2PermissionScopes.map((s) => s.value)).toEqual(['access_as_user']);
  });

  it('pre-authorises the Teams clients (desktop and mobile, web)', () => {
    // https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/tab-sso-register-aad
    expect(aad.api.preAuthorizedApplications.map((a) => a.appId)).toEqual(
      expect.arrayContaining(['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346']),
    );
  });

  it('defines the app roles the service maps, for users', () => {
    expect(aad.appRoles.map((r) => r.value).sort()).toEqual(['Tiltak.Coordinator', 'Tiltak.Leader']);
    expect(aad.appRoles.every((r) => r.allowedMemberTypes.join() === 'User')).toBe(true);
    expect(read('bot/src/domain/access.ts')).toContain("'Tiltak.Coordinator'");
  });

  it('lets the tab sign in outside Teams at the address it redirects to', () => {
    expect(aad.spa.redirectUris).toEqual(['https://${{TAB_DOMAIN}}/tab/']);
    expect(read('tab/src/browser-sign-in.ts')).toContain('redirectUri: `${location.origin}/tab/`');
  });
});

describe('the Teams app package from the env/ files', () => {
  /** What `atk provision` writes into env/.env.dev (made-up values of the right shape). */
  const provisioned = {
    TEAMS_APP_ID: '2f1b1c0e-7d3a-4c55-9f1e-3b7f5e2a9c11',
    BOT_ID: '8a4d2f6b-1c3e-4b5a-9d7f-2e6c8b0a4f13',
    TAB_DOMAIN: 'tiltakdev-app.azurewebsites.net',
    TAB_AAD_CLIENT_ID: '3c8b1f7e-2d4a-4e6b-9a1c-5f0e7d2b8a64',
    APP_VERSION: '0.1.0',
  };
  const municipality = {
    DEVELOPER_NAME: 'Høylandet kommune',
    DEVELOPER_WEBSITE_URL: 'https://www.hoylandet.kommune.no',
    PRIVACY_URL: 'https://www.hoylandet.kommune.no/personvern',
    TERMS_OF_USE_URL: 'https://www.hoylandet.kommune.no/vilkar',
  };

  it('names what provisioning and the municipality have not filled in yet', async () => {
    await expect(buildAppPackage(readEnvFile(join(ROOT, 'env/.env.dev')))).rejects.toMatchObject({
      problems: expect.arrayContaining([
        expect.stringMatching(/^TEAMS_APP_ID is not set/),
        expect.stringMatching(/^PRIVACY_URL is not set/),
      ]),
    });
  });

  it('builds once they are', async () => {
    const values = { ...readEnvFile(join(ROOT, 'env/.env.dev')), ...municipality, ...provisioned };
    const { manifest } = await buildAppPackage(values);
    expect(manifest).toMatchObject({ id: provisioned.TEAMS_APP_ID, bots: [{ botId: provisioned.BOT_ID }] });
  });

  it('builds for local debugging from env/.env.local, which carries the publisher values', async () => {
    const { manifest } = await buildAppPackage({ ...readEnvFile(join(ROOT, 'env/.env.local')), ...provisioned });
    expect(manifest).toMatchObject({ developer: { name: 'Tiltak (lokal utvikling)' } });
  });
});
