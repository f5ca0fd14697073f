/**
 * The storage contract against a real SharePoint site, when credentials are given:
 *   SP_TEST_SITE_ID, SP_TEST_TENANT_ID, SP_TEST_CLIENT_ID and SP_TEST_CLIENT_SECRET
 * (an app registration with Sites.Selected, granted `write` on that one test site, as the service
 * runs), and for provisioning the lists SP_TEST_PROVISION_CLIENT_ID and SP_TEST_PROVISION_CLIENT_SECRET
 * (an app with `manage` on the site; without them the first app provisions, and needs `manage`).
 * Each test writes plans under fresh ids, so runs do not meet. See docs/testing-against-a-tenant.md.
 */
import pino from 'pino';
import { provisionSite } from '../../bot/src/adapters/sharepoint/provision';
import { openSharePointStore } from '../../bot/src/adapters/sharepoint/sharepoint-store';
import { graphFor } from '../../bot/src/storage';
import { describeStorageContract } from './storage-contract';

const KEYS = ['SP_TEST_SITE_ID', 'SP_TEST_TENANT_ID', 'SP_TEST_CLIENT_ID', 'SP_TEST_CLIENT_SECRET'] as const;
const missing = KEYS.filter((k) => !process.env[k]);

if (missing.length > 0) {
  it.skip(`real SharePoint site: skipped, set ${missing.join(', ')} to run the storage contract against a tenant`, () => {});
}

describeStorageContract('SharePoint on a real site (SP_TEST_*)', () => {
  if (missing.length > 0) return undefined;
  const env = process.env as Record<(typeof KEYS)[number], string> & Record<string, string | undefined>;
  const app = (clientId: string, clientSecret: string) =>
    graphFor(
      {
        graphBaseUrl: 'https://graph.microsoft.com',
        auth: {
          kind: 'secret',
          tenantId: env.SP_TEST_TENANT_ID,
          clientId,
          clientSecret,
          authorityHost: 'https://login.microsoftonline.com',
        },
      },
      pino({ level: 'warn' }),
    );
  const graph = app(env.SP_TEST_CLIENT_ID, env.SP_TEST_CLIENT_SECRET);
  const provisioning =
    env.SP_TEST_PROVISION_CLIENT_ID && env.SP_TEST_PROVISION_CLIENT_SECRET
      ? app(env.SP_TEST_PROVISION_CLIENT_ID, env.SP_TEST_PROVISION_CLIENT_SECRET)
      : graph;
  return {
    open: async () => {
      await provisionSite(provisioning, env.SP_TEST_SITE_ID);
      return openSharePointStore(graph, env.SP_TEST_SITE_ID);
    },
    close: async () => {},
  };
});
