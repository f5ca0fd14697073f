/** Plans in the embedded store, as documents (they are read whole); a measure's version is a digest of it. */
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { ConcurrentChangeError, type PlanRepository, type VersionedMeasure } from '../../app/ports';
import type { AuditEntry } from '../../domain/audit';
import { findMeasure, replaceMeasure, type Measure, type Plan } from '../../domain/plan';
import { writeAudit } from './sqlite-audit';

/** Creates or replaces the plan's document; callers do it inside the transaction of the change. */
export function writePlan(db: Database.Database, plan: Plan): void {
  db.prepare(
    `INSERT INTO plans (id, document, updated_at) VALUES (@id, @document, @now)
     ON CONFLICT (id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at`,
  ).run({ id: plan.id, document: JSON.stringify(plan), now: new Date().toISOString() });
}

export class SqlitePlanRepository implements PlanRepository {
  constructor(private readonly db: Database.Database) {}

  async listPlans(): Promise<Plan[]> {
    const rows = this.db.prepare('SELECT document FROM plans ORDER BY id').all() as { document: string }[];
    return rows.map((r) => JSON.parse(r.document) as Plan);
  }

  async getPlan(planId: string): Promise<Plan | undefined> {
    const row = this.db.prepare('SELECT document FROM plans WHERE id = ?').get(planId) as
      { document: string } | undefined;
    return row ? (JSON.parse(row.document) as Plan) : undefined;
  }

  async savePlan(plan: Plan, audit?: AuditEntry): Promise<void> {
    this.db.transaction(() => {
      writePlan(this.db, plan);
      if (audit) writeAudit(this.db, audit);
    })();
  }

  async getMeasure(planId: string, measureId: string): Promise<VersionedMeasure | undefined> {
    const plan = await this.getPlan(planId);
    const measure = plan && findMeasure(plan, measureId);
    return measure && { measure, version: measureVersion(measure) };
  }

  /** Compare and replace inside one transaction: SQLite serialises writers, so no edit slips between. */
  async updateMeasure(
    planId: string,
    measure: Measure,
    expectedVersion: string,
    audit?: AuditEntry,
  ): Promise<VersionedMeasure> {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT document FROM plans WHERE id = ?').get(planId) as
        { document: string } | undefined;
      const plan = row && (JSON.parse(row.document) as Plan);
      const current = plan && findMeasure(plan, measure.id);
      if (!plan || !current) throw new Error(`no measure ${measure.id} in plan ${planId}`);
      if (measureVersion(current) !== expectedVersion) {
        throw new ConcurrentChangeError({ measure: current, version: measureVersion(current) });
      }
      this.db
        .prepare('UPDATE plans SET document = ?, updated_at = ? WHERE id = ?')
        .run(JSON.stringify(replaceMeasure(plan, measure)), new Date().toISOString(), planId);
      if (audit) writeAudit(this.db, audit);
      return { measure, version: measureVersion(measure) };
    })();
  }
}

/** The embedded store's version token: a digest of the measure's content, so any change moves it. */
function measureVersion(measure: Measure): string {
  return `"${createHash('sha256').update(JSON.stringify(measure)).digest('hex').slice(0, 20)}"`;
}
