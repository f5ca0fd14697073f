/**
 * The state several instances of the service must share to work the same reminder rounds, in one
 * Azure Storage account: the work queue, and in tables the rounds with their delivery log, people's
 * conversation references, substitutes and locked periods.
 */
import { QueueClient } from '@azure/storage-queue';
import type { ConversationStore, PeriodLockStore, RoundStore, SubstituteStore, WorkQueue } from '../../app/ports';
import { DEFAULT_STORAGE_QUEUE_OPTIONS, StorageQueueWorkQueue, type StorageQueueOptions } from './storage-queue';
import { TablePeriodLockStore } from './table-period-locks';
import { TableConversationStore, TableRoundStore } from './table-rounds';
import { TableSubstituteStore } from './table-substitutes';
import { openTable } from './tables';

export interface AzureStorageSettings {
  connectionString: string;
  queueName: string;
  /** Table names start with it (several deployments may share an account). */
  tablePrefix: string;
}

export interface SharedState {
  queue: WorkQueue;
  rounds: RoundStore;
  conversations: ConversationStore;
  substitutes: SubstituteStore;
  locks: PeriodLockStore;
}

export async function openSharedState(
  settings: AzureStorageSettings,
  log: StorageQueueOptions['log'],
  queueOptions: Partial<Omit<StorageQueueOptions, 'log'>> = {},
): Promise<SharedState> {
  const table = (name: string) => openTable(settings.connectionString, `${settings.tablePrefix}${name}`);
  const [rounds, deliveries, conversations, substitutes, locks] = await Promise.all(
    ['Rounds', 'Deliveries', 'Conversations', 'Substitutes', 'PeriodLocks'].map(table),
  );
  const queue = await StorageQueueWorkQueue.open(new QueueClient(settings.connectionString, settings.queueName), {
    ...DEFAULT_STORAGE_QUEUE_OPTIONS,
    ...queueOptions,
    log,
  });
  return {
    queue,
    rounds: new TableRoundStore(rounds!, deliveries!),
    conversations: new TableConversationStore(conversations!),
    substitutes: new TableSubstituteStore(substitutes!),
    locks: new TablePeriodLockStore(locks!),
  };
}
