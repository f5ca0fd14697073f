/**
 * Substitutes in the embedded SQLite file (in SharePoint mode too, next to the rounds they steer).
 * The audit trail, wherever it is kept, has their history; this table only what holds now.
 */
import type Database from 'better-sqlite3';
import type { SubstituteStore } from '../../app/ports';
import type { Substitution } from '../../domain/substitute';

export const SUBSTITUTES_MIGRATION = `
  CREATE TABLE substitutions (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL,
    absent_id TEXT NOT NULL,
    absent_name TEXT NOT NULL,
    substitute_id TEXT NOT NULL,
    substitute_name TEXT NOT NULL,
    from_date TEXT NOT NULL,
    to_date TEXT NOT NULL,
    set_by_id TEXT NOT NULL,
    set_by_name TEXT NOT NULL,
    set_at TEXT NOT NULL
  );
  CREATE INDEX substitutions_by_plan ON substitutions (plan_id, set_at);
  ALTER TABLE status_reports ADD COLUMN answered_for_id TEXT;
  ALTER TABLE status_reports ADD COLUMN answered_for_name TEXT;
  ALTER TABLE deliveries ADD COLUMN substitute_name TEXT;
`;

interface SubstitutionRow {
  id: string;
  plan_id: string;
  absent_id: string;
  absent_name: string;
  substitute_id: string;
  substitute_name: string;
  from_date: string;
  to_date: string;
  set_by_id: string;
  set_by_name: string;
  set_at: string;
}

export class SqliteSubstituteStore implements SubstituteStore {
  constructor(private readonly db: Database.Database) {}

  async listSubstitutions(planId: string): Promise<Substitution[]> {
    const rows = this.db
      .prepare('SELECT * FROM substitutions WHERE plan_id = ? ORDER BY set_at, rowid')
      .all(planId) as SubstitutionRow[];
    return rows.map((r) => ({
      id: r.id,
      planId: r.plan_id,
      absent: { userId: r.absent_id, name: r.absent_name },
      substitute: { userId: r.substitute_id, name: r.substitute_name },
      from: r.from_date,
      to: r.to_date,
      setBy: { userId: r.set_by_id, name: r.set_by_name },
      setAt: r.set_at,
    }));
  }

  async addSubstitution(s: Substitution): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO substitutions (id, plan_id, absent_id, absent_name, substitute_id, substitute_name,
             from_date, to_date, set_by_id, set_by_name, set_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        s.id,
        s.planId,
        s.absent.userId,
        s.absent.name,
        s.substitute.userId,
        s.substitute.name,
        s.from,
        s.to,
        s.setBy.userId,
        s.setBy.name,
        s.setAt,
      );
  }

  async removeSubstitution(planId: string, id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM substitutions WHERE plan_id = ? AND id = ?').run(planId, id).changes > 0;
  }

  async erasePerson(userId: string, replacement: { userId: string; name: string }): Promise<number> {
    return this.db.transaction(() => {
      const ids = new Set<string>();
      for (const [id, name] of [
        ['absent_id', 'absent_name'],
        ['substitute_id', 'substitute_name'],
        ['set_by_id', 'set_by_name'],
      ]) {
        const affected = this.db.prepare(`SELECT id FROM substitutions WHERE ${id} = ?`).all(userId) as {
          id: string;
        }[];
        affected.forEach((r) => ids.add(r.id));
        this.db
          .prepare(`UPDATE substitutions SET ${id} = @to, ${name} = @name WHERE ${id} = @from`)
          .run({ from: userId, to: replacement.userId, name: replacement.name });
      }
      return ids.size;
    })();
  }
}
