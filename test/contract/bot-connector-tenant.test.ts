/**
 * The Bot Connector contract against Teams itself, when a test tenant's bot is given:
 *   BOT_TEST_APP_ID, BOT_TEST_APP_PASSWORD, BOT_TEST_TENANT_ID (a single-tenant bot registration
 *   with the Teams channel), BOT_TEST_SERVICE_URL (e.g. https://smba.trafficmanager.net/emea/) and
 *   BOT_TEST_CONVERSATION_ID (the 1:1 chat of a test user who has the app: the `conversation.id`
 *   of any activity from them). Two small cards reach that person per run.
 * See docs/testing-against-a-tenant.md.
 */
import { connectorTokenProvider } from '../../bot/src/adapters/teams/connector-notifier';
import { describeConnectorContract } from './bot-connector-contract';

const KEYS = [
  'BOT_TEST_APP_ID',
  'BOT_TEST_APP_PASSWORD',
  'BOT_TEST_TENANT_ID',
  'BOT_TEST_SERVICE_URL',
  'BOT_TEST_CONVERSATION_ID',
] as const;
const missing = KEYS.filter((k) => !process.env[k]);

if (missing.length > 0) {
  it.skip(`Teams itself: skipped, set ${missing.join(', ')} to run the Bot Connector contract against a tenant`, () => {});
}

describeConnectorContract('Teams in a test tenant (BOT_TEST_*)', () => {
  if (missing.length > 0) return undefined;
  const env = process.env as Record<(typeof KEYS)[number], string>;
  const getToken = connectorTokenProvider({
    appId: env.BOT_TEST_APP_ID,
    appPassword: env.BOT_TEST_APP_PASSWORD,
    appType: 'SingleTenant',
    tenantId: env.BOT_TEST_TENANT_ID,
  });
  if (!getToken) return undefined;
  return {
    open: async () => ({
      reachable: {
        userId: 'contract-user',
        tenantId: env.BOT_TEST_TENANT_ID,
        serviceUrl: env.BOT_TEST_SERVICE_URL,
        conversationId: env.BOT_TEST_CONVERSATION_ID,
      },
      getToken,
      close: async () => {},
    }),
  };
});
