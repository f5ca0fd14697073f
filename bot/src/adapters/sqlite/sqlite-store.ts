/**
 * The embedded store: one SQLite file (better-sqlite3), the default for development, demos and
 * tests, opened with its schema brought up to date (migrations.ts). Each port has its repository in
 * a file of its own: plans, status reports, audit trail, personal data, rounds, substitutes, locks, the meeting's decisions, plan revisions, realised benefits.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
  AuditLog,
  DecisionStore,
  PersonalData,
  PlanRepository,
  PlanVersionStore,
  RealisedBenefitStore,
  StatusReportRepository,
} from '../../app/ports';
import { migrate } from './migrations';
import { SqliteAuditLog } from './sqlite-audit';
import { SqliteDecisionStore } from './sqlite-decisions';
import { SqlitePeriodLockStore } from './sqlite-period-locks';
import { SqlitePersonalData } from './sqlite-personal-data';
import { SqlitePlanVersionStore } from './sqlite-plan-versions';
import { SqlitePlanRepository } from './sqlite-plans';
import { SqliteRealisedBenefitStore } from './sqlite-realised-benefits';
import { SqliteStatusReportRepository } from './sqlite-reports';
import { SqliteConversationStore } from './sqlite-conversations';
import { SqliteRoundStore } from './sqlite-rounds';
import { SqliteSubstituteStore } from './sqlite-substitutes';

export interface SqliteStore {
  plans: PlanRepository;
  reports: StatusReportRepository;
  audit: AuditLog;
  personalData: PersonalData;
  rounds: SqliteRoundStore;
  conversations: SqliteConversationStore;
  substitutes: SqliteSubstituteStore;
  locks: SqlitePeriodLockStore;
  decisions: DecisionStore;
  versions: PlanVersionStore;
  realisedBenefits: RealisedBenefitStore;
  /** Cheap query for readiness checks. */
  ping(): boolean;
  close(): void;
}

export function openSqliteStore(path: string): SqliteStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return {
    plans: new SqlitePlanRepository(db),
    reports: new SqliteStatusReportRepository(db),
    audit: new SqliteAuditLog(db),
    personalData: new SqlitePersonalData(db),
    rounds: new SqliteRoundStore(db),
    conversations: new SqliteConversationStore(db),
    substitutes: new SqliteSubstituteStore(db),
    locks: new SqlitePeriodLockStore(db),
    decisions: new SqliteDecisionStore(db),
    versions: new SqlitePlanVersionStore(db),
    realisedBenefits: new SqliteRealisedBenefitStore(db),
    ping: () => db.prepare('SELECT 1 AS ok').get() !== undefined,
    close: () => db.close(),
  };
}
