/**
 * A plan's draft seen as a plan repository, so the plan-upkeep use cases (edit-measure.ts,
 * restructure-plan.ts) work on a revision unchanged: the same rules, the same audit entries, the
 * same If-Match. Made per request. Every measure of the draft carries the draft's version token:
 * any change to the draft moves it, so an edit made from an older view of the draft is refused
 * (coarser than per measure, and safe: the draft is one document). A save without a version of
 * its own (adding a measure or a goal) names the version the draft was read at by this request.
 */
import { DomainError } from '../domain/errors';
import { findMeasure, replaceMeasure, type Measure, type Plan } from '../domain/plan';
import type { AuditEntry } from '../domain/audit';
import {
  ConcurrentChangeError,
  type PlanDraft,
  type PlanRepository,
  type PlanVersionStore,
  type VersionedMeasure,
} from './ports';

export class DraftPlans implements PlanRepository {
  private read: PlanDraft | undefined;

  /** `plans`: the plans as the request's tenant sees them; a draft is reached only through its plan. */
  constructor(
    private readonly versions: PlanVersionStore,
    private readonly plans: PlanRepository,
  ) {}

  async listPlans(): Promise<Plan[]> {
    const plans = await this.plans.listPlans();
    const drafts = await Promise.all(plans.map((p) => this.versions.getDraft(p.id)));
    return drafts.flatMap((d) => (d ? [d.plan] : []));
  }

  async getPlan(planId: string): Promise<Plan | undefined> {
    return (await this.draft(planId))?.plan;
  }

  async savePlan(plan: Plan, audit?: AuditEntry): Promise<void> {
    const draft = this.read?.plan.id === plan.id ? this.read : await this.draft(plan.id);
    if (!draft) throw new DomainError('no-revision');
    this.read = await this.versions.saveDraft({ ...draft, plan }, draft.version, audit);
  }

  async getMeasure(planId: string, measureId: string): Promise<VersionedMeasure | undefined> {
    const draft = await this.draft(planId);
    const measure = draft && findMeasure(draft.plan, measureId);
    return measure && { measure, version: draft.version };
  }

  async updateMeasure(
    planId: string,
    measure: Measure,
    expectedVersion: string,
    audit?: AuditEntry,
  ): Promise<VersionedMeasure> {
    const draft = await this.draft(planId);
    const current = draft && findMeasure(draft.plan, measure.id);
    if (!draft || !current) throw new DomainError('unknown-measure', { number: measure.id });
    if (draft.version !== expectedVersion)
      throw new ConcurrentChangeError({ measure: current, version: draft.version });
    try {
      this.read = await this.versions.saveDraft(
        { ...draft, plan: replaceMeasure(draft.plan, measure) },
        expectedVersion,
        audit,
      );
    } catch (e) {
      // Someone saved the draft between this read and the write: the measure as it is now.
      const now = await this.getMeasure(planId, measure.id);
      if (now && now.version !== expectedVersion) throw new ConcurrentChangeError(now);
      throw e;
    }
    return { measure, version: this.read.version };
  }

  /**
   * The draft of a plan the request may see (the plan repository hides other tenants' plans); a
   * plan without one is `no-revision`, which says more than an unknown plan would.
   */
  private async draft(planId: string): Promise<PlanDraft | undefined> {
    if (!(await this.plans.getPlan(planId))) return undefined;
    this.read = await this.versions.getDraft(planId);
    if (!this.read) throw new DomainError('no-revision');
    return this.read;
  }
}
