/**
 * Realised benefits in SharePoint: only ever created, each under its id (case-safe), so a create
 * retried after a lost response stores nothing new; read per plan through the indexed PlanId, in
 * the order written (time, then Sequence).
 */
import type { RealisedBenefitStore } from '../../app/ports';
import type { RealisedBenefit } from '../../domain/benefit';
import { byTimeAndSequence, caseSafe, clip, fromCaseSafe, planKey, sequences } from './keys';
import { REALISED_BENEFITS_LIST, type RealisedBenefitFields } from './schema';
import { eq, type SiteLists } from './site-lists';

export class SharePointRealisedBenefitStore implements RealisedBenefitStore {
  constructor(private readonly lists: SiteLists) {}

  async addRealised(reports: RealisedBenefit[]): Promise<void> {
    if (!reports.length) return;
    const order = sequences(reports.length);
    await this.lists.createAll(
      REALISED_BENEFITS_LIST,
      reports.map((r, i) => fieldsOf(r, order[i] ?? 0)),
    );
  }

  async listRealised(planId: string): Promise<RealisedBenefit[]> {
    const items = await this.lists.read(REALISED_BENEFITS_LIST, eq('PlanId', planKey(planId)));
    return items
      .map((i) => ({
        at: i.fields.ReportedAt,
        sequence: i.fields.Sequence,
        itemId: i.id,
        realised: realisedOf(i.fields),
      }))
      .filter(({ realised }) => realised.planId === planId)
      .sort(byTimeAndSequence)
      .map(({ realised }) => realised);
  }

  async erasePerson(userId: string, replacement: { userId: string; name: string }): Promise<number> {
    // SharePoint matches without regard to case: narrowed to the exact id.
    const items = (await this.lists.read(REALISED_BENEFITS_LIST, eq('ReportedById', userId))).filter(
      (i) => i.fields.ReportedById === userId,
    );
    await this.lists.patchAll(
      REALISED_BENEFITS_LIST,
      items.map((i) => ({
        itemId: i.id,
        fields: { ReportedById: replacement.userId, ReportedByName: replacement.name },
      })),
    );
    return items.length;
  }
}

function fieldsOf(r: RealisedBenefit, sequence: number): RealisedBenefitFields & { Title: string } {
  return {
    Title: clip(`${r.measureId} ${r.benefitType} ${r.periodId}`),
    RealisedId: caseSafe(r.id),
    PlanId: planKey(r.planId),
    MeasureId: r.measureId,
    BenefitType: r.benefitType,
    PeriodId: r.periodId,
    Year: r.year,
    OrganisationId: r.organisationId ?? null,
    Value: r.value ?? null,
    Comment: r.comment ?? null,
    ReportedById: r.reportedBy.userId,
    ReportedByName: r.reportedBy.name,
    ReportedAt: r.reportedAt,
    Sequence: sequence,
  };
}

function realisedOf(f: RealisedBenefitFields): RealisedBenefit {
  return {
    id: fromCaseSafe(f.RealisedId),
    planId: fromCaseSafe(f.PlanId),
    measureId: f.MeasureId,
    benefitType: f.BenefitType,
    periodId: f.PeriodId,
    year: f.Year,
    ...(f.OrganisationId ? { organisationId: f.OrganisationId } : {}),
    ...(f.Value !== null && f.Value !== undefined ? { value: f.Value } : {}),
    ...(f.Comment ? { comment: f.Comment } : {}),
    reportedBy: { userId: f.ReportedById, name: f.ReportedByName },
    // SharePoint keeps date and time to the second: give it back in the form it was written.
    reportedAt: new Date(f.ReportedAt).toISOString(),
  };
}
