/**
 * Copies the embedded store into SharePoint: plans (written only where they differ), status
 * reports, audit entries and realised benefits (their unique keys make a second run add nothing). Safe to re-run,
 * also after an interrupted run.
 */
import { isDeepStrictEqual } from 'node:util';
import type { SqliteStore } from '../sqlite/sqlite-store';
import type { SharePointStore } from './sharepoint-store';

export interface MigrationSummary {
  plans: { written: number; unchanged: number };
  reports: { created: number; existing: number };
  auditEntries: { created: number; existing: number };
  /** Realised benefit reports copied (a second run finds them there: their ids are unique). */
  realisedBenefits: number;
}

const CHUNK = 100;

export async function migrateToSharePoint(
  from: Pick<SqliteStore, 'plans' | 'reports' | 'audit' | 'realisedBenefits'>,
  to: SharePointStore,
  progress: (line: string) => void = () => {},
): Promise<MigrationSummary> {
  const summary: MigrationSummary = {
    plans: { written: 0, unchanged: 0 },
    reports: { created: 0, existing: 0 },
    auditEntries: { created: 0, existing: 0 },
    realisedBenefits: 0,
  };
  const plans = await from.plans.listPlans();
  for (const [index, plan] of plans.entries()) {
    const prefix = `[${index + 1}/${plans.length}] ${plan.id}`;
    const there = await to.plans.getPlan(plan.id);
    if (isDeepStrictEqual(there, plan)) summary.plans.unchanged++;
    else {
      await to.plans.savePlan(plan);
      summary.plans.written++;
    }
    const reports = await from.reports.listReports(plan.id);
    for (let i = 0; i < reports.length; i += CHUNK) {
      add(summary.reports, await to.reports.importReports(reports.slice(i, i + CHUNK)));
      progress(`${prefix}: statusrapporter ${Math.min(i + CHUNK, reports.length)}/${reports.length}`);
    }
    const entries = await from.audit.listAudit(plan.id);
    for (let i = 0; i < entries.length; i += CHUNK)
      add(summary.auditEntries, await to.audit.importEntries(entries.slice(i, i + CHUNK)));
    const realised = await from.realisedBenefits.listRealised(plan.id);
    for (let i = 0; i < realised.length; i += CHUNK)
      await to.realisedBenefits.addRealised(realised.slice(i, i + CHUNK));
    summary.realisedBenefits += realised.length;
    progress(
      `${prefix}: ferdig (${reports.length} statusrapporter, ${entries.length} loggføringer, ${realised.length} realiserte gevinster)`,
    );
  }
  return summary;
}

function add(total: { created: number; existing: number }, part: { created: number; existing: number }): void {
  total.created += part.created;
  total.existing += part.existing;
}
