/** The shared round state in Azure Table Storage, against Azurite. */
import { randomUUID } from 'node:crypto';
import { openSharedState, type SharedState } from '../../bot/src/adapters/azure-storage/open-shared-state';
import { startAzurite, type Azurite } from '../support/azurite';
import { describeRoundStateContract } from './round-state-contract';

jest.setTimeout(60_000);

let azurite: Azurite | undefined;
let shared: SharedState | undefined;
afterAll(async () => {
  await shared?.queue.close();
  await azurite?.stop();
});

describeRoundStateContract('Azure Table Storage (Azurite)', async () => {
  azurite = await startAzurite();
  shared = await openSharedState(
    {
      connectionString: azurite.connectionString,
      queueName: `rounds-${randomUUID().slice(0, 8)}`,
      tablePrefix: 'Contract',
    },
    { warn: () => undefined, error: () => undefined },
  );
  return shared;
});
