/**
 * Opens the store the config names: the embedded SQLite file (default), or the municipality's
 * SharePoint site through Graph with an outbox in front of its status reports (a local file, or a
 * table when the rounds' state is shared); and the reminder rounds' work queue, in this process or
 * shared by instances through Azure Storage.
 */
import type { Logger } from 'pino';
import { ReportOutbox } from './adapters/local/report-outbox';
import { openSqliteStore } from './adapters/sqlite/sqlite-store';
import { createTokenProvider } from './adapters/sharepoint/graph-auth';
import { GraphApi, GraphRequestError, type FetchFunction, type GraphOptions } from './adapters/sharepoint/graph-http';
import { SharePointReportArchive } from './adapters/sharepoint/report-archive';
import { openSharePointStore } from './adapters/sharepoint/sharepoint-store';
import type {
  AuditLog,
  ConversationStore,
  DecisionStore,
  PeriodLockStore,
  PersonalData,
  ReportArchive,
  PlanRepository,
  PlanVersionStore,
  RealisedBenefitStore,
  RoundStore,
  StatusReportRepository,
  SubstituteStore,
  WorkQueue,
} from './app/ports';
import type { Config, GraphSettings, StorageSettings } from './config';
import { openSharedState, type SharedState } from './adapters/azure-storage/open-shared-state';
import { describeAccount } from './adapters/azure-storage/storage-account';
import { InProcessWorkQueue } from './adapters/in-process/in-process-work-queue';

export interface Store {
  kind: StorageSettings['kind'];
  plans: PlanRepository;
  reports: StatusReportRepository;
  audit: AuditLog;
  /** The leadership meeting's decisions and follow-ups: plan data, kept where the plans are. */
  decisions: DecisionStore;
  /** Plan revisions: each plan's draft and earlier versions, kept where the plans are. */
  versions: PlanVersionStore;
  /** What benefits were realised, per measure, type and period: plan data, kept where the plans are. */
  realisedBenefits: RealisedBenefitStore;
  personalData: PersonalData;
  /**
   * Reminder rounds and conversation references: the service's own working state, in the local
   * file (with WORK_QUEUE=azure-storage replaced by the shared tables, see openRoundState).
   */
  rounds: RoundStore;
  conversations: ConversationStore;
  /** Substitutes per plan: steer the rounds, so kept with them. */
  substitutes: SubstituteStore;
  /** Locked periods and their frozen reports. */
  locks: PeriodLockStore;
  /** SharePoint mode: locked periods' reports are filed in the site's documents as well. */
  archive?: ReportArchive;
  /** Where the store is, for logs and command output. */
  describe: string;
  ping(): boolean;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** The HTTP implementation for Graph and Entra ID (tests pass one that trusts the stand-in). */
  fetch?: FetchFunction;
  /** Without the outbox, answers go straight to SharePoint (the migration writes directly). */
  outbox?: boolean;
  /**
   * The rounds' state shared through Azure Storage. With SharePoint it holds everything the local
   * file would (the outbox too), so no local file is opened: an instance keeps nothing on its disk.
   */
  shared?: SharedState;
  /** How Graph retries (commands: the background policy, and a progress line while waiting). */
  graph?: Pick<GraphOptions, 'retry' | 'onWait'>;
}

export async function openStore(settings: StorageSettings, logger: Logger, options: StoreOptions = {}): Promise<Store> {
  if (settings.kind === 'local') {
    const sqlite = openSqliteStore(settings.databasePath);
    return {
      kind: 'local',
      ...sqlite,
      ...(options.shared ? roundStateOf(options.shared) : {}),
      describe: settings.databasePath,
      close: async () => sqlite.close(),
    };
  }
  const graph = graphFor(settings.sharePoint, logger, options.fetch, options.graph);
  const site = await openSharePointStore(graph, settings.sharePoint.siteId);
  const archive = new SharePointReportArchive(graph, settings.sharePoint.siteId);
  const describe = `SharePoint site ${settings.sharePoint.siteId}`;
  if (options.shared) {
    const shared =
      options.outbox === false
        ? undefined
        : options.shared.outbox(site.reports, { logger, isPermanent: isRefusedWrite });
    shared?.start();
    return {
      kind: 'sharepoint',
      ...site,
      reports: shared ?? site.reports,
      ...roundStateOf(options.shared),
      archive,
      describe,
      // Graph and the storage account are reached per request; a failure there is not this instance's.
      ping: () => true,
      close: async () => shared?.close(),
    };
  }
  const local = openSqliteStore(settings.databasePath);
  const outbox =
    options.outbox === false
      ? undefined
      : new ReportOutbox(settings.outboxPath, site.reports, { logger, isPermanent: isRefusedWrite });
  outbox?.start();
  return {
    kind: 'sharepoint',
    ...site,
    reports: outbox ?? site.reports,
    rounds: local.rounds,
    conversations: local.conversations,
    substitutes: local.substitutes,
    locks: local.locks,
    archive,
    describe,
    ping: () => local.ping(),
    close: async () => {
      await outbox?.close();
      local.close();
    },
  };
}

/**
 * The reminder rounds' work queue and, when instances share it, the state they must see alike
 * (rounds, delivery log, conversations, substitutes, locks, the outbox) in Azure Storage, which then
 * takes the place of the store's.
 */
export async function openRoundState(
  settings: Config['workQueue'],
  logger: Logger,
): Promise<{ queue: WorkQueue; shared?: SharedState }> {
  if (settings.kind === 'in-process') return { queue: new InProcessWorkQueue() };
  const shared = await openSharedState(settings.storage, logger);
  logger.info(
    { queue: settings.storage.queueName, account: describeAccount(settings.storage) },
    'reminder rounds are shared through Azure Storage',
  );
  return { queue: shared.queue, shared };
}

/** Where each kind of durable state is kept, for the start-up log (never a secret). */
export function stateLocations(config: Pick<Config, 'storage' | 'workQueue'>, store: Store): Record<string, string> {
  const shared = config.workQueue.kind === 'azure-storage' ? describeAccount(config.workQueue.storage) : undefined;
  return {
    plans: store.describe,
    rounds: shared ?? config.storage.databasePath,
    ...(config.storage.kind === 'sharepoint' ? { outbox: shared ?? config.storage.outboxPath } : {}),
  };
}

function roundStateOf({
  rounds,
  conversations,
  substitutes,
  locks,
}: SharedState): Pick<Store, 'rounds' | 'conversations' | 'substitutes' | 'locks'> {
  return { rounds, conversations, substitutes, locks };
}

/** A Graph client; commands pass the background retry policy and a progress line for long waits. */
export function graphFor(
  settings: GraphSettings,
  logger: Logger,
  fetchFn?: FetchFunction,
  options: Pick<GraphOptions, 'retry' | 'onWait'> = {},
): GraphApi {
  return new GraphApi({
    baseUrl: settings.graphBaseUrl,
    getToken: createTokenProvider(settings.auth, settings.graphBaseUrl, fetchFn),
    logger,
    ...(fetchFn ? { fetch: fetchFn } : {}),
    ...options,
  });
}

/** Graph refused the write itself (bad request, forbidden …): retrying the same write cannot help. */
function isRefusedWrite(error: unknown): boolean {
  return (
    error instanceof GraphRequestError &&
    error.status >= 400 &&
    error.status < 500 &&
    ![408, 409, 429].includes(error.status)
  );
}
