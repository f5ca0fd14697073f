import { openSharePointStore } from '../../bot/src/adapters/sharepoint/sharepoint-store';
import { startTestGraph, type TestGraph } from '../support/graph';
import { describeStorageContract } from './storage-contract';

let graph: TestGraph | undefined;
describeStorageContract('SharePoint through the Graph stand-in', () => ({
  open: async () => {
    graph = await startTestGraph();
    await graph.provision(); // as the provisioning app: the store itself has only `write`
    return openSharePointStore(graph.graph, graph.standIn.siteId);
  },
  close: async () => graph?.close(),
}));
