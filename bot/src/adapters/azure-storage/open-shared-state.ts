/**
 * The state several instances of the service must share to work the same reminder rounds, in one
 * Azure Storage account: the work queue, and in tables the rounds with their delivery log, people's
 * conversation references, substitutes, locked periods and the card-answer outbox.
 */
import type {
  ConversationStore,
  PeriodLockStore,
  RoundStore,
  StatusReportRepository,
  SubstituteStore,
  WorkQueue,
} from '../../app/ports';
import type { AzureStorageSettings } from '../../config';
import { queueClient, tableClient } from './storage-account';
import { DEFAULT_STORAGE_QUEUE_OPTIONS, StorageQueueWorkQueue, type StorageQueueOptions } from './storage-queue';
import { TablePeriodLockStore } from './table-period-locks';
import { TableConversationStore, TableRoundStore } from './table-rounds';
import { TableSubstituteStore } from './table-substitutes';
import { TableReportOutbox, type TableOutboxOptions } from './table-report-outbox';
import { openTable } from './tables';

/** The tables, each name after the prefix (infra/modules/storage.bicep creates the same ones). */
export const SHARED_TABLES = ['Rounds', 'Deliveries', 'Conversations', 'Substitutes', 'PeriodLocks', 'Outbox'] as const;

export interface SharedState {
  queue: WorkQueue;
  rounds: RoundStore;
  conversations: ConversationStore;
  substitutes: SubstituteStore;
  locks: PeriodLockStore;
  /** The card-answer outbox in front of a remote store (SharePoint), in the same account. */
  outbox(remote: StatusReportRepository, options: TableOutboxOptions): TableReportOutbox;
}

export async function openSharedState(
  settings: AzureStorageSettings,
  log: StorageQueueOptions['log'],
  queueOptions: Partial<Omit<StorageQueueOptions, 'log'>> = {},
): Promise<SharedState> {
  const table = (name: string) => openTable(tableClient(settings, `${settings.tablePrefix}${name}`));
  const [rounds, deliveries, conversations, substitutes, locks, outbox] = await Promise.all(SHARED_TABLES.map(table));
  const queue = await StorageQueueWorkQueue.open(queueClient(settings, settings.queueName), {
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
    outbox: (remote, options) => new TableReportOutbox(outbox!, remote, options),
  };
}
