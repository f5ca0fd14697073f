/**
 * The card-answer outbox in Azure Table Storage, for instances that keep nothing on their own disk:
 * an answer is committed to the storage account first (so the person is told it is saved even
 * while Graph is down), then written to SharePoint in the order it arrived. Behaves as the SQLite
 * outbox (adapters/local/report-outbox.ts) and passes the same contract tests.
 *
 * A plan is one partition, holding an entry per submission (its reports, in arrival order) and a
 * key per (submission, measure) naming its entry; the entry and its keys are created in one
 * entity-group transaction, so a repeated submission finds its keys and stores nothing new, and of
 * two instances storing the same submission at once one wins (409). Any instance delivers what is
 * waiting, oldest first, stopping at the first passing failure so answers keep their order; two
 * instances delivering the same entry is harmless, since SharePoint's unique report keys store it
 * once. Each instance also looks for waiting entries now and then: one that died with entries
 * undelivered leaves them to the others.
 */
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import type { AppendResult, StatusReportRepository } from '../../app/ports';
import type { AuditEntry } from '../../domain/audit';
import type { StatusReport } from '../../domain/status';
import { eachLimited, insertionOrder, isConflict, isNotFound, keyOf, listAll, type StoredEntity } from './tables';

/** A string property holds at most 64 KiB (32 K UTF-16 code units); reports are cut into pieces. */
const PIECE_CHARS = 30_000;
/** An entity-group transaction holds at most 100 entities: one entry and its keys. */
const KEYS_PER_ENTRY = 99;

type EntryState = 'pending' | 'delivered' | 'failed';

interface EntryEntity {
  State: EntryState;
  Attempts: number;
  LastError: string;
  CreatedAt: string;
  Audit: string;
  Pieces: number;
  [piece: `Reports${number}`]: string;
}

interface KeyEntity {
  Entry: string;
}

export interface TableOutboxOptions {
  logger: {
    warn(details: object, message: string): void;
    error(details: object, message: string): void;
  };
  /** An error that retrying cannot cure (a refused write); the entry is set aside, not retried. */
  isPermanent?: (error: unknown) => boolean;
  /** Wait before retrying a blocked entry, by attempt. */
  retryDelayMs?: (attempt: number) => number;
  /** How often to look for entries another instance left behind. */
  pollMs?: number;
}

export class TableReportOutbox implements StatusReportRepository {
  private running: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly table: TableClient,
    private readonly remote: StatusReportRepository,
    private readonly options: TableOutboxOptions,
  ) {}

  async appendReports(reports: StatusReport[], audit?: AuditEntry): Promise<AppendResult> {
    const first = reports[0];
    if (!first) return { reports: [], alreadyStored: false };
    for (;;) {
      const known = await this.keysOf(first.planId, reports);
      const fresh = reports.filter((r) => !known.has(reportKey(r)));
      if (fresh.length === 0) return { reports: await this.storedFor(first.planId, reports), alreadyStored: true };
      try {
        // More answers than one transaction holds go as several entries, in order; the audit entry
        // goes with the last, so it is recorded once all of them are stored.
        for (let i = 0; i < fresh.length; i += KEYS_PER_ENTRY) {
          const last = i + KEYS_PER_ENTRY >= fresh.length;
          await this.createEntry(first.planId, fresh.slice(i, i + KEYS_PER_ENTRY), last ? audit : undefined);
        }
      } catch (error) {
        if (isConflict(error)) continue; // another instance stored (part of) it meanwhile: look again
        throw error;
      }
      this.kick();
      return { reports: await this.storedFor(first.planId, reports), alreadyStored: false };
    }
  }

  /** The remote store's reports, and after them the ones still waiting here, marked pending. */
  async listReports(planId: string, filter: { periodId?: string } = {}): Promise<StatusReport[]> {
    const entries = await listAll<EntryEntity>(
      this.table,
      odata`PartitionKey eq ${keyOf(planId)} and RowKey ge ${'entry|'} and RowKey lt ${'entry}'} and State ne ${'delivered'}`,
    );
    const waiting = entries
      .sort(byRowKey)
      .flatMap(reportsOf)
      .filter((r) => !filter.periodId || r.periodId === filter.periodId);
    const remote = await this.remote.listReports(planId, filter);
    const delivered = new Set(remote.map(reportKey));
    const pending = waiting
      .filter((r) => !delivered.has(reportKey(r)))
      .map((report) => ({ ...report, pending: true as const }));
    return [...remote, ...pending].sort((a, b) => a.reportedAt.localeCompare(b.reportedAt));
  }

  async status(): Promise<{ pending: number; failed: number; delivered: number }> {
    const entries = await listAll<Pick<EntryEntity, 'State'>>(
      this.table,
      odata`RowKey ge ${'entry|'} and RowKey lt ${'entry}'}`,
    );
    const count = (state: EntryState): number => entries.filter((e) => e.State === state).length;
    return { pending: count('pending'), failed: count('failed'), delivered: count('delivered') };
  }

  /** Starts delivering what is waiting, also what an earlier instance left behind, and keeps looking. */
  start(): void {
    this.kick();
    this.pollTimer = setInterval(() => this.kick(), this.options.pollMs ?? 30_000);
    this.pollTimer.unref();
  }

  /** Delivers until nothing is left or the remote store fails; resolves when that pass ends. */
  async flush(): Promise<void> {
    this.kick();
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pollTimer);
    await this.running;
  }

  private async createEntry(planId: string, reports: StatusReport[], audit?: AuditEntry): Promise<void> {
    const partitionKey = keyOf(planId);
    // Wall-clock order first (instances' clocks agree), then a random part: unique across instances.
    const entryKey = `entry|${String(insertionOrder()).padStart(20, '0')}|${randomUUID()}`;
    const pieces = piecesOf(JSON.stringify(reports));
    const entry: EntryEntity = {
      State: 'pending',
      Attempts: 0,
      LastError: '',
      CreatedAt: new Date().toISOString(),
      Audit: audit ? JSON.stringify(audit) : '',
      Pieces: pieces.length,
    };
    pieces.forEach((piece, i) => (entry[`Reports${i}`] = piece));
    await this.table.submitTransaction([
      ['create', { partitionKey, rowKey: entryKey, ...entry }],
      ...reports.map((r): TransactionAction => {
        const key: KeyEntity = { Entry: entryKey };
        return ['create', { partitionKey, rowKey: keyRow(r), ...key }];
      }),
    ]);
  }

  /** The keys already stored among these reports'. */
  private async keysOf(planId: string, reports: StatusReport[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    await eachLimited(reports, 8, async (r) => {
      try {
        const key = await this.table.getEntity<KeyEntity>(keyOf(planId), keyRow(r));
        found.set(reportKey(r), key.Entry);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    });
    return found;
  }

  /** The reports as first stored here, for the keys of `reports` (a repeat gets the originals back). */
  private async storedFor(planId: string, reports: StatusReport[]): Promise<StatusReport[]> {
    const keys = await this.keysOf(planId, reports);
    const entries = new Map<string, StatusReport[]>();
    for (const entryKey of new Set(keys.values())) {
      const entry = await this.table.getEntity<EntryEntity>(keyOf(planId), entryKey);
      entries.set(entryKey, reportsOf(entry));
    }
    return reports.flatMap((r) => {
      const entryKey = keys.get(reportKey(r));
      const stored = entryKey ? entries.get(entryKey)?.find((x) => x.measureId === r.measureId) : undefined;
      return stored ? [stored] : [];
    });
  }

  private kick(): void {
    if (this.running || this.closed) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.running = this.deliver()
      .catch((error: unknown) => this.options.logger.warn({ err: error }, 'could not read the outbox; trying again'))
      .finally(() => (this.running = undefined));
  }

  /** Passes over what is waiting until none is left (answers arrive during a pass) or one fails. */
  private async deliver(): Promise<void> {
    for (;;) {
      const waiting = await listAll<EntryEntity>(
        this.table,
        odata`RowKey ge ${'entry|'} and RowKey lt ${'entry}'} and State eq ${'pending'}`,
      );
      if (waiting.length === 0 || !(await this.deliverPass(waiting))) return;
    }
  }

  /** Delivers in arrival order; false when a passing failure stopped it (a retry is due later). */
  private async deliverPass(waiting: StoredEntity<EntryEntity>[]): Promise<boolean> {
    // Partitions come back one after the other: arrival order is the order part of the row key.
    waiting.sort(byRowKey);
    for (const entry of waiting) {
      if (this.closed) return false;
      const at = { partitionKey: entry.partitionKey, rowKey: entry.rowKey };
      try {
        await this.remote.appendReports(
          reportsOf(entry),
          entry.Audit ? (JSON.parse(entry.Audit) as AuditEntry) : undefined,
        );
        await this.table.updateEntity({ ...at, State: 'delivered', Attempts: entry.Attempts + 1 }, 'Merge');
      } catch (error) {
        if (this.closed) return false;
        const permanent = this.options.isPermanent?.(error) ?? false;
        const lastError = String((error as Error).message ?? error).slice(0, 1000);
        await this.table.updateEntity(
          { ...at, State: permanent ? 'failed' : 'pending', Attempts: entry.Attempts + 1, LastError: lastError },
          'Merge',
        );
        if (permanent) {
          this.options.logger.error(
            { err: error, entry: entry.rowKey, planId: entry.partitionKey },
            'the remote store refused a status report; it is kept in the outbox for an administrator',
          );
          continue;
        }
        const wait = (this.options.retryDelayMs ?? defaultDelay)(entry.Attempts + 1);
        this.options.logger.warn(
          { err: lastError, entry: entry.rowKey, waitMs: wait },
          'remote store unavailable; status reports wait in the outbox',
        );
        this.retryTimer = setTimeout(() => this.kick(), wait);
        this.retryTimer.unref();
        return false;
      }
    }
    return true;
  }
}

function reportKey(r: StatusReport): string {
  return `${r.submissionId}/${r.measureId}`;
}

function keyRow(r: StatusReport): string {
  return `key|${keyOf(r.submissionId)}|${keyOf(r.measureId)}`;
}

function byRowKey(a: { rowKey: string }, b: { rowKey: string }): number {
  return a.rowKey.localeCompare(b.rowKey);
}

function reportsOf(entry: EntryEntity): StatusReport[] {
  const json = Array.from({ length: entry.Pieces }, (_, i) => entry[`Reports${i}`] ?? '').join('');
  return JSON.parse(json) as StatusReport[];
}

function piecesOf(text: string): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += PIECE_CHARS) pieces.push(text.slice(at, at + PIECE_CHARS));
  return pieces;
}

/** 1 s, 2 s, 4 s … up to a minute, as the SQLite outbox waits. */
function defaultDelay(attempt: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.min(attempt - 1, 6));
}
