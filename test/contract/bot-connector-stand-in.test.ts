import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { describeConnectorContract } from './bot-connector-contract';

describeConnectorContract('the stand-in, under a regional service URL, with Teams’ limits', () => ({
  open: async () => {
    const connector = await ConnectorStandIn.start({ limits: true, pathPrefix: 'emea/' });
    connector.knows('a:contract-user');
    return {
      reachable: { userId: 'contract-user', serviceUrl: connector.url, conversationId: 'a:contract-user' },
      getToken: () => connector.token(),
      close: () => connector.stop(),
    };
  },
}));
