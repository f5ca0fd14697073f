/**
 * The tab opened in a plain browser (the meeting room's projector) against a service that requires
 * Entra ID: it offers to sign in, goes through the authorization code flow with PKCE (the Entra ID
 * sign-in stand-in checks the verifier), comes back to the page it was on, and the API accepts the
 * token as it accepts Teams SSO's. Nothing of the plan shows before that.
 */
import type { BrowserContext } from 'playwright-core';
import { EntraIdIssuer, TAB_CLIENT_ID, TENANT } from '../fakes/entra-id-issuer';
import { EntraSignIn } from '../fakes/entra-sign-in';
import { launchBrowser } from '../support/chromium';
import { startTestService, type TestService } from '../support/service';
import { axeViolations } from '../support/axe';

jest.setTimeout(90_000);

let issuer: EntraIdIssuer;
let signIn: EntraSignIn;
let service: TestService;
let browser: BrowserContext;

beforeAll(async () => {
  issuer = await EntraIdIssuer.start();
  signIn = await EntraSignIn.start(issuer, {
    oid: '00000000-0000-0000-0000-0000000000020', // Alex Wilber in the demo directory: Høylandet's coordinator
    name: 'Alex Wilber',
    username: 'alex@kommune.example.no',
  });
  service = await startTestService({
    TAB_AAD_CLIENT_ID: TAB_CLIENT_ID,
    TAB_AAD_TENANT_IDS: TENANT,
    TAB_AAD_JWKS_URL: issuer.jwksUrl,
    TAB_AAD_AUTHORITY_HOST: signIn.authorityHost,
  });
  browser = await launchBrowser({ locale: 'nb-NO', trustTestCertificates: true });
});
afterAll(async () => {
  await browser?.close();
  await service?.close();
  await signIn?.stop();
  await issuer?.stop();
});

it('signs in with a redirect and comes back to the overview it was asked for', async () => {
  const page = await browser.newPage();
  await page.goto(`${service.url}/tab/?plan=hoylandet-2023-2027&show=overview`);
  const button = page.getByRole('button', { name: 'Logg inn' });
  await button.waitFor();
  expect(await page.getByText('Strategi for digitalisering').count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);

  await button.click();
  await page.locator('#overview-heading').waitFor();
  expect(page.url()).toContain('show=overview');
  expect(signIn.refused).toEqual([]);
  const asked = signIn.authorizeRequests.at(-1);
  expect(asked?.get('client_id')).toBe(TAB_CLIENT_ID);
  expect(asked?.get('code_challenge_method')).toBe('S256');
  expect(asked?.get('scope')).toContain(`api://${TAB_CLIENT_ID}/access_as_user`);

  // Signed in as the coordinator (told when the running period can be locked); a reload needs no new sign-in.
  await page.getByText(/Perioden kan låses når fristen er ute/).waitFor();
  const before = signIn.authorizeRequests.length;
  await page.reload();
  await page.locator('#overview-heading').waitFor();
  expect(signIn.authorizeRequests.length).toBe(before);
  await page.close();
});

it('tells the browser where it may sign in, and nothing more', async () => {
  const response = await fetch(`${service.url}/api/v1/sign-in`);
  expect(await response.json()).toEqual({
    clientId: TAB_CLIENT_ID,
    authority: `${signIn.authorityHost}/${TENANT}`,
    scopes: [`api://${TAB_CLIENT_ID}/access_as_user`],
  });
  expect(response.headers.get('content-security-policy')).toContain(`connect-src 'self' ${signIn.origin}`);
});
