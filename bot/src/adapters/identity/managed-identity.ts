/**
 * The service's managed identity, through @azure/identity. On App Service the platform gives the
 * process IDENTITY_ENDPOINT and IDENTITY_HEADER, which the credential reads itself (elsewhere in
 * Azure it asks the instance metadata service). One credential per identity serves Graph, the Bot
 * Connector and Azure Storage; its cache renews each token before it expires, so asking for one
 * per request costs nothing.
 */
import { ManagedIdentityCredential, type TokenCredential } from '@azure/identity';

const credentials = new Map<string, TokenCredential>();

/** The user-assigned identity with this client id, or the system-assigned one without. */
export function managedIdentity(clientId?: string): TokenCredential {
  const key = clientId ?? '(system-assigned)';
  let credential = credentials.get(key);
  if (!credential) {
    credential = clientId ? new ManagedIdentityCredential({ clientId }) : new ManagedIdentityCredential();
    credentials.set(key, credential);
  }
  return credential;
}

/** Bearer tokens for one audience, e.g. "https://graph.microsoft.com/.default". */
export function tokensFor(credential: TokenCredential, scope: string): () => Promise<string> {
  return async () => {
    const token = await credential.getToken(scope);
    if (!token?.token) throw new Error(`the managed identity got no token for ${scope}`);
    return token.token;
  };
}
