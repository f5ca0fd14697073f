/**
 * Configuration: read from the environment once, validated, and every problem named in one error.
 * Nothing else in the service reads process.env. Over 300 lines for a reason: the schema below is
 * the one list of every key, with its default and description (docs/configuration.md is made from
 * it: npm run docs:config), and splitting that list would give keys two homes. The rules across keys
 * are in config-rules.ts, the settings built from the keys in config-sections.ts, their types in
 * config-types.ts.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { crossKeyProblems } from './config-rules';
import {
  graphSettings,
  listOf,
  storageAccount,
  storageSettings,
  tabSso,
  teamsAppGraphSettings,
} from './config-sections';
import { ConfigError, type Config } from './config-types';

export * from './config-types';
export { isLoopback } from './config-rules';

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
  TAB_PUBLIC_URL: optionalUrl.meta(
    about(
      'Service',
      "The service's public address as people open it (`https://<TAB_DOMAIN>`), for links in e-mails and notifications (default `http://localhost:<PORT>`).",
    ),
  ),
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
        "The reminder sender's ceiling for proactive messages, in each tenant (Teams: 50 per app and tenant, counted for every tenant apart); with several instances, each one's share (50 ÷ instances).",
      ),
    ),
  TEAMS_APP_ID: optionalString.meta(
    about(
      'Bot',
      "The app's id in its manifest (`id`), for deep links that open the app's tabs in Teams; without it, links open the tab in the browser.",
    ),
  ),
  TEAMS_APP_CATALOG_ID: optionalString.meta(
    about(
      'Bot',
      "The app's id in the organisation's app catalog: install the app for people the bot never talked to (needs `MicrosoftAppId`, `TAB_AAD_CLIENT_ID` and the `GRAPH_*` keys; Graph is called as the tab's app, with `managed-identity` through a federated credential: docs/deploy.md 5 g.).",
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
  MAIL_SENDER_ADDRESS: z
    .string()
    .trim()
    .transform((s) => (s === '' ? undefined : s))
    .pipe(z.email('an e-mail address, e.g. tiltak@kommune.no').optional())
    .optional()
    .meta(
      about(
        'Reminder rounds',
        'The mailbox reminders come from for people Teams cannot reach (needs the `GRAPH_*` keys, Mail.Send restricted to this mailbox: docs/deploy.md). Unset: no e-mail.',
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

/** The keys as parsed and defaulted, which the settings are built from. */
export type Env = z.infer<typeof EnvSchema>;

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
    links: {
      tabBaseUrl: e.TAB_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
      ...(e.TEAMS_APP_ID ? { teamsAppId: e.TEAMS_APP_ID } : {}),
    },
    teams: {
      maxRequestsPerSecond: e.TEAMS_MAX_REQUESTS_PER_SECOND,
      ...(e.TEAMS_APP_CATALOG_ID
        ? {
            install: {
              catalogAppId: e.TEAMS_APP_CATALOG_ID,
              tenantId: e.GRAPH_TENANT_ID ?? '',
              botId: e.MicrosoftAppId ?? '',
              serviceUrl: e.BOT_SERVICE_URL,
              graph: teamsAppGraphSettings(e),
            },
          }
        : {}),
      // The activity feed is sent as the Teams app (its RSC permission), as installing is: Graph as the tab's app.
      ...(e.TEAMS_APP_ID && e.TEAMS_APP_CATALOG_ID
        ? { activity: { teamsAppId: e.TEAMS_APP_ID, graph: teamsAppGraphSettings(e) } }
        : {}),
    },
    reminders: {
      scheduled: e.SCHEDULED_ROUNDS,
      ...(e.MAIL_SENDER_ADDRESS ? { mail: { sender: e.MAIL_SENDER_ADDRESS, graph: graphSettings(e) } } : {}),
    },
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
