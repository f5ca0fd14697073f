/**
 * Realised benefits in the embedded store: append-only (triggers), one row per report, read back
 * in the order stored. Erasing a person is the one path past the triggers, as for status reports.
 */
import type Database from 'better-sqlite3';
import type { RealisedBenefitStore } from '../../app/ports';
import type { BenefitType, RealisedBenefit } from '../../domain/benefit';

export const REALISED_BENEFITS_MIGRATION = `
  CREATE TABLE realised_benefits (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL,
    measure_id TEXT NOT NULL,
    benefit_type TEXT NOT NULL,
    period_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    organisation_id TEXT,
    value REAL,
    comment TEXT,
    reported_by_id TEXT NOT NULL,
    reported_by_name TEXT NOT NULL,
    reported_at TEXT NOT NULL
  );
  CREATE INDEX realised_benefits_by_plan ON realised_benefits (plan_id, reported_at);
  CREATE INDEX realised_benefits_by_person ON realised_benefits (reported_by_id);
  CREATE TRIGGER realised_benefits_append_only_update BEFORE UPDATE ON realised_benefits
    BEGIN SELECT RAISE(ABORT, 'realised benefits are append-only'); END;
  CREATE TRIGGER realised_benefits_append_only_delete BEFORE DELETE ON realised_benefits
    BEGIN SELECT RAISE(ABORT, 'realised benefits are append-only'); END;
`;

interface Row {
  id: string;
  plan_id: string;
  measure_id: string;
  benefit_type: BenefitType;
  period_id: string;
  year: number;
  organisation_id: string | null;
  value: number | null;
  comment: string | null;
  reported_by_id: string;
  reported_by_name: string;
  reported_at: string;
}

export class SqliteRealisedBenefitStore implements RealisedBenefitStore {
  constructor(private readonly db: Database.Database) {}

  async addRealised(reports: RealisedBenefit[]): Promise<void> {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO realised_benefits (id, plan_id, measure_id, benefit_type, period_id, year,
         organisation_id, value, comment, reported_by_id, reported_by_name, reported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      for (const r of reports)
        insert.run(
          r.id,
          r.planId,
          r.measureId,
          r.benefitType,
          r.periodId,
          r.year,
          r.organisationId ?? null,
          r.value ?? null,
          r.comment ?? null,
          r.reportedBy.userId,
          r.reportedBy.name,
          r.reportedAt,
        );
    })();
  }

  async listRealised(planId: string): Promise<RealisedBenefit[]> {
    const rows = this.db
      .prepare('SELECT * FROM realised_benefits WHERE plan_id = ? ORDER BY reported_at, rowid')
      .all(planId) as Row[];
    return rows.map(realisedOf);
  }

  async erasePerson(userId: string, replacement: { userId: string; name: string }): Promise<number> {
    return this.db.transaction(() => {
      this.db.exec('DROP TRIGGER realised_benefits_append_only_update');
      const changed = this.db
        .prepare('UPDATE realised_benefits SET reported_by_id = ?, reported_by_name = ? WHERE reported_by_id = ?')
        .run(replacement.userId, replacement.name, userId).changes;
      this.db.exec(`CREATE TRIGGER realised_benefits_append_only_update BEFORE UPDATE ON realised_benefits
        BEGIN SELECT RAISE(ABORT, 'realised benefits are append-only'); END;`);
      return changed;
    })();
  }
}

function realisedOf(r: Row): RealisedBenefit {
  return {
    id: r.id,
    planId: r.plan_id,
    measureId: r.measure_id,
    benefitType: r.benefit_type,
    periodId: r.period_id,
    year: r.year,
    ...(r.organisation_id !== null ? { organisationId: r.organisation_id } : {}),
    ...(r.value !== null ? { value: r.value } : {}),
    ...(r.comment !== null ? { comment: r.comment } : {}),
    reportedBy: { userId: r.reported_by_id, name: r.reported_by_name },
    reportedAt: r.reported_at,
  };
}
