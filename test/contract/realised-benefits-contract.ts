/**
 * The realised-benefit store's part of the storage contract, run inside it against every store:
 * reports kept in the order written, once per id however often a write is retried, every field
 * back as written (an organisation, a value or only a comment), per plan, and a person erased.
 */
import type { PlanRepository, RealisedBenefitStore } from '../../bot/src/app/ports';
import type { RealisedBenefit } from '../../bot/src/domain/benefit';
import { latestRealised } from '../../bot/src/domain/benefit';
import type { Plan } from '../../bot/src/domain/plan';

let counter = 0;
const unique = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${counter++}`;

function realised(plan: Plan, overrides: Partial<RealisedBenefit> = {}): RealisedBenefit {
  return {
    id: unique('Realised'),
    planId: plan.id,
    measureId: '1.1',
    benefitType: 'reduced-cost',
    periodId: '2026-T3',
    year: 2026,
    value: 125_000.5,
    reportedBy: { userId: 'user-a', name: 'Alex Wilber' },
    reportedAt: '2026-12-01T09:00:00.000Z',
    ...overrides,
  };
}

export function describeRealisedBenefitContract(
  stores: () => { realisedBenefits: RealisedBenefitStore; plans: PlanRepository },
  freshPlan: () => Plan,
): void {
  describe('realised benefits', () => {
    it('keeps every report in the order written, once per id, per plan, the latest counting', async () => {
      const { realisedBenefits: store, plans } = stores();
      const plan = freshPlan();
      const other = { ...freshPlan(), id: `${plan.id}-other` };
      await plans.savePlan(plan);
      const first = realised(plan);
      const corrected = realised(plan, {
        value: 130_000,
        comment: 'Rettet: «lisenser» & 50 %',
        reportedAt: '2026-12-02T10:00:00.000Z',
      });
      const qualitative = realised(plan, {
        benefitType: 'quality',
        measureId: '1.2',
        organisationId: 'risor',
        comment: 'Færre avvik i Risør',
        reportedAt: '2026-12-02T10:00:00.000Z',
      });
      delete qualitative.value;
      const elsewhere = realised(other);
      await store.addRealised([first]);
      // A retried write (a lost response) stores nothing new.
      await store.addRealised([first, corrected, qualitative]);
      await store.addRealised([elsewhere]);
      const back = await store.listRealised(plan.id);
      expect(back).toEqual([first, corrected, qualitative]);
      expect(latestRealised(back)).toEqual([corrected, qualitative]);
      expect(await store.listRealised(other.id)).toEqual([elsewhere]);
      expect(await store.listRealised(unique('missing'))).toEqual([]);
    });

    it("erases a person's identity from the reports, keeping what was reported", async () => {
      const { realisedBenefits: store, plans } = stores();
      const plan = freshPlan();
      await plans.savePlan(plan);
      const leaving = unique('Leaving');
      const theirs = realised(plan, { reportedBy: { userId: leaving, name: 'Ola Nordmann' } });
      // Same letters, other case: another person in Entra ID, never erased with them.
      const lookalike = realised(plan, { reportedBy: { userId: leaving.toLowerCase(), name: 'Kari' } });
      await store.addRealised([theirs, lookalike]);
      const replacement = { userId: unique('erased'), name: 'Slettet person' };
      expect(await store.erasePerson(leaving, replacement)).toBe(1);
      expect(await store.listRealised(plan.id)).toEqual([{ ...theirs, reportedBy: replacement }, lookalike]);
    });
  });
}
