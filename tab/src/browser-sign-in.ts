/**
 * Sign-in when the tab runs in a plain browser (the meeting room's projector) against a service
 * that requires Entra ID: MSAL's redirect flow with PKCE, asking for the same `access_as_user`
 * scope Teams SSO gives, so the service validates both alike. MSAL is loaded only here, never in
 * Teams, and never in local development (no sign-in is configured there).
 */
import type { SignInResponse } from '../../bot/src/contract';

export type BrowserSession =
  /** Local development, or the service could not say: go on without sign-in. */
  | { kind: 'none' }
  | { kind: 'signed-in'; getToken: () => Promise<string> }
  | { kind: 'sign-in-needed'; signIn: () => Promise<void> };

export async function browserSession(): Promise<BrowserSession> {
  const response = await fetch('/api/v1/sign-in', { headers: { Accept: 'application/json' } }).catch(() => undefined);
  if (!response?.ok) return { kind: 'none' };
  const config = (await response.json()) as SignInResponse;
  const { PublicClientApplication, InteractionRequiredAuthError } = await import('@azure/msal-browser');
  const msal = new PublicClientApplication({
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      // Known, so MSAL trusts it without asking Microsoft's instance discovery.
      knownAuthorities: [new URL(config.authority).host],
      redirectUri: `${location.origin}/tab/`,
    },
    cache: { cacheLocation: 'sessionStorage' },
  });
  await msal.initialize();
  // Back from Entra ID: MSAL takes the code from the address and returns to the page that asked.
  const returned = await msal.handleRedirectPromise({ navigateToLoginRequestUrl: true });
  const account = returned?.account ?? msal.getAllAccounts()[0];
  const request = { scopes: config.scopes, redirectStartPage: location.href };
  if (!account) return { kind: 'sign-in-needed', signIn: () => msal.loginRedirect(request) };
  msal.setActiveAccount(account);
  return {
    kind: 'signed-in',
    getToken: async () => {
      try {
        return (await msal.acquireTokenSilent({ scopes: config.scopes, account })).accessToken;
      } catch (error) {
        // The session ran out: sign in again, and come back here.
        if (error instanceof InteractionRequiredAuthError) await msal.acquireTokenRedirect(request);
        throw error;
      }
    },
  };
}
