/**
 * Copies the embedded store into SharePoint: plans and revision drafts (written only where they
 * differ), the plans' earlier versions, status reports, audit entries and realised benefits (their
 * unique keys make a second run add nothing). Safe to re-run, also after an interrupted run.
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
  versions: { created: number; existing: number };
  drafts: { written: number; unchanged: number };
}

const CHUNK = 100;

export async function migrateToSharePoint(
  from: Pick<SqliteStore, 'plans' | 'reports' | 'audit' | 'realisedBenefits' | 'versions'>,
  to: SharePointStore,
  progress: (line: string) => void = () => {},
): Promise<MigrationSummary> {
  const summary: MigrationSummary = {
    plans: { written: 0, unchanged: 0 },
    reports: { created: 0, existing: 0 },
    auditEntries: { created: 0, existing: 0 },
    realisedBenefits: 0,
    versions: { created: 0, existing: 0 },
    drafts: { written: 0, unchanged: 0 },
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
    const versions = await from.versions.listVersions(plan.id);
    for (const { number } of versions) {
      const version = await from.versions.getVersion(plan.id, number);
      if (version) summary.versions[await to.versions.importVersion(version)]++;
    }
    await copyDraft(from, to, plan.id, summary);
    progress(
      `${prefix}: ferdig (${reports.length} statusrapporter, ${entries.length} loggføringer, ${realised.length} realiserte gevinster, ${versions.length} versjoner)`,
    );
  }
  return summary;
}

/** The revision under way, if any: written over the target's draft (at its version) where they differ. */
async function copyDraft(
  from: Pick<SqliteStore, 'versions'>,
  to: SharePointStore,
  planId: string,
  summary: MigrationSummary,
): Promise<void> {
  const draft = await from.versions.getDraft(planId);
  if (!draft) return;
  const there = await to.versions.getDraft(planId);
  const { version: _source, ...content } = draft;
  if (there) {
    const { version: _target, ...thereContent } = there;
    if (isDeepStrictEqual(thereContent, content)) {
      summary.drafts.unchanged++;
      return;
    }
  }
  await to.versions.saveDraft(content, there?.version);
  summary.drafts.written++;
}

function add(total: { created: number; existing: number }, part: { created: number; existing: number }): void {
  total.created += part.created;
  total.existing += part.existing;
}
