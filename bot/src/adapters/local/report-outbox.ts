/**
 * The outbox in front of a remote store (SharePoint): a card answer is committed to a local
 * SQLite file first, so the person is told it is saved even while Graph is slow or down, and is
 * then written to the remote store in the order it arrived, one submission at a time. A
 * submission that fails for a passing reason blocks the ones behind it and is tried again with
 * backoff, which keeps answers in order per measure; the remote store's unique keys make a retry
 * after a lost response harmless, so each answer arrives exactly once.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import type { AppendResult, StatusReportRepository } from '../../app/ports';
import type { AuditEntry } from '../../domain/audit';
import type { StatusReport } from '../../domain/status';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id TEXT NOT NULL,
    reports TEXT NOT NULL,
    audit TEXT,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at TEXT NOT NULL,
    delivered_at TEXT
  );
  CREATE INDEX IF NOT EXISTS outbox_by_state ON outbox (state, seq);
  CREATE TABLE IF NOT EXISTS outbox_keys (
    submission_id TEXT NOT NULL,
    measure_id TEXT NOT NULL,
    seq INTEGER NOT NULL REFERENCES outbox (seq),
    PRIMARY KEY (submission_id, measure_id)
  );`;

interface EntryRow {
  seq: number;
  plan_id: string;
  reports: string;
  audit: string | null;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
}

export interface OutboxOptions {
  logger: Logger;
  /** An error that retrying cannot cure (a refused write); the entry is set aside, not retried. */
  isPermanent?: (error: unknown) => boolean;
  /** Wait before retrying a blocked entry, by attempt. */
  retryDelayMs?: (attempt: number) => number;
}

export interface OutboxStatus {
  pending: number;
  failed: number;
  delivered: number;
}

export class ReportOutbox implements StatusReportRepository {
  private readonly db: Database.Database;
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    path: string,
    private readonly remote: StatusReportRepository,
    private readonly options: OutboxOptions,
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
  }

  async appendReports(reports: StatusReport[], audit?: AuditEntry): Promise<AppendResult> {
    const result = this.db.transaction((): AppendResult => {
      const known = this.db.prepare('SELECT seq FROM outbox_keys WHERE submission_id = ? AND measure_id = ?');
      const fresh = reports.filter((r) => known.get(r.submissionId, r.measureId) === undefined);
      if (fresh.length === 0) return { reports: this.storedFor(reports), alreadyStored: reports.length > 0 };
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO outbox (plan_id, reports, audit, created_at) VALUES (?, ?, ?, ?)')
        .run(fresh[0]?.planId, JSON.stringify(fresh), audit ? JSON.stringify(audit) : null, new Date().toISOString());
      const key = this.db.prepare('INSERT INTO outbox_keys (submission_id, measure_id, seq) VALUES (?, ?, ?)');
      for (const r of fresh) key.run(r.submissionId, r.measureId, lastInsertRowid);
      return { reports: this.storedFor(reports), alreadyStored: false };
    })();
    this.kick();
    return result;
  }

  /** The remote store's reports, and after them the ones still waiting here, marked pending. */
  async listReports(planId: string, filter: { periodId?: string } = {}): Promise<StatusReport[]> {
    const waiting = this.waiting(planId).filter((r) => !filter.periodId || r.periodId === filter.periodId);
    const remote = await this.remote.listReports(planId, filter);
    const delivered = new Set(remote.map((r) => `${r.submissionId}/${r.measureId}`));
    const pending = waiting.filter((r) => !delivered.has(`${r.submissionId}/${r.measureId}`));
    return [...remote, ...pending].sort((a, b) => a.reportedAt.localeCompare(b.reportedAt));
  }

  status(): OutboxStatus {
    const rows = this.db.prepare('SELECT state, COUNT(*) AS n FROM outbox GROUP BY state').all() as {
      state: string;
      n: number;
    }[];
    const count = (state: string): number => rows.find((r) => r.state === state)?.n ?? 0;
    return { pending: count('pending'), failed: count('failed'), delivered: count('delivered') };
  }

  /** Starts delivering what is waiting (also what an earlier run left behind). */
  start(): void {
    this.kick();
  }

  /** Delivers until nothing is left or the remote store fails; resolves when that round ends. */
  async flush(): Promise<void> {
    this.kick();
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.running;
    this.db.close();
  }

  private kick(): void {
    if (this.running || this.closed) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.running = this.deliver().finally(() => (this.running = undefined));
  }

  private async deliver(): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const entry = this.db.prepare("SELECT * FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT 1").get() as
        EntryRow | undefined;
      if (!entry) return;
      try {
        await this.remote.appendReports(
          JSON.parse(entry.reports) as StatusReport[],
          entry.audit ? (JSON.parse(entry.audit) as AuditEntry) : undefined,
        );
        this.db
          .prepare("UPDATE outbox SET state = 'delivered', delivered_at = ?, attempts = attempts + 1 WHERE seq = ?")
          .run(new Date().toISOString(), entry.seq);
      } catch (error) {
        if (this.closed) return;
        const permanent = this.options.isPermanent?.(error) ?? false;
        this.db
          .prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ?, state = ? WHERE seq = ?')
          .run(String((error as Error).message ?? error), permanent ? 'failed' : 'pending', entry.seq);
        if (permanent) {
          this.options.logger.error(
            { err: error, seq: entry.seq, planId: entry.plan_id },
            'the remote store refused a status report; it is kept in the outbox for an administrator',
          );
          continue;
        }
        const wait = (this.options.retryDelayMs ?? defaultDelay)(entry.attempts + 1);
        this.options.logger.warn(
          { err: (error as Error).message, seq: entry.seq, waitMs: wait },
          'remote store unavailable; status reports wait in the outbox',
        );
        this.timer = setTimeout(() => this.kick(), wait);
        this.timer.unref();
        return;
      }
    }
  }

  private waiting(planId: string): StatusReport[] {
    const rows = this.db
      .prepare("SELECT reports FROM outbox WHERE plan_id = ? AND state != 'delivered' ORDER BY seq")
      .all(planId) as { reports: string }[];
    return rows.flatMap((r) =>
      (JSON.parse(r.reports) as StatusReport[]).map((report) => ({ ...report, pending: true as const })),
    );
  }

  /** The reports as first stored here, for the keys of `reports` (a repeat gets the originals back). */
  private storedFor(reports: StatusReport[]): StatusReport[] {
    const entry = this.db.prepare(
      'SELECT o.reports FROM outbox_keys k JOIN outbox o ON o.seq = k.seq WHERE k.submission_id = ? AND k.measure_id = ?',
    );
    return reports.flatMap((r) => {
      const row = entry.get(r.submissionId, r.measureId) as { reports: string } | undefined;
      const stored = row && (JSON.parse(row.reports) as StatusReport[]).find((x) => x.measureId === r.measureId);
      return stored ? [stored] : [];
    });
  }
}

/** 1 s, 2 s, 4 s … up to a minute: Graph outages last minutes, and the next answer retries sooner. */
function defaultDelay(attempt: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.min(attempt - 1, 6));
}
