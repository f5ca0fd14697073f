/**
 * App-only tokens for Graph from @azure/msal-node: a client secret or a certificate (app
 * registration), or the managed identity when the service runs in Azure (the same credential the
 * Bot Connector and Storage use, ../identity/managed-identity.ts), or an app registration whose
 * credential is the managed identity's token (workload identity federation). Tokens are cached
 * and renewed before they expire, so asking for one per request costs nothing.
 */
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfidentialClientApplication, type Configuration, type INetworkModule } from '@azure/msal-node';
import { managedIdentity, tokensFor } from '../identity/managed-identity';
import type { GraphAuthSettings } from '../../config';
import type { FetchFunction, TokenProvider } from './graph-http';

const PUBLIC_CLOUD = 'https://login.microsoftonline.com';

export function createTokenProvider(
  settings: GraphAuthSettings,
  graphBaseUrl: string,
  fetchFn?: FetchFunction,
): TokenProvider {
  const scope = `${new URL(graphBaseUrl).origin}/.default`;
  if (settings.kind === 'managed-identity') return tokensFor(managedIdentity(settings.clientId), scope);
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: settings.clientId,
      authority: `${settings.authorityHost}/${settings.tenantId}`,
      ...credentialOf(settings),
      ...authorityOverrides(settings.authorityHost, settings.tenantId),
    },
    ...(fetchFn ? { system: { networkClient: fetchNetworkClient(fetchFn) } } : {}),
  });
  return async () => {
    const result = await app.acquireTokenByClientCredential({ scopes: [scope] });
    if (!result?.accessToken) throw new Error('Entra ID returned no access token for Graph');
    return result.accessToken;
  };
}

type AppCredential = Pick<Configuration['auth'], 'clientSecret' | 'clientCertificate' | 'clientAssertion'>;

function credentialOf(settings: Exclude<GraphAuthSettings, { kind: 'managed-identity' }>): AppCredential {
  if (settings.kind === 'secret') return { clientSecret: settings.clientSecret };
  if (settings.kind === 'certificate') return { clientCertificate: readCertificate(settings.certificatePath) };
  // MSAL asks for the assertion whenever it needs a new token; the identity's own cache keeps that cheap.
  const exchange = tokensFor(
    managedIdentity(settings.identityClientId),
    `${tokenExchangeAudience(settings.authorityHost)}/.default`,
  );
  return { clientAssertion: () => exchange() };
}

/**
 * The audience Entra ID takes a managed identity's token for, as a federated credential, per cloud
 * (https://learn.microsoft.com/entra/workload-id/workload-identity-federation-config-app-trust-managed-identity).
 */
function tokenExchangeAudience(authorityHost: string): string {
  const host = new URL(authorityHost).host;
  if (host === 'login.microsoftonline.us') return 'api://AzureADTokenExchangeUSGov';
  if (host === 'login.chinacloudapi.cn') return 'api://AzureADTokenExchangeChina';
  return 'api://AzureADTokenExchange';
}

/**
 * Outside the public cloud (a sovereign cloud, or the test issuer) MSAL is told the endpoints
 * instead of discovering them from login.microsoftonline.com.
 */
function authorityOverrides(authorityHost: string, tenantId: string): Partial<Configuration['auth']> {
  if (authorityHost === PUBLIC_CLOUD) return {};
  const base = `${authorityHost}/${tenantId}`;
  return {
    knownAuthorities: [new URL(authorityHost).host],
    authorityMetadata: JSON.stringify({
      token_endpoint: `${base}/oauth2/v2.0/token`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      issuer: `${base}/v2.0`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
    }),
  };
}

/** A PEM file holding the private key and the certificate registered on the app. */
function readCertificate(path: string): { thumbprintSha256: string; privateKey: string } {
  const pem = readFileSync(path, 'utf8');
  const certificate = new X509Certificate(pem);
  const privateKey = createPrivateKey(pem).export({ format: 'pem', type: 'pkcs8' }).toString();
  return { thumbprintSha256: createHash('sha256').update(certificate.raw).digest('hex'), privateKey };
}

function fetchNetworkClient(fetchFn: FetchFunction): INetworkModule {
  const send = async <T>(
    method: string,
    url: string,
    options?: { headers?: Record<string, string>; body?: string },
  ) => {
    const response = await fetchFn(url, {
      method,
      ...(options?.headers ? { headers: options.headers } : {}),
      ...(options?.body ? { body: options.body } : {}),
    });
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body: (await response.json()) as T,
    };
  };
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}
