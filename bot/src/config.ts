/**
 * Configuration: read from the environment once, validated, and every problem named in one error.
 * Nothing else in the service reads process.env.
 */
import { isIP } from 'node:net';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

/** A URL, or nothing (an empty value counts as not set). */
const optionalUrl = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .pipe(z.url().optional())
  .optional();

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Where a key is described in docs/configuration.md (made from this schema: npm run docs:config). */
type Group = 'Service' | 'Bot' | 'Tab sign-in' | 'Store' | 'Graph' | 'Directory' | 'Reminder rounds';
const about = (group: Group, description: string) => ({ group, description });

/**
 * Every key the service reads, each described once, here; `npm run docs:config` writes the
 * configuration page from it and a test keeps that page true.
 */
export const EnvSchema = z.object({
  DEPLOYMENT_PROFILE: z
    .enum(['embedded', 'production'])
    .default('embedded')
    .meta(
      about(
        'Service',
        '`embedded`: one process keeping its state in local files (development, demos, one machine). `production`: stateless instances; the start is refused while durable state would sit in a local file (see `LOCAL_FILES_PERSISTENT`).',
      ),
    ),
  LOCAL_FILES_PERSISTENT: booleanFlag
    .default(false)
    .meta(
      about(
        'Service',
        'With `production`: the local files (`DATABASE_PATH`, `OUTBOX_PATH`) are on a disk that outlives the instance (a mounted file share), so durable state may stay in them.',
      ),
    ),
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalString.meta(
    about('Service', 'Application Insights: logs and request traces go there too (OpenTelemetry). Not a secret.'),
  ),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978).meta(about('Service', 'HTTP port.')),
  HOST: z
    .string()
    .trim()
    .min(1)
    .default('127.0.0.1')
    .meta(about('Service', 'Interface to listen on; without `MicrosoftAppId` only loopback is allowed.')),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .meta(about('Service', 'Log level (JSON lines on stdout, pino).')),
  TRUSTED_PROXIES: optionalString.meta(
    about(
      'Service',
      'The reverse proxies in front of the service (App Service, Container Apps, a load balancer): addresses, CIDR ranges, or `loopback` / `linklocal` / `uniquelocal`, comma-separated. Only from them are `X-Forwarded-For` (the caller, for rate limits) and `X-Forwarded-Proto` (https, for HSTS) believed.',
    ),
  ),
  TAB_DIST_DIR: optionalString.meta(about('Service', 'The built tab (default `dist/tab`).')),
  STORAGE: z
    .enum(['local', 'sharepoint'])
    .default('local')
    .meta(
      about(
        'Store',
        "`local`: the embedded SQLite store. `sharepoint`: lists on the municipality's site through Graph.",
      ),
    ),
  DATABASE_PATH: optionalString.meta(about('Store', "The embedded store's file (default `data/tiltak.db`).")),
  OUTBOX_PATH: optionalString.meta(
    about(
      'Store',
      'With `sharepoint` and `in-process`: card answers wait here until SharePoint has them (default `data/outbox.db`; with `azure-storage` they wait in the storage account).',
    ),
  ),
  SHAREPOINT_SITE_ID: optionalString.meta(
    about(
      'Store',
      'With `sharepoint`: the site holding the lists, as Graph names it: `<host>,<site collection id>,<web id>`.',
    ),
  ),
  LOAD_DEMO_PLANS: booleanFlag
    .default(true)
    .meta(about('Store', 'Add the demo plans to a store that does not have them (never overwrites).')),
  DEMO_PLANS_DIR: optionalString.meta(about('Store', 'Where the demo plans are (default `bot/demo/plans`).')),
  GRAPH_AUTH: z
    .enum(['secret', 'certificate', 'managed-identity'])
    .default('secret')
    .meta(
      about(
        'Graph',
        'How the service signs in to Graph (app-only): a client secret, a certificate, or the managed identity.',
      ),
    ),
  GRAPH_TENANT_ID: optionalString.meta(
    about('Graph', "The municipality's tenant; required unless `managed-identity`."),
  ),
  GRAPH_CLIENT_ID: optionalString.meta(
    about('Graph', "The app registration; with `managed-identity`, a user-assigned identity's client id."),
  ),
  GRAPH_CLIENT_SECRET: optionalString.meta(about('Graph', "With `secret` (a secret: from the host's secret store).")),
  GRAPH_CERTIFICATE_PATH: optionalString.meta(
    about('Graph', "With `certificate`: a PEM file holding the app's certificate and its private key."),
  ),
  GRAPH_BASE_URL: z
    .url()
    .default('https://graph.microsoft.com')
    .meta(about('Graph', 'Graph; changed only for sovereign clouds and the Graph stand-in.')),
  GRAPH_AUTHORITY_HOST: z
    .url()
    .default('https://login.microsoftonline.com')
    .meta(about('Graph', 'Entra ID; changed only for sovereign clouds and the stand-in.')),
  MicrosoftAppId: optionalString.meta(
    about(
      'Bot',
      "The bot's Entra ID app id. Empty: local development, **no** Bot Framework authentication, loopback only.",
    ),
  ),
  MicrosoftAppPassword: optionalString.meta(
    about('Bot', "The bot's client secret; required with `MicrosoftAppId` unless `UserAssignedMSI`."),
  ),
  MicrosoftAppType: z
    .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])
    .default('MultiTenant')
    .meta(
      about('Bot', '`SingleTenant` or `UserAssignedMSI` for new bots (Azure no longer creates multi-tenant ones).'),
    ),
  MicrosoftAppTenantId: optionalString.meta(about('Bot', 'Required for `SingleTenant` and `UserAssignedMSI`.')),
  BOT_SERVICE_URL: z
    .url()
    .default('https://smba.trafficmanager.net/teams/')
    .meta(about('Bot', 'Where new 1:1 chats are created (the Bot Connector for Teams).')),
  TEAMS_MAX_REQUESTS_PER_SECOND: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(50)
    .meta(
      about(
        'Bot',
        "The reminder sender's ceiling for proactive messages (Teams: 50 per app and tenant); divide by the instances.",
      ),
    ),
  TEAMS_APP_CATALOG_ID: optionalString.meta(
    about(
      'Bot',
      "The app's id in the organisation's app catalog: install the app for people the bot never talked to (needs `MicrosoftAppId` and the `GRAPH_*` keys).",
    ),
  ),
  TAB_AAD_CLIENT_ID: optionalString.meta(
    about(
      'Tab sign-in',
      'The Entra ID app the tab signs in with (Teams SSO). Setting it closes the open API of local development.',
    ),
  ),
  TAB_AAD_APP_ID_URI: optionalString.meta(
    about('Tab sign-in', "The app's Application ID URI, `api://<host>/<client id>`; tokens may carry it as audience."),
  ),
  TAB_AAD_TENANT_IDS: optionalString.meta(
    about(
      'Tab sign-in',
      'The Entra ID tenants whose users may sign in, comma-separated; the first is the home tenant.',
    ),
  ),
  TAB_AAD_JWKS_URL: z
    .url()
    .default('https://login.microsoftonline.com/common/discovery/v2.0/keys')
    .meta(
      about('Tab sign-in', 'Where Entra ID publishes its signing keys (changed only for tests and sovereign clouds).'),
    ),
  TAB_AAD_AUTHORITY_HOST: z
    .url()
    .default('https://login.microsoftonline.com')
    .meta(
      about(
        'Tab sign-in',
        'Where people sign in when the tab is opened outside Teams (tests and sovereign clouds change it).',
      ),
    ),
  DIRECTORY: z
    .enum(['file', 'entra'])
    .default('file')
    .meta(
      about(
        'Directory',
        '`file`: people and roles from `DIRECTORY_FILE`. `entra`: roles from `DIRECTORY_FILE`, people from Entra ID.',
      ),
    ),
  DIRECTORY_FILE: optionalString.meta(
    about(
      'Directory',
      'With `file`: people and their roles (object ids); with `entra`: the role file (UPNs and groups per role). Default `bot/demo/directory.json`.',
    ),
  ),
  SCHEDULED_ROUNDS: booleanFlag
    .default(true)
    .meta(
      about('Reminder rounds', "Start each plan's reminder round by itself, 14 days before the period's deadline."),
    ),
  WORK_QUEUE: z
    .enum(['in-process', 'azure-storage'])
    .default('in-process')
    .meta(
      about(
        'Reminder rounds',
        '`in-process`: one instance works the rounds. `azure-storage`: several instances share them through a queue and tables in one storage account.',
      ),
    ),
  AZURE_STORAGE_AUTH: z
    .enum(['connection-string', 'managed-identity'])
    .default('connection-string')
    .meta(
      about(
        'Reminder rounds',
        "How the service reaches its storage account: `connection-string` (Azurite, development) or `managed-identity` (the account's endpoints and an Entra ID token; the identity holds the Storage Queue/Table Data Contributor roles, no key).",
      ),
    ),
  AZURE_STORAGE_CONNECTION_STRING: optionalString.meta(
    about('Reminder rounds', 'With `connection-string`: the storage account the instances share (a secret).'),
  ),
  AZURE_STORAGE_QUEUE_ENDPOINT: optionalUrl.meta(
    about(
      'Reminder rounds',
      "With `managed-identity`: the account's queue endpoint, `https://<account>.queue.core.windows.net`.",
    ),
  ),
  AZURE_STORAGE_TABLE_ENDPOINT: optionalUrl.meta(
    about(
      'Reminder rounds',
      "With `managed-identity`: the account's table endpoint, `https://<account>.table.core.windows.net`.",
    ),
  ),
  AZURE_STORAGE_CLIENT_ID: optionalString.meta(
    about(
      'Reminder rounds',
      "With `managed-identity`: the user-assigned identity's client id (absent: the system-assigned one).",
    ),
  ),
  AZURE_STORAGE_QUEUE_NAME: z
    .string()
    .regex(
      /^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/,
      'a queue name: 3–63 lower-case letters, digits and single hyphens',
    )
    .default('tiltak-rounds')
    .meta(about('Reminder rounds', 'With `azure-storage`: the queue (made if missing).')),
  AZURE_STORAGE_TABLE_PREFIX: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, 'letters and digits, starting with a letter, at most 40')
    .default('Tiltak')
    .meta(about('Reminder rounds', 'With `azure-storage`: table names start with it (made if missing).')),
});

/** Every key the service reads from the environment (the infrastructure's app settings are checked against it). */
export const CONFIG_KEYS: readonly string[] = Object.keys(EnvSchema.shape);

/**
 * Rules across keys, checked on the raw values so that they are reported together with any
 * malformed key (a schema refinement would only run once every key parsed).
 */
function crossKeyProblems(env: NodeJS.ProcessEnv): string[] {
  const value = (key: string): string => (env[key] ?? '').trim();
  const appType = value('MicrosoftAppType') || 'MultiTenant';
  const host = value('HOST') || '127.0.0.1';
  const problems: string[] = [];
  if (value('MicrosoftAppId')) {
    if (appType !== 'UserAssignedMSI' && !value('MicrosoftAppPassword')) {
      problems.push('MicrosoftAppPassword: required when MicrosoftAppId is set');
    }
    if (appType !== 'MultiTenant' && !value('MicrosoftAppTenantId')) {
      problems.push(`MicrosoftAppTenantId: required when MicrosoftAppType is ${appType}`);
    }
  } else if (!isLoopback(host)) {
    problems.push(
      `HOST: without MicrosoftAppId the bot accepts unauthenticated activities, so it may listen only on loopback (127.0.0.1 or ::1), not ${host}`,
    );
  }
  if (value('STORAGE') === 'sharepoint') problems.push(...sharePointProblems(value));
  if (value('TEAMS_APP_CATALOG_ID')) problems.push(...installProblems(value));
  if (value('DIRECTORY') === 'entra') {
    if (!value('DIRECTORY_FILE'))
      problems.push(
        'DIRECTORY_FILE: required with DIRECTORY=entra (the role file: who holds which role, by UPN or group)',
      );
    const known = new Set(problems.map((p) => p.split(':')[0]));
    problems.push(...graphProblems(value).filter((p) => !known.has(p.split(':')[0])));
  }
  if (value('WORK_QUEUE') === 'azure-storage') problems.push(...azureStorageProblems(value));
  if (value('DEPLOYMENT_PROFILE') === 'production') problems.push(...productionProblems(value));
  if (value('TAB_AAD_CLIENT_ID') && !value('TAB_AAD_TENANT_IDS')) {
    problems.push('TAB_AAD_TENANT_IDS: required with TAB_AAD_CLIENT_ID (the tenants whose users may sign in)');
  }
  return problems;
}

function azureStorageProblems(value: (key: string) => string): string[] {
  if ((value('AZURE_STORAGE_AUTH') || 'connection-string') === 'connection-string')
    return value('AZURE_STORAGE_CONNECTION_STRING')
      ? []
      : [
          'AZURE_STORAGE_CONNECTION_STRING: required with WORK_QUEUE=azure-storage (the storage account the instances share)',
        ];
  return ['AZURE_STORAGE_QUEUE_ENDPOINT', 'AZURE_STORAGE_TABLE_ENDPOINT']
    .filter((key) => !value(key))
    .map((key) => `${key}: required with AZURE_STORAGE_AUTH=managed-identity (the storage account's endpoint)`);
}

/**
 * A production instance may be replaced at any time (a scale-out, a restart on other hardware, a
 * slot swap): whatever it keeps on its own disk is lost then, so durable state in a local file is
 * refused unless that file is declared to be on a disk that outlives the instance.
 */
function productionProblems(value: (key: string) => string): string[] {
  const why = 'with DEPLOYMENT_PROFILE=production';
  const problems: string[] = [];
  if (!value('MicrosoftAppId')) problems.push(`MicrosoftAppId: required ${why} (Teams must authenticate to the bot)`);
  if (['true', '1', 'yes'].includes(value('LOCAL_FILES_PERSISTENT'))) return problems;
  const keep = `set LOCAL_FILES_PERSISTENT=true only if that file is on a disk that outlives the instance`;
  const file = value('DATABASE_PATH') || 'data/tiltak.db';
  if (value('STORAGE') !== 'sharepoint')
    problems.push(
      `STORAGE: ${why} plans, status reports and the audit trail would sit in this instance's own file ${file}; use STORAGE=sharepoint, or ${keep}`,
    );
  if (value('WORK_QUEUE') !== 'azure-storage') {
    const outbox =
      value('STORAGE') === 'sharepoint' ? ` and card answers (${value('OUTBOX_PATH') || 'data/outbox.db'})` : '';
    problems.push(
      `WORK_QUEUE: ${why} reminder rounds, deliveries, conversations, substitutes and locked periods (${file})${outbox} would sit in this instance's own files; use WORK_QUEUE=azure-storage, or ${keep}`,
    );
  }
  return problems;
}

function sharePointProblems(value: (key: string) => string): string[] {
  const problems: string[] = [];
  if (!value('SHAREPOINT_SITE_ID'))
    problems.push(
      'SHAREPOINT_SITE_ID: required with STORAGE=sharepoint (the site id, "<host>,<site collection id>,<web id>")',
    );
  return [...problems, ...graphProblems(value)];
}

/** Installing the app for people needs Graph, the bot's identity and the tenant to open chats in. */
function installProblems(value: (key: string) => string): string[] {
  const problems: string[] = [];
  const why = 'with TEAMS_APP_CATALOG_ID (installing the app for people who never opened it)';
  if (!value('MicrosoftAppId')) problems.push(`MicrosoftAppId: required ${why}`);
  if (!value('GRAPH_TENANT_ID')) problems.push(`GRAPH_TENANT_ID: required ${why}`);
  const shared = value('STORAGE') === 'sharepoint' ? [] : graphProblems(value);
  return [...problems, ...shared.filter((p) => !p.startsWith('GRAPH_TENANT_ID')), ...installIdentityProblems(value)];
}

/**
 * TeamsAppInstallation.ReadWriteSelfForUser.All lets an app install "itself": the Teams app whose
 * manifest names it in webApplicationInfo.id. Our manifest names the tab's app there
 * (TAB_AAD_CLIENT_ID), so Graph must be called as that app, or every installation is refused.
 */
function installIdentityProblems(value: (key: string) => string): string[] {
  const tab = value('TAB_AAD_CLIENT_ID');
  const graph = value('GRAPH_CLIENT_ID');
  const rule =
    "TeamsAppInstallation.ReadWriteSelfForUser.All installs only the Teams app whose manifest's webApplicationInfo.id is the app calling Graph, and the manifest sets it to TAB_AAD_CLIENT_ID";
  if (!tab) return [`TAB_AAD_CLIENT_ID: required with TEAMS_APP_CATALOG_ID (${rule})`];
  if ((value('GRAPH_AUTH') || 'secret') === 'managed-identity')
    return [
      `GRAPH_AUTH: with TEAMS_APP_CATALOG_ID Graph must be called as the tab's app ${tab}, not a managed identity (${rule}); use GRAPH_AUTH=secret or certificate with GRAPH_CLIENT_ID=${tab}`,
    ];
  if (graph && graph !== tab)
    return [
      `GRAPH_CLIENT_ID: is ${graph}, but with TEAMS_APP_CATALOG_ID it must be the tab's app ${tab} (${rule}): otherwise every installation is refused; set GRAPH_CLIENT_ID=${tab} and its secret or certificate`,
    ];
  return [];
}

function graphProblems(value: (key: string) => string): string[] {
  const problems: string[] = [];
  const need = (key: string, why: string): void => {
    if (!value(key)) problems.push(`${key}: required ${why}`);
  };
  const auth = value('GRAPH_AUTH') || 'secret';
  if (auth !== 'managed-identity') {
    need('GRAPH_TENANT_ID', `with GRAPH_AUTH=${auth}`);
    need('GRAPH_CLIENT_ID', `with GRAPH_AUTH=${auth}`);
  }
  if (auth === 'secret') need('GRAPH_CLIENT_SECRET', 'with GRAPH_AUTH=secret');
  if (auth === 'certificate') need('GRAPH_CERTIFICATE_PATH', 'with GRAPH_AUTH=certificate');
  return problems;
}

export interface Config {
  /** Which of the two deployment profiles this start is (see DEPLOYMENT_PROFILE). */
  profile: { name: 'embedded' | 'production'; localFilesPersistent: boolean };
  /** Where logs and request traces also go; absent: stdout only. */
  applicationInsights?: { connectionString: string };
  port: number;
  host: string;
  logLevel: string;
  storage: StorageSettings;
  directoryFile: string;
  /** Where people come from: the file itself, or Entra ID (through Graph) for those the file names. */
  directory: { kind: 'file' } | { kind: 'entra'; graph: GraphSettings };
  demoPlans: { load: boolean; dir: string };
  tabDistDir: string;
  teams: {
    maxRequestsPerSecond: number;
    /** Set when the service may install the app for people who never opened it. */
    install?: AppInstallSettings;
  };
  reminders: { scheduled: boolean };
  http: { trustedProxies: string[] };
  /** Where the reminder rounds' work and state are kept: this process, or shared by instances. */
  workQueue: { kind: 'in-process' } | { kind: 'azure-storage'; storage: AzureStorageSettings };
  bot: {
    /** Empty in local development: Bot Framework authentication is then off (loopback only). */
    appId?: string;
    appPassword?: string;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId?: string;
  };
  /** 'dev': the tab API is open on loopback with no sign-in; 'sso': it requires an Entra ID token. */
  tabAuth: { mode: 'dev' } | { mode: 'sso'; sso?: TabSsoSettings };
}

export type StorageSettings =
  | { kind: 'local'; databasePath: string }
  | { kind: 'sharepoint'; databasePath: string; outboxPath: string; sharePoint: SharePointSettings };

export interface GraphSettings {
  graphBaseUrl: string;
  auth: GraphAuthSettings;
}

export interface SharePointSettings extends GraphSettings {
  siteId: string;
}

export interface AppInstallSettings {
  /** The app's id in the organisation's app catalog (not the manifest id). */
  catalogAppId: string;
  tenantId: string;
  botId: string;
  /** Where new 1:1 chats are created: the Bot Connector for Teams. */
  serviceUrl: string;
  graph: GraphSettings;
}

/** What a tab token must be: signed by Entra ID, for this app, from an allowed tenant. */
export interface TabSsoSettings {
  clientId: string;
  /** Accepted audiences: the client id (v2 tokens) and the Application ID URI (v1 tokens). */
  audiences: string[];
  tenantIds: string[];
  jwksUrl: string;
  signIn: BrowserSignIn;
}

/** What the tab needs to sign someone in with a redirect when it runs outside Teams. */
export interface BrowserSignIn {
  clientId: string;
  authority: string;
  scopes: string[];
}

/** How the service reaches its storage account: a connection string (Azurite), or its endpoints as the managed identity. */
export type StorageAccount =
  | { connectionString: string }
  | {
      /** "https://<account>.queue.core.windows.net" */
      queueEndpoint: string;
      /** "https://<account>.table.core.windows.net" */
      tableEndpoint: string;
      /** The user-assigned identity's client id; absent: the system-assigned identity. */
      clientId?: string;
    };

export type AzureStorageSettings = StorageAccount & {
  queueName: string;
  /** Table names start with it (several deployments may share an account). */
  tablePrefix: string;
};

/** How the service signs in to Graph (app-only). */
export type GraphAuthSettings =
  | { kind: 'secret'; tenantId: string; clientId: string; clientSecret: string; authorityHost: string }
  | { kind: 'certificate'; tenantId: string; clientId: string; certificatePath: string; authorityHost: string }
  | { kind: 'managed-identity'; clientId?: string };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, root = projectRoot()): Config {
  const parsed = EnvSchema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`)),
    ...crossKeyProblems(env),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const fromRoot = (p: string | undefined, fallback: string): string => resolve(root, p ?? fallback);
  const ssoConfigured = Boolean(e.MicrosoftAppId || e.TAB_AAD_CLIENT_ID);
  return {
    profile: { name: e.DEPLOYMENT_PROFILE, localFilesPersistent: e.LOCAL_FILES_PERSISTENT },
    ...(e.APPLICATIONINSIGHTS_CONNECTION_STRING
      ? { applicationInsights: { connectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING } }
      : {}),
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    storage: storageSettings(e, fromRoot(e.DATABASE_PATH, 'data/tiltak.db'), fromRoot(e.OUTBOX_PATH, 'data/outbox.db')),
    directoryFile: fromRoot(e.DIRECTORY_FILE, 'bot/demo/directory.json'),
    directory: e.DIRECTORY === 'entra' ? { kind: 'entra', graph: graphSettings(e) } : { kind: 'file' },
    demoPlans: { load: e.LOAD_DEMO_PLANS, dir: fromRoot(e.DEMO_PLANS_DIR, 'bot/demo/plans') },
    tabDistDir: fromRoot(e.TAB_DIST_DIR, 'dist/tab'),
    teams: {
      maxRequestsPerSecond: e.TEAMS_MAX_REQUESTS_PER_SECOND,
      ...(e.TEAMS_APP_CATALOG_ID
        ? {
            install: {
              catalogAppId: e.TEAMS_APP_CATALOG_ID,
              tenantId: e.GRAPH_TENANT_ID ?? '',
              botId: e.MicrosoftAppId ?? '',
              serviceUrl: e.BOT_SERVICE_URL,
              graph: graphSettings(e),
            },
          }
        : {}),
    },
    reminders: { scheduled: e.SCHEDULED_ROUNDS },
    http: { trustedProxies: listOf(e.TRUSTED_PROXIES) },
    workQueue:
      e.WORK_QUEUE === 'azure-storage'
        ? {
            kind: 'azure-storage',
            storage: {
              ...storageAccount(e),
              queueName: e.AZURE_STORAGE_QUEUE_NAME,
              tablePrefix: e.AZURE_STORAGE_TABLE_PREFIX,
            },
          }
        : { kind: 'in-process' },
    bot: {
      appType: e.MicrosoftAppType,
      ...(e.MicrosoftAppId ? { appId: e.MicrosoftAppId } : {}),
      ...(e.MicrosoftAppPassword ? { appPassword: e.MicrosoftAppPassword } : {}),
      ...(e.MicrosoftAppTenantId ? { tenantId: e.MicrosoftAppTenantId } : {}),
    },
    tabAuth: ssoConfigured ? { mode: 'sso', ...tabSso(e) } : { mode: 'dev' },
  };
}

function storageSettings(e: z.infer<typeof EnvSchema>, databasePath: string, outboxPath: string): StorageSettings {
  if (e.STORAGE === 'local') return { kind: 'local', databasePath };
  return {
    kind: 'sharepoint',
    databasePath,
    outboxPath,
    sharePoint: { siteId: e.SHAREPOINT_SITE_ID ?? '', ...graphSettings(e) },
  };
}

function storageAccount(e: z.infer<typeof EnvSchema>): StorageAccount {
  if (e.AZURE_STORAGE_AUTH === 'connection-string')
    return { connectionString: e.AZURE_STORAGE_CONNECTION_STRING ?? '' };
  return {
    queueEndpoint: e.AZURE_STORAGE_QUEUE_ENDPOINT ?? '',
    tableEndpoint: e.AZURE_STORAGE_TABLE_ENDPOINT ?? '',
    ...(e.AZURE_STORAGE_CLIENT_ID ? { clientId: e.AZURE_STORAGE_CLIENT_ID } : {}),
  };
}

function graphSettings(e: z.infer<typeof EnvSchema>): GraphSettings {
  const app = {
    tenantId: e.GRAPH_TENANT_ID ?? '',
    clientId: e.GRAPH_CLIENT_ID ?? '',
    authorityHost: e.GRAPH_AUTHORITY_HOST.replace(/\/$/, ''),
  };
  const auth: GraphAuthSettings =
    e.GRAPH_AUTH === 'managed-identity'
      ? { kind: 'managed-identity', ...(e.GRAPH_CLIENT_ID ? { clientId: e.GRAPH_CLIENT_ID } : {}) }
      : e.GRAPH_AUTH === 'certificate'
        ? { kind: 'certificate', ...app, certificatePath: e.GRAPH_CERTIFICATE_PATH ?? '' }
        : { kind: 'secret', ...app, clientSecret: e.GRAPH_CLIENT_SECRET ?? '' };
  return { graphBaseUrl: e.GRAPH_BASE_URL.replace(/\/$/, ''), auth };
}

/**
 * Teams SSO settings when the tab's app is configured. With only MicrosoftAppId (a bot without a
 * tab app) there are none, and the tab API refuses every call: closed, never open.
 */
function tabSso(e: z.infer<typeof EnvSchema>): { sso?: TabSsoSettings } {
  if (!e.TAB_AAD_CLIENT_ID) return {};
  return {
    sso: {
      clientId: e.TAB_AAD_CLIENT_ID,
      audiences: [e.TAB_AAD_CLIENT_ID, e.TAB_AAD_APP_ID_URI ?? `api://${e.TAB_AAD_CLIENT_ID}`],
      tenantIds: (e.TAB_AAD_TENANT_IDS ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      jwksUrl: e.TAB_AAD_JWKS_URL,
      signIn: browserSignIn(e, e.TAB_AAD_CLIENT_ID),
    },
  };
}

/**
 * Sign-in outside Teams (a browser on the meeting room's projector): the tab's own app registration
 * with a redirect, asking for the same `access_as_user` scope Teams SSO gives. One tenant signs in
 * at its own authority; several go through "organizations" and the token's tenant is checked.
 */
function browserSignIn(e: z.infer<typeof EnvSchema>, clientId: string): BrowserSignIn {
  const tenants = (e.TAB_AAD_TENANT_IDS ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const host = e.TAB_AAD_AUTHORITY_HOST.replace(/\/$/, '');
  return {
    clientId,
    authority: `${host}/${tenants.length === 1 ? tenants[0] : 'organizations'}`,
    scopes: [`${e.TAB_AAD_APP_ID_URI ?? `api://${clientId}`}/access_as_user`],
  };
}

function listOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** For the entry points: the config, or the named problems on stderr and exit code 2. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1' || bare === '::ffff:127.0.0.1';
}

/** The folder holding package.json, found from this file whether it runs from src or dist. */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
