/**
 * Plan revisions in the embedded store: one draft per plan, versioned by a random token (a draft
 * discarded and started again never repeats one a stale tab still holds), and the versions a plan
 * had before, which are never deleted (trigger). Adoption is one transaction: the version kept,
 * the plan replaced, the draft dropped, the audit entry written.
 */
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import {
  DraftChangedError,
  type PlanDraft,
  type PlanVersion,
  type PlanVersionStore,
  type PlanVersionSummary,
} from '../../app/ports';
import type { AuditEntry } from '../../domain/audit';
import type { Plan } from '../../domain/plan';
import { versionSummary } from '../../domain/revision';
import { writeAudit } from './sqlite-audit';
import { writePlan } from './sqlite-plans';

export const PLAN_VERSIONS_MIGRATION = `
  CREATE TABLE plan_drafts (
    plan_id TEXT PRIMARY KEY,
    document TEXT NOT NULL,
    version TEXT NOT NULL,
    started_at TEXT NOT NULL,
    started_by_id TEXT NOT NULL,
    started_by_name TEXT NOT NULL
  );
  CREATE TABLE plan_versions (
    plan_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    document TEXT NOT NULL,
    archived_at TEXT NOT NULL,
    archived_by_id TEXT NOT NULL,
    archived_by_name TEXT NOT NULL,
    PRIMARY KEY (plan_id, number)
  );
  CREATE TRIGGER plan_versions_kept BEFORE DELETE ON plan_versions
    BEGIN SELECT RAISE(ABORT, 'earlier plan versions are kept'); END;
`;

interface DraftRow {
  plan_id: string;
  document: string;
  version: string;
  started_at: string;
  started_by_id: string;
  started_by_name: string;
}

interface VersionRow {
  plan_id: string;
  number: number;
  document: string;
  archived_at: string;
  archived_by_id: string;
  archived_by_name: string;
}

export class SqlitePlanVersionStore implements PlanVersionStore {
  constructor(private readonly db: Database.Database) {}

  async getDraft(planId: string): Promise<PlanDraft | undefined> {
    return this.draftNow(planId);
  }

  async saveDraft(
    draft: Omit<PlanDraft, 'version'>,
    expectedVersion: string | undefined,
    audit?: AuditEntry,
  ): Promise<PlanDraft> {
    return this.db.transaction(() => {
      this.requireVersion(draft.plan.id, expectedVersion);
      const saved: PlanDraft = { ...draft, version: `"${randomUUID()}"` };
      this.db
        .prepare(
          `INSERT INTO plan_drafts (plan_id, document, version, started_at, started_by_id, started_by_name)
           VALUES (@planId, @document, @version, @startedAt, @byId, @byName)
           ON CONFLICT (plan_id) DO UPDATE SET document = excluded.document, version = excluded.version,
             started_at = excluded.started_at, started_by_id = excluded.started_by_id,
             started_by_name = excluded.started_by_name`,
        )
        .run({
          planId: draft.plan.id,
          document: JSON.stringify(draft.plan),
          version: saved.version,
          startedAt: draft.startedAt,
          byId: draft.startedBy.userId,
          byName: draft.startedBy.name,
        });
      if (audit) writeAudit(this.db, audit);
      return saved;
    })();
  }

  async discardDraft(planId: string, expectedVersion: string, audit?: AuditEntry): Promise<void> {
    this.db.transaction(() => {
      this.requireVersion(planId, expectedVersion);
      this.db.prepare('DELETE FROM plan_drafts WHERE plan_id = ?').run(planId);
      if (audit) writeAudit(this.db, audit);
    })();
  }

  async adoptDraft(adopted: Plan, archived: PlanVersion, expectedVersion: string, audit?: AuditEntry): Promise<void> {
    this.db.transaction(() => {
      this.requireVersion(adopted.id, expectedVersion);
      this.db
        .prepare(
          `INSERT INTO plan_versions (plan_id, number, document, archived_at, archived_by_id, archived_by_name)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(
          archived.planId,
          archived.number,
          JSON.stringify(archived.plan),
          archived.archivedAt,
          archived.archivedBy.userId,
          archived.archivedBy.name,
        );
      writePlan(this.db, adopted);
      this.db.prepare('DELETE FROM plan_drafts WHERE plan_id = ?').run(adopted.id);
      if (audit) writeAudit(this.db, audit);
    })();
  }

  async rewriteVersion(version: PlanVersion): Promise<void> {
    this.db
      .prepare(
        `UPDATE plan_versions SET document = ?, archived_at = ?, archived_by_id = ?, archived_by_name = ?
         WHERE plan_id = ? AND number = ?`,
      )
      .run(
        JSON.stringify(version.plan),
        version.archivedAt,
        version.archivedBy.userId,
        version.archivedBy.name,
        version.planId,
        version.number,
      );
  }

  async listVersions(planId: string): Promise<PlanVersionSummary[]> {
    const rows = this.db
      .prepare('SELECT * FROM plan_versions WHERE plan_id = ? ORDER BY number')
      .all(planId) as VersionRow[];
    return rows.map((r) => versionSummary(versionOf(r)));
  }

  async getVersion(planId: string, number: number): Promise<PlanVersion | undefined> {
    const row = this.db.prepare('SELECT * FROM plan_versions WHERE plan_id = ? AND number = ?').get(planId, number) as
      VersionRow | undefined;
    return row && versionOf(row);
  }

  private draftNow(planId: string): PlanDraft | undefined {
    const row = this.db.prepare('SELECT * FROM plan_drafts WHERE plan_id = ?').get(planId) as DraftRow | undefined;
    return (
      row && {
        plan: JSON.parse(row.document) as Plan,
        version: row.version,
        startedAt: row.started_at,
        startedBy: { userId: row.started_by_id, name: row.started_by_name },
      }
    );
  }

  /** Inside the caller's transaction: SQLite serialises writers, so nothing slips between check and write. */
  private requireVersion(planId: string, expected: string | undefined): void {
    const current = this.draftNow(planId);
    if (current?.version !== expected) throw new DraftChangedError(current);
  }
}

function versionOf(r: VersionRow): PlanVersion {
  return {
    planId: r.plan_id,
    number: r.number,
    plan: JSON.parse(r.document) as Plan,
    archivedAt: r.archived_at,
    archivedBy: { userId: r.archived_by_id, name: r.archived_by_name },
  };
}
