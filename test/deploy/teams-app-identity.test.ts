/**
 * Installing the app for people and its activity feed act as the Teams app: Graph must be called
 * as the app the manifest names in webApplicationInfo.id (the tab's). The deployment has no
 * secret, so the service signs in as the tab's app with its managed identity's token as the
 * credential (workload identity federation: a federated credential on the tab's app trusts the
 * identity). Here, from infra/app-settings.json with TEAMS_APP_CATALOG_ID filled in as after
 * `atk publish`: the configuration is accepted, and the token Graph gets is the tab's app's,
 * obtained with nothing but the identity — and refused when the app does not trust the identity.
 */
import { createTokenProvider } from '../../bot/src/adapters/sharepoint/graph-auth';
import { loadConfig } from '../../bot/src/config';
import { GraphStandIn } from '../fakes/graph-stand-in';
import { ManagedIdentityEndpoint } from '../fakes/managed-identity-endpoint';
import { serviceSettings } from '../support/app-settings';
import { trustingFetch } from '../support/graph';

const TENANT = '66666666-7777-8888-9999-000000000000';
const IDENTITY = {
  clientId: '11111111-2222-3333-4444-555555555555',
  principalId: '22222222-3333-4444-5555-666666666666',
  tenantId: TENANT,
};
const TAB_APP = 'cccccccc-0000-0000-0000-000000000003';
const INSTALL = 'TeamsAppInstallation.ReadWriteSelfForUser.All';

let graph: GraphStandIn;
let identity: ManagedIdentityEndpoint;
const savedEnv = { ...process.env };

beforeAll(async () => {
  graph = await GraphStandIn.start();
  identity = await ManagedIdentityEndpoint.start(IDENTITY);
  graph.tokens.trustKeys(identity.signingKeys());
  // @azure/identity reads App Service's endpoint from the environment, as on the site.
  Object.assign(process.env, identity.environment());
});

afterAll(async () => {
  process.env = savedEnv;
  await Promise.all([graph?.close(), identity?.stop()]);
});

/** The service's settings as the Bicep fills them, pointed at the stand-ins. */
function deployedConfig() {
  return loadConfig(
    {
      ...serviceSettings({
        identityClientId: IDENTITY.clientId,
        tenantId: TENANT,
        sharePointSiteId:
          'kommune.sharepoint.com,aaaaaaaa-0000-0000-0000-000000000001,bbbbbbbb-0000-0000-0000-000000000002',
        queueEndpoint: 'https://sttiltakdev.queue.core.windows.net/',
        tableEndpoint: 'https://sttiltakdev.table.core.windows.net/',
        queueName: 'tiltak-rounds',
        tablePrefix: 'Tiltak',
        maxRequestsPerSecond: '50',
        teamsAppCatalogId: 'a6b63365-31a4-4f43-92ec-710b71557af9',
        mailSenderAddress: '',
        roleFile: '/home/site/tiltak/roles.json',
        tabClientId: TAB_APP,
        hostName: 'tiltakdev-app.azurewebsites.net',
        applicationInsightsConnectionString: '',
      }),
      TEAMS_APP_ID: 'd1e2f3a4-0000-4000-8000-000000000009',
      GRAPH_BASE_URL: graph.origin,
      GRAPH_AUTHORITY_HOST: graph.origin,
    },
    '/home/site/wwwroot',
  );
}

function installToken(): Promise<string> {
  const install = deployedConfig().teams.install;
  if (!install) throw new Error('no installation settings');
  return createTokenProvider(install.graph.auth, graph.origin, trustingFetch(graph.cert))();
}

it('starts with TEAMS_APP_CATALOG_ID set and installs as the tab app, signed in with the identity and no secret', async () => {
  const config = deployedConfig();
  // SharePoint, the directory and mail stay the identity's own; installing and the feed are the tab app's.
  expect(config.storage).toMatchObject({ sharePoint: { auth: { kind: 'managed-identity' } } });
  const federated = { kind: 'managed-identity-federation', clientId: TAB_APP, identityClientId: IDENTITY.clientId };
  expect(config.teams.install?.graph.auth).toMatchObject({ ...federated, tenantId: TENANT });
  expect(config.teams.activity?.graph.auth).toMatchObject(federated);

  graph.registerApp({
    clientId: TAB_APP,
    secret: '',
    roles: [INSTALL],
    federatedCredentials: [{ subject: IDENTITY.principalId, audience: 'api://AzureADTokenExchange' }],
  });
  const claims = await graph.tokens.verify(`Bearer ${await installToken()}`);
  expect(claims).toMatchObject({ appId: TAB_APP, roles: [INSTALL], tenantId: TENANT });
  // The identity was asked for the exchange audience, never for a secret of the tab's app.
  expect(identity.issued.get('api://AzureADTokenExchange')).toBeGreaterThanOrEqual(1);
});

it('is refused as Entra ID refuses it when the tab app does not trust the identity', async () => {
  graph.registerApp({
    clientId: TAB_APP,
    secret: '',
    roles: [INSTALL],
    federatedCredentials: [{ subject: 'someone-else', audience: 'api://AzureADTokenExchange' }],
  });
  await expect(installToken()).rejects.toThrow(/AADSTS70021/);
});
