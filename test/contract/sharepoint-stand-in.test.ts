import { openSharePointStore } from '../../bot/src/adapters/sharepoint/sharepoint-store';
import { provisionSite } from '../../bot/src/adapters/sharepoint/provision';
import { startTestGraph, type TestGraph } from '../support/graph';
import { describeStorageContract } from './storage-contract';

let graph: TestGraph | undefined;
describeStorageContract('SharePoint through the Graph stand-in', () => ({
  open: async () => {
    graph = await startTestGraph();
    await provisionSite(graph.graph, graph.standIn.siteId);
    return openSharePointStore(graph.graph, graph.standIn.siteId);
  },
  close: async () => graph?.close(),
}));
