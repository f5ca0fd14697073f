/** The settings of each part of the service, built from the parsed keys (config.ts validates them first). */
import type { Env } from './config';
import type {
  BrowserSignIn,
  GraphAuthSettings,
  GraphSettings,
  StorageAccount,
  StorageSettings,
  TabSsoSettings,
} from './config-types';

export function storageSettings(e: Env, databasePath: string, outboxPath: string): StorageSettings {
  if (e.STORAGE === 'local') return { kind: 'local', databasePath };
  return {
    kind: 'sharepoint',
    databasePath,
    outboxPath,
    sharePoint: { siteId: e.SHAREPOINT_SITE_ID ?? '', ...graphSettings(e) },
  };
}

export function storageAccount(e: Env): StorageAccount {
  if (e.AZURE_STORAGE_AUTH === 'connection-string')
    return { connectionString: e.AZURE_STORAGE_CONNECTION_STRING ?? '' };
  return {
    queueEndpoint: e.AZURE_STORAGE_QUEUE_ENDPOINT ?? '',
    tableEndpoint: e.AZURE_STORAGE_TABLE_ENDPOINT ?? '',
    ...(e.AZURE_STORAGE_CLIENT_ID ? { clientId: e.AZURE_STORAGE_CLIENT_ID } : {}),
  };
}

export function graphSettings(e: Env): GraphSettings {
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
 * Graph as the Teams app, for installing it for people and for its activity feed: both permissions
 * (TeamsAppInstallation.ReadWriteSelfForUser.All, the RSC TeamsActivity.Send.User) act only for the
 * app the manifest names in webApplicationInfo.id, the tab's. With an app registration that must be
 * GRAPH_CLIENT_ID itself (config-rules.ts says so). With the managed identity the service signs in
 * as the tab's app, the identity's token as its credential: the tab's app trusts the identity
 * through a federated identity credential (docs/deploy.md), so there is still no secret.
 */
export function teamsAppGraphSettings(e: Env): GraphSettings {
  const graph = graphSettings(e);
  if (graph.auth.kind !== 'managed-identity') return graph;
  return {
    ...graph,
    auth: {
      kind: 'managed-identity-federation',
      tenantId: e.GRAPH_TENANT_ID ?? '',
      clientId: e.TAB_AAD_CLIENT_ID ?? '',
      ...(e.GRAPH_CLIENT_ID ? { identityClientId: e.GRAPH_CLIENT_ID } : {}),
      authorityHost: e.GRAPH_AUTHORITY_HOST.replace(/\/$/, ''),
    },
  };
}

/**
 * Teams SSO settings when the tab's app is configured. With only MicrosoftAppId (a bot without a
 * tab app) there are none, and the tab API refuses every call: closed, never open.
 */
export function tabSso(e: Env): { sso?: TabSsoSettings } {
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
function browserSignIn(e: Env, clientId: string): BrowserSignIn {
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

export function listOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
