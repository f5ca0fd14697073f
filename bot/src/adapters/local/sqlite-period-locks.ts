/**
 * Locked periods and their frozen reports in the embedded SQLite file (in SharePoint mode too).
 * A lock and its reports are written in one transaction: a locked period always has its report.
 */
import type Database from 'better-sqlite3';
import type { FrozenReport, PeriodLock, PeriodLockStore } from '../../app/ports';

export const PERIOD_LOCKS_MIGRATION = `
  CREATE TABLE period_locks (
    plan_id TEXT NOT NULL,
    period_id TEXT NOT NULL,
    locked_at TEXT NOT NULL,
    locked_by_id TEXT NOT NULL,
    locked_by_name TEXT NOT NULL,
    PRIMARY KEY (plan_id, period_id)
  );
  CREATE TABLE frozen_reports (
    plan_id TEXT NOT NULL,
    period_id TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('xlsx', 'pdf')),
    bytes BLOB NOT NULL,
    PRIMARY KEY (plan_id, period_id, format)
  );
`;

interface LockRow {
  plan_id: string;
  period_id: string;
  locked_at: string;
  locked_by_id: string;
  locked_by_name: string;
}

export class SqlitePeriodLockStore implements PeriodLockStore {
  constructor(private readonly db: Database.Database) {}

  async listLocks(planId: string): Promise<PeriodLock[]> {
    const rows = this.db
      .prepare('SELECT * FROM period_locks WHERE plan_id = ? ORDER BY period_id')
      .all(planId) as LockRow[];
    return rows.map((r) => ({
      planId: r.plan_id,
      periodId: r.period_id,
      lockedAt: r.locked_at,
      lockedBy: { userId: r.locked_by_id, name: r.locked_by_name },
    }));
  }

  async lockPeriod(lock: PeriodLock, reports: FrozenReport[]): Promise<boolean> {
    return this.db.transaction(() => {
      const added = this.db
        .prepare(
          `INSERT INTO period_locks (plan_id, period_id, locked_at, locked_by_id, locked_by_name)
           VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        )
        .run(lock.planId, lock.periodId, lock.lockedAt, lock.lockedBy.userId, lock.lockedBy.name).changes;
      if (added === 0) return false;
      const insert = this.db.prepare(
        'INSERT INTO frozen_reports (plan_id, period_id, format, bytes) VALUES (?, ?, ?, ?)',
      );
      for (const r of reports) insert.run(lock.planId, lock.periodId, r.format, r.bytes);
      return true;
    })();
  }

  async reopenPeriod(planId: string, periodId: string): Promise<boolean> {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM frozen_reports WHERE plan_id = ? AND period_id = ?').run(planId, periodId);
      return (
        this.db.prepare('DELETE FROM period_locks WHERE plan_id = ? AND period_id = ?').run(planId, periodId).changes >
        0
      );
    })();
  }

  async frozenReport(planId: string, periodId: string, format: FrozenReport['format']): Promise<Buffer | undefined> {
    const row = this.db
      .prepare('SELECT bytes FROM frozen_reports WHERE plan_id = ? AND period_id = ? AND format = ?')
      .get(planId, periodId, format) as { bytes: Buffer } | undefined;
    return row?.bytes;
  }
}
