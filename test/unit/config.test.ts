import { readFileSync } from 'node:fs';
import { CONFIGURATION_PAGE, configurationPage } from '../../bot/src/cli/configuration-page';
import { ConfigError, isLoopback, loadConfig } from '../../bot/src/config';

describe('configuration', () => {
  it('runs with no settings at all: embedded store, loopback, no sign-in', () => {
    const config = loadConfig({}, '/app');
    expect(config).toMatchObject({
      port: 3978,
      host: '127.0.0.1',
      storage: { kind: 'local', databasePath: '/app/data/tiltak.db' },
      demoPlans: { load: true, dir: '/app/bot/demo/plans' },
      tabAuth: { mode: 'dev' },
      bot: { appType: 'MultiTenant' },
    });
    expect(config.bot.appId).toBeUndefined();
  });

  it('names every missing or malformed key in one error', () => {
    try {
      loadConfig(
        { MicrosoftAppId: 'app', MicrosoftAppType: 'SingleTenant', PORT: 'eighty', LOG_LEVEL: 'loud' },
        '/app',
      );
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      for (const key of ['PORT', 'LOG_LEVEL', 'MicrosoftAppPassword', 'MicrosoftAppTenantId'])
        expect(message).toContain(key);
    }
  });

  it('names what installing the app for people needs, and wires it when given', () => {
    expect(() => loadConfig({ TEAMS_APP_CATALOG_ID: 'catalog-id' }, '/app')).toThrow(
      /MicrosoftAppId: required with TEAMS_APP_CATALOG_ID[\s\S]*GRAPH_TENANT_ID: required with TEAMS_APP_CATALOG_ID[\s\S]*GRAPH_CLIENT_ID: required with GRAPH_AUTH=secret[\s\S]*GRAPH_CLIENT_SECRET/,
    );
    const config = loadConfig(
      {
        TEAMS_APP_CATALOG_ID: 'catalog-id',
        MicrosoftAppId: 'bot-id',
        MicrosoftAppPassword: 'p',
        GRAPH_TENANT_ID: 'tenant',
        GRAPH_CLIENT_ID: 'tab-app',
        GRAPH_CLIENT_SECRET: 's',
        TAB_AAD_CLIENT_ID: 'tab-app',
        TAB_AAD_TENANT_IDS: 'tenant',
      },
      '/app',
    );
    expect(config.teams.install).toEqual({
      catalogAppId: 'catalog-id',
      tenantId: 'tenant',
      botId: 'bot-id',
      serviceUrl: 'https://smba.trafficmanager.net/teams/',
      graph: {
        graphBaseUrl: 'https://graph.microsoft.com',
        auth: {
          kind: 'secret',
          tenantId: 'tenant',
          clientId: 'tab-app',
          clientSecret: 's',
          authorityHost: 'https://login.microsoftonline.com',
        },
      },
    });
    expect(loadConfig({}, '/app').teams.install).toBeUndefined();
  });

  it('sends reminders to the activity feed only as the installed Teams app, and by e-mail from a valid mailbox with Graph', () => {
    const install = {
      TEAMS_APP_CATALOG_ID: 'catalog-id',
      MicrosoftAppId: 'bot-id',
      MicrosoftAppPassword: 'p',
      GRAPH_TENANT_ID: 'tenant',
      GRAPH_CLIENT_ID: 'tab-app',
      GRAPH_CLIENT_SECRET: 's',
      TAB_AAD_CLIENT_ID: 'tab-app',
      TAB_AAD_TENANT_IDS: 'tenant',
    };
    // The manifest id alone is for deep links; the feed needs the app installed for people (its RSC grant).
    expect(loadConfig({ TEAMS_APP_ID: 'manifest-id' }, '/app').teams.activity).toBeUndefined();
    expect(loadConfig({ ...install, TEAMS_APP_ID: 'manifest-id' }, '/app').teams.activity).toMatchObject({
      teamsAppId: 'manifest-id',
      graph: { auth: { clientId: 'tab-app' } },
    });

    expect(() => loadConfig({ MAIL_SENDER_ADDRESS: 'not an address' }, '/app')).toThrow(/MAIL_SENDER_ADDRESS/);
    expect(() => loadConfig({ MAIL_SENDER_ADDRESS: 'tiltak@kommune.no' }, '/app')).toThrow(
      /GRAPH_TENANT_ID: required with GRAPH_AUTH=secret \(and with MAIL_SENDER_ADDRESS\)/,
    );
    const mail = loadConfig({ ...install, MAIL_SENDER_ADDRESS: 'tiltak@kommune.no' }, '/app').reminders.mail;
    expect(mail).toMatchObject({
      sender: 'tiltak@kommune.no',
      graph: { auth: { kind: 'secret', clientId: 'tab-app' } },
    });
    expect(loadConfig({ MAIL_SENDER_ADDRESS: '' }, '/app').reminders.mail).toBeUndefined();
  });

  it("refuses to install the app as another Entra app than the manifest's webApplicationInfo.id", () => {
    const install = {
      TEAMS_APP_CATALOG_ID: 'catalog-id',
      MicrosoftAppId: 'bot-id',
      MicrosoftAppPassword: 'p',
      GRAPH_TENANT_ID: 'tenant',
      TAB_AAD_TENANT_IDS: 'tenant',
    };
    // The manifest names the tab's app; Graph is called as another: Teams would refuse every installation.
    expect(() =>
      loadConfig(
        { ...install, TAB_AAD_CLIENT_ID: 'tab-app', GRAPH_CLIENT_ID: 'graph-app', GRAPH_CLIENT_SECRET: 's' },
        '/app',
      ),
    ).toThrow(
      /GRAPH_CLIENT_ID: is graph-app, but with TEAMS_APP_CATALOG_ID it must be the tab's app tab-app \(TeamsAppInstallation\.ReadWriteSelfForUser\.All/,
    );
    // The managed identity installs as the tab's app, through the federated credential the app holds.
    expect(
      loadConfig(
        { ...install, TAB_AAD_CLIENT_ID: 'tab-app', GRAPH_AUTH: 'managed-identity', GRAPH_CLIENT_ID: 'mi' },
        '/app',
      ).teams.install?.graph.auth,
    ).toEqual({
      kind: 'managed-identity-federation',
      tenantId: 'tenant',
      clientId: 'tab-app',
      identityClientId: 'mi',
      authorityHost: 'https://login.microsoftonline.com',
    });
    expect(() => loadConfig({ ...install, GRAPH_CLIENT_ID: 'graph-app', GRAPH_CLIENT_SECRET: 's' }, '/app')).toThrow(
      /TAB_AAD_CLIENT_ID: required with TEAMS_APP_CATALOG_ID/,
    );
  });

  it('signs browsers in at the one tenant, or through "organizations" for several', () => {
    const sso = (tenants: string) =>
      loadConfig(
        {
          TAB_AAD_CLIENT_ID: 'tab-app',
          TAB_AAD_TENANT_IDS: tenants,
          TAB_AAD_APP_ID_URI: 'api://tiltak.example.no/tab-app',
        },
        '/app',
      ).tabAuth;
    expect(sso('t1')).toMatchObject({
      sso: {
        signIn: {
          clientId: 'tab-app',
          authority: 'https://login.microsoftonline.com/t1',
          scopes: ['api://tiltak.example.no/tab-app/access_as_user'],
        },
      },
    });
    expect(sso('t1, t2')).toMatchObject({
      sso: { signIn: { authority: 'https://login.microsoftonline.com/organizations' } },
    });
  });

  it('names what the Entra ID directory needs', () => {
    expect(() => loadConfig({ DIRECTORY: 'entra' }, '/app')).toThrow(
      /DIRECTORY_FILE: required with DIRECTORY=entra[\s\S]*GRAPH_TENANT_ID[\s\S]*GRAPH_CLIENT_ID[\s\S]*GRAPH_CLIENT_SECRET/,
    );
    const config = loadConfig(
      { DIRECTORY: 'entra', DIRECTORY_FILE: 'roles.json', GRAPH_AUTH: 'managed-identity' },
      '/app',
    );
    expect(config.directory).toEqual({
      kind: 'entra',
      graph: { graphBaseUrl: 'https://graph.microsoft.com', auth: { kind: 'managed-identity' } },
    });
    expect(config.directoryFile).toBe('/app/roles.json');
  });

  it('keeps the reminder rounds in this process unless told to share them through Azure Storage', () => {
    expect(loadConfig({}, '/app').workQueue).toEqual({ kind: 'in-process' });
    expect(() =>
      loadConfig(
        { WORK_QUEUE: 'azure-storage', AZURE_STORAGE_QUEUE_NAME: 'Rounds_Q', AZURE_STORAGE_TABLE_PREFIX: '1x' },
        '/app',
      ),
    ).toThrow(
      /AZURE_STORAGE_QUEUE_NAME: a queue name[\s\S]*AZURE_STORAGE_TABLE_PREFIX: letters and digits[\s\S]*AZURE_STORAGE_CONNECTION_STRING: required with WORK_QUEUE=azure-storage/,
    );
    expect(
      loadConfig({ WORK_QUEUE: 'azure-storage', AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }, '/app')
        .workQueue,
    ).toEqual({
      kind: 'azure-storage',
      storage: { connectionString: 'UseDevelopmentStorage=true', queueName: 'tiltak-rounds', tablePrefix: 'Tiltak' },
    });
  });

  it('reaches the storage account as the managed identity when told, naming the endpoints it needs', () => {
    expect(() => loadConfig({ WORK_QUEUE: 'azure-storage', AZURE_STORAGE_AUTH: 'managed-identity' }, '/app')).toThrow(
      /AZURE_STORAGE_QUEUE_ENDPOINT: required with AZURE_STORAGE_AUTH=managed-identity[\s\S]*AZURE_STORAGE_TABLE_ENDPOINT: required/,
    );
    const config = loadConfig(
      {
        WORK_QUEUE: 'azure-storage',
        AZURE_STORAGE_AUTH: 'managed-identity',
        AZURE_STORAGE_QUEUE_ENDPOINT: 'https://tiltak.queue.core.windows.net/',
        AZURE_STORAGE_TABLE_ENDPOINT: 'https://tiltak.table.core.windows.net/',
        AZURE_STORAGE_CLIENT_ID: 'identity-client-id',
      },
      '/app',
    );
    expect(config.workQueue).toEqual({
      kind: 'azure-storage',
      storage: {
        queueEndpoint: 'https://tiltak.queue.core.windows.net/',
        tableEndpoint: 'https://tiltak.table.core.windows.net/',
        clientId: 'identity-client-id',
        queueName: 'tiltak-rounds',
        tablePrefix: 'Tiltak',
      },
    });
  });

  describe('the production profile', () => {
    const stateless = {
      DEPLOYMENT_PROFILE: 'production',
      MicrosoftAppId: 'identity-client-id',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: 'tenant',
      STORAGE: 'sharepoint',
      SHAREPOINT_SITE_ID: 'host,site,web',
      GRAPH_AUTH: 'managed-identity',
      WORK_QUEUE: 'azure-storage',
      AZURE_STORAGE_AUTH: 'managed-identity',
      AZURE_STORAGE_QUEUE_ENDPOINT: 'https://tiltak.queue.core.windows.net',
      AZURE_STORAGE_TABLE_ENDPOINT: 'https://tiltak.table.core.windows.net',
    };

    it('is embedded unless told otherwise', () => {
      expect(loadConfig({}, '/app').profile).toEqual({ name: 'embedded', localFilesPersistent: false });
    });

    it('starts when nothing durable is on the instance’s disk', () => {
      expect(loadConfig(stateless, '/app').profile).toEqual({ name: 'production', localFilesPersistent: false });
    });

    it('refuses durable state in a local file, naming what and where', () => {
      const { STORAGE: _s, WORK_QUEUE: _w, ...local } = stateless;
      expect(() => loadConfig({ ...local, DATABASE_PATH: '/tmp/t.db' }, '/app')).toThrow(
        /STORAGE: with DEPLOYMENT_PROFILE=production plans, status reports and the audit trail would sit in this instance's own file \/tmp\/t\.db[\s\S]*WORK_QUEUE: with DEPLOYMENT_PROFILE=production reminder rounds/,
      );
      const { WORK_QUEUE: _q, ...sharePointOnly } = stateless;
      expect(() => loadConfig(sharePointOnly, '/app')).toThrow(/card answers \(data\/outbox\.db\)/);
      expect(() => loadConfig({ ...stateless, MicrosoftAppId: '' }, '/app')).toThrow(
        /MicrosoftAppId: required with DEPLOYMENT_PROFILE=production/,
      );
    });

    it('accepts local files declared to be on a disk that outlives the instance', () => {
      const { STORAGE: _s, WORK_QUEUE: _w, ...local } = stateless;
      expect(loadConfig({ ...local, LOCAL_FILES_PERSISTENT: 'true' }, '/app').profile).toEqual({
        name: 'production',
        localFilesPersistent: true,
      });
    });
  });

  it('refuses to listen beyond loopback without Bot Framework authentication', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' }, '/app')).toThrow(/HOST: without MicrosoftAppId/);
    expect(loadConfig({ HOST: '0.0.0.0', MicrosoftAppId: 'a', MicrosoftAppPassword: 'p' }, '/app').host).toBe(
      '0.0.0.0',
    );
  });

  it('closes the open tab API as soon as Entra ID is configured', () => {
    expect(loadConfig({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p' }, '/app').tabAuth).toEqual({ mode: 'sso' });
    expect(() => loadConfig({ TAB_AAD_CLIENT_ID: 'c' }, '/app')).toThrow(/TAB_AAD_TENANT_IDS: required/);
    expect(loadConfig({ TAB_AAD_CLIENT_ID: 'c', TAB_AAD_TENANT_IDS: 't1, t2' }, '/app').tabAuth).toEqual({
      mode: 'sso',
      sso: {
        clientId: 'c',
        audiences: ['c', 'api://c'],
        tenantIds: ['t1', 't2'],
        jwksUrl: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
        signIn: {
          clientId: 'c',
          authority: 'https://login.microsoftonline.com/organizations',
          scopes: ['api://c/access_as_user'],
        },
      },
    });
  });

  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.8.9.1', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '10.0.0.5', '::', 'example.com', '::ffff:10.0.0.1'].some(isLoopback)).toBe(false);
  });
});

describe('the configuration page', () => {
  it('describes every key the service reads, as config.ts does (npm run docs:config writes it)', () => {
    expect(readFileSync(CONFIGURATION_PAGE, 'utf8')).toBe(configurationPage());
  });
});
