/**
 * The Bicep and its app settings, read as files (no Bicep CLI exists here: .github/workflows/
 * deploy.yml compiles them). Every setting is a key the service reads, and with the values the
 * Bicep fills in the service starts in the production profile; every token has a value from the
 * Bicep; the storage account is reached as the managed identity; no secret is written anywhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_TABLES } from '../../bot/src/adapters/azure-storage/open-shared-state';
import { CONFIG_KEYS, loadConfig } from '../../bot/src/config';
import { renderParameters } from '../../infra/render-parameters';
import { APP_SETTINGS, serviceSettings, settingTokens } from '../support/app-settings';
import { ROOT } from '../support/demo';

const infra = (path: string): string => readFileSync(join(ROOT, 'infra', path), 'utf8');
const bicepFiles = ['azure.bicep', ...readdirSync(join(ROOT, 'infra/modules')).map((f) => `modules/${f}`)];

/** What the Bicep would fill in, with made-up values of the right shape. */
const SAMPLE_TOKENS = {
  identityClientId: '11111111-2222-3333-4444-555555555555',
  tenantId: '66666666-7777-8888-9999-000000000000',
  sharePointSiteId: 'kommune.sharepoint.com,aaaaaaaa-0000-0000-0000-000000000001,bbbbbbbb-0000-0000-0000-000000000002',
  queueEndpoint: 'https://sttiltakdev.queue.core.windows.net/',
  tableEndpoint: 'https://sttiltakdev.table.core.windows.net/',
  queueName: 'tiltak-rounds',
  tablePrefix: 'Tiltak',
  maxRequestsPerSecond: '50',
  teamsAppCatalogId: '',
  mailSenderAddress: '',
  roleFile: '/home/site/tiltak/roles.json',
  tabClientId: 'cccccccc-0000-0000-0000-000000000003',
  hostName: 'tiltakdev-app.azurewebsites.net',
  applicationInsightsConnectionString:
    'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://example.invalid/',
};

/** The keys of an object literal `name: {` … `}` in a Bicep file (one level). */
function objectKeys(bicep: string, name: string): string[] {
  const start = bicep.indexOf(`${name}: {`);
  if (start < 0) throw new Error(`no ${name} object`);
  const body = bicep.slice(start, bicep.indexOf('\n    }', start));
  return [...body.matchAll(/^\s+([A-Za-z]+):/gm)].map((m) => m[1] as string);
}

describe('the app settings the Bicep sets', () => {
  it('are keys the service reads, and nothing else', () => {
    const unknown = Object.keys(APP_SETTINGS.service).filter((key) => !CONFIG_KEYS.includes(key));
    expect(unknown).toEqual([]);
  });

  it('hold only App Service platform settings besides them', () => {
    // WEBSITE_RUN_FROM_PACKAGE: https://learn.microsoft.com/azure/app-service/deploy-run-package
    // SCM_DO_BUILD_DURING_DEPLOYMENT: https://learn.microsoft.com/azure/app-service/reference-app-settings
    expect(Object.keys(APP_SETTINGS.platform).sort()).toEqual([
      'SCM_DO_BUILD_DURING_DEPLOYMENT',
      'WEBSITE_RUN_FROM_PACKAGE',
    ]);
  });

  it('start the service in the production profile, reaching everything as the managed identity', () => {
    const config = loadConfig(serviceSettings(SAMPLE_TOKENS), '/home/site/wwwroot');
    expect(config.profile).toEqual({ name: 'production', localFilesPersistent: false });
    expect(config.bot).toEqual({
      appType: 'UserAssignedMSI',
      appId: SAMPLE_TOKENS.identityClientId,
      tenantId: SAMPLE_TOKENS.tenantId,
    });
    expect(config.storage).toMatchObject({ kind: 'sharepoint', sharePoint: { auth: { kind: 'managed-identity' } } });
    expect(config.workQueue).toMatchObject({
      kind: 'azure-storage',
      storage: { queueEndpoint: SAMPLE_TOKENS.queueEndpoint, clientId: SAMPLE_TOKENS.identityClientId },
    });
    expect(config.directory).toMatchObject({ kind: 'entra' });
    expect(config.tabAuth).toMatchObject({
      mode: 'sso',
      sso: { audiences: [SAMPLE_TOKENS.tabClientId, `api://${SAMPLE_TOKENS.hostName}/${SAMPLE_TOKENS.tabClientId}`] },
    });
    expect(config.applicationInsights).toBeDefined();
    expect(config.host).toBe('0.0.0.0');
  });

  it('get every token filled in by the Bicep', () => {
    const added = /union\(tokens, \{([^}]*)\}\)/.exec(infra('modules/app-service.bicep'))?.[1] ?? '';
    const given = [...objectKeys(infra('azure.bicep'), 'tokens'), ...[...added.matchAll(/(\w+):/g)].map((m) => m[1])];
    expect([...settingTokens()].filter((t) => !given.includes(t))).toEqual([]);
  });

  it('are set in one place: app-service.bicep loads the file, and no Bicep sets another', () => {
    const appService = infra('modules/app-service.bicep');
    expect(appService).toContain("loadJsonContent('../app-settings.json')");
    expect(bicepFiles.filter((f) => infra(f).includes('appSettings:'))).toEqual(['modules/app-service.bicep']);
    expect(appService.match(/appSettings:/g)).toHaveLength(1);
  });
});

describe('the infrastructure', () => {
  it('creates the tables and the queue the service opens, with the identity as their data contributor', () => {
    const storage = infra('modules/storage.bicep');
    const tables = /param tableNames array = \[([^\]]*)\]/.exec(storage)?.[1] ?? '';
    expect([...tables.matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1])).toEqual([...SHARED_TABLES]);
    expect(storage).toContain('allowSharedKeyAccess: false');
    expect(storage).toContain("'974c5e8b-45b9-4653-ba55-5f855dd0fb88'"); // Storage Queue Data Contributor
    expect(storage).toContain("'0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'"); // Storage Table Data Contributor
    expect(infra('azure.bicep')).toMatch(/var queueName = '([a-z-]+)'/);
  });

  it('registers the bot as the managed identity, with the Teams channel', () => {
    const bot = infra('modules/bot.bicep');
    expect(bot).toContain("msaAppType: 'UserAssignedMSI'");
    expect(bot).toContain("name: 'MsTeamsChannel'");
    expect(bot).not.toMatch(/MultiTenant/);
  });

  it('runs Node 20 on Linux, always on, https only, with the health check on /healthz', () => {
    const site = infra('modules/app-service.bicep');
    for (const line of [
      "linuxFxVersion: 'NODE|20-lts'",
      'alwaysOn: true',
      "healthCheckPath: '/healthz'",
      'httpsOnly: true',
      "minTlsVersion: '1.2'",
    ])
      expect(site).toContain(line);
  });

  it('outputs what the Teams manifest and the next steps need', () => {
    const outputs = [...infra('azure.bicep').matchAll(/^output ([A-Z_]+) /gm)].map((m) => m[1]);
    expect(outputs).toEqual(
      expect.arrayContaining([
        'BOT_ID',
        'TAB_DOMAIN',
        'AZURE_APP_SERVICE_RESOURCE_ID',
        'MANAGED_IDENTITY_PRINCIPAL_ID',
      ]),
    );
  });

  it('gives every parameter without a default a value, from the environment file', () => {
    const required = [...infra('azure.bicep').matchAll(/^param (\w+) \w+$/gm)].map((m) => m[1]);
    const rendered = JSON.parse(
      renderParameters(ROOT, 'dev', {
        SHAREPOINT_SITE_ID: SAMPLE_TOKENS.sharePointSiteId,
        TAB_AAD_CLIENT_ID: SAMPLE_TOKENS.tabClientId,
      }),
    ) as { parameters: Record<string, { value: unknown }> };
    expect(required.filter((p) => !(p! in rendered.parameters))).toEqual([]);
    expect(rendered.parameters.resourceBaseName?.value).toMatch(/^[a-z0-9]{4,16}$/);
    expect(() => renderParameters(ROOT, 'dev')).toThrow(
      /SHAREPOINT_SITE_ID is not set[\s\S]*TAB_AAD_CLIENT_ID is not set/,
    );
  });
});

describe('no secret in any deployment file', () => {
  const files = [
    ...bicepFiles.map((f) => `infra/${f}`),
    'infra/app-settings.json',
    'infra/azure.parameters.dev.json',
    'm365agents.yml',
    'm365agents.local.yml',
    'aad.manifest.json',
    'env/.env.dev',
    'env/.env.local',
    '.github/workflows/deploy.yml',
  ];
  const SECRET_SHAPES = [
    /AccountKey=/i,
    /SharedAccessSignature=|[?&]sig=/i,
    /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
    /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/, // a JWT
    // A literal after a secret's name (a SECRET_* variable's name or a ${{…}} placeholder is fine).
    /(password|secret)["']?\s*[:=]\s*["']?(?!SECRET_|\$\{\{)[A-Za-z0-9~._-]{8,}/i,
  ];

  it.each(files)('%s holds none', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(SECRET_SHAPES.filter((shape) => shape.test(text)).map(String)).toEqual([]);
  });

  it('marks any Bicep parameter that could carry one @secure()', () => {
    for (const file of bicepFiles) {
      const lines = infra(file).split('\n');
      lines.forEach((line, i) => {
        if (/^param \w*(password|secret|key)\w* string/i.test(line)) expect(lines[i - 1]).toBe('@secure()');
      });
    }
  });
});
