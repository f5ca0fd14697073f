/**
 * The storage contract against a real SharePoint site, when credentials are given:
 *   SP_TEST_SITE_ID, SP_TEST_TENANT_ID, SP_TEST_CLIENT_ID and SP_TEST_CLIENT_SECRET
 * (an app registration with Sites.Selected, granted write on that one test site). The lists are
 * provisioned first; each test writes plans under fresh ids, so runs do not meet.
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
  const env = process.env as Record<(typeof KEYS)[number], string>;
  const graph = graphFor(
    {
      graphBaseUrl: 'https://graph.microsoft.com',
      auth: {
        kind: 'secret',
        tenantId: env.SP_TEST_TENANT_ID,
        clientId: env.SP_TEST_CLIENT_ID,
        clientSecret: env.SP_TEST_CLIENT_SECRET,
        authorityHost: 'https://login.microsoftonline.com',
      },
    },
    pino({ level: 'warn' }),
  );
  return {
    open: async () => {
      await provisionSite(graph, env.SP_TEST_SITE_ID);
      return openSharePointStore(graph, env.SP_TEST_SITE_ID);
    },
    close: async () => {},
  };
});
