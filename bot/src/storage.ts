/**
 * Opens the store the config names: the embedded SQLite file (default), or the municipality's
 * SharePoint site through Graph with the local outbox in front of its status reports; and the
 * reminder rounds' work queue, in this process or shared by instances through Azure Storage.
 */
import type { Logger } from 'pino';
import { ReportOutbox } from './adapters/local/report-outbox';
import { openSqliteStore } from './adapters/local/sqlite-store';
import { createTokenProvider } from './adapters/sharepoint/graph-auth';
import { GraphApi, GraphRequestError, type FetchFunction, type GraphOptions } from './adapters/sharepoint/graph-http';
import { SharePointReportArchive } from './adapters/sharepoint/report-archive';
import { openSharePointStore } from './adapters/sharepoint/sharepoint-store';
import type {
  AuditLog,
  ConversationStore,
  PeriodLockStore,
  PersonalData,
  ReportArchive,
  PlanRepository,
  RoundStore,
  StatusReportRepository,
  SubstituteStore,
  WorkQueue,
} from './app/ports';
import type { Config, GraphSettings, StorageSettings } from './config';
import { openSharedState, type SharedState } from './adapters/azure-storage/open-shared-state';
import { InProcessWorkQueue } from './adapters/local/in-process-work-queue';

export interface Store {
  kind: StorageSettings['kind'];
  plans: PlanRepository;
  reports: StatusReportRepository;
  audit: AuditLog;
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
  /** How Graph retries (commands: the background policy, and a progress line while waiting). */
  graph?: Pick<GraphOptions, 'retry' | 'onWait'>;
}

export async function openStore(settings: StorageSettings, logger: Logger, options: StoreOptions = {}): Promise<Store> {
  if (settings.kind === 'local') {
    const sqlite = openSqliteStore(settings.databasePath);
    return { kind: 'local', ...sqlite, describe: settings.databasePath, close: async () => sqlite.close() };
  }
  const local = openSqliteStore(settings.databasePath);
  const graph = graphFor(settings.sharePoint, logger, options.fetch, options.graph);
  const site = await openSharePointStore(graph, settings.sharePoint.siteId);
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
    archive: new SharePointReportArchive(graph, settings.sharePoint.siteId),
    describe: `SharePoint site ${settings.sharePoint.siteId}`,
    ping: () => local.ping(),
    close: async () => {
      await outbox?.close();
      local.close();
    },
  };
}

/**
 * The reminder rounds' work queue and, when instances share it, the state they must see alike
 * (rounds, delivery log, conversations, substitutes, locks) from Azure Storage, in place of the store's.
 */
export async function openRoundState(
  settings: Config['workQueue'],
  logger: Logger,
): Promise<{ queue: WorkQueue } & Partial<SharedState>> {
  if (settings.kind === 'in-process') return { queue: new InProcessWorkQueue() };
  const shared = await openSharedState(settings.storage, logger);
  logger.info({ queue: settings.storage.queueName }, 'reminder rounds are shared through Azure Storage');
  return shared;
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
