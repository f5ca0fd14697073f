/** The configuration as the service uses it, built once from the environment by config.ts. */
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
  /** What links to the app (in e-mails, activity notifications) are built from: domain/tab-links.ts. */
  links: TabLinkSettings;
  teams: {
    maxRequestsPerSecond: number;
    /** Set when the service may install the app for people who never opened it. */
    install?: AppInstallSettings;
    /**
     * Set when reminders may go to the activity feed (TEAMS_APP_ID with TEAMS_APP_CATALOG_ID: the
     * app is installed for people, and Graph is called as the Teams app, whose RSC grant it uses).
     */
    activity?: { teamsAppId: string; graph: GraphSettings };
  };
  reminders: {
    scheduled: boolean;
    /** Set when reminders go by e-mail to those Teams cannot reach: the mailbox they come from. */
    mail?: { sender: string; graph: GraphSettings };
  };
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

export interface TabLinkSettings {
  /** The public origin the tab is served from, e.g. https://tiltak.example.no */
  tabBaseUrl: string;
  /** The manifest's app id: present, links open the tab inside Teams. */
  teamsAppId?: string;
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
  | { kind: 'managed-identity'; clientId?: string }
  /**
   * An app registration signed in with the managed identity's token as its credential (a federated
   * identity credential on the app trusts the identity): the app's permissions, and still no secret.
   */
  | {
      kind: 'managed-identity-federation';
      tenantId: string;
      clientId: string;
      identityClientId?: string;
      authorityHost: string;
    };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}
