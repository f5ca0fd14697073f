/**
 * The production store: the storage ports over SharePoint lists through Microsoft Graph, one
 * repository per file (plans, reports, audit trail, personal data, the meeting's decisions, plan revisions, realised benefits) over the lists on the site
 * (site-lists.ts). Opening it checks that the lists hold what this version needs.
 */
import { SharePointAuditLog } from './audit-log';
import { SharePointDecisionStore } from './decision-repository';
import type { GraphApi } from './graph-http';
import { SharePointPersonalData } from './personal-data';
import { SharePointPlanRepository } from './plan-repository';
import { SharePointPlanVersionStore } from './plan-versions';
import { SharePointRealisedBenefitStore } from './realised-benefits';
import { SharePointStatusReportRepository } from './report-repository';
import { SiteLists } from './site-lists';

export { ListsNotProvisionedError } from './site-lists';
export { SchemaOutOfDateError } from './schema-check';

export interface SharePointStore {
  plans: SharePointPlanRepository;
  reports: SharePointStatusReportRepository;
  audit: SharePointAuditLog;
  personalData: SharePointPersonalData;
  decisions: SharePointDecisionStore;
  versions: SharePointPlanVersionStore;
  realisedBenefits: SharePointRealisedBenefitStore;
}

export async function openSharePointStore(graph: GraphApi, siteId: string): Promise<SharePointStore> {
  const lists = await SiteLists.open(graph, siteId);
  const plans = new SharePointPlanRepository(lists);
  return {
    plans,
    reports: new SharePointStatusReportRepository(lists),
    audit: new SharePointAuditLog(lists),
    personalData: new SharePointPersonalData(lists),
    decisions: new SharePointDecisionStore(lists),
    versions: new SharePointPlanVersionStore(lists, plans),
    realisedBenefits: new SharePointRealisedBenefitStore(lists),
  };
}
