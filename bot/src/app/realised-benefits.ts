/**
 * Realised benefits given with a status answer (on the card or in "Mine tiltak"): each checked
 * against the measure's benefits in the domain, then stored beside the status reports. Inputs left
 * blank are no answer. Ids follow from the submission, so a retried answer is stored once.
 */
import { createHash } from 'node:crypto';
import { checkRealised, type RealisedBenefit, type RealisedInput } from '../domain/benefit';
import type { Period } from '../domain/period';
import { findMeasure, type Plan } from '../domain/plan';
import type { Person } from '../domain/responsibility';

export interface BenefitEntry {
  measureId: string;
  benefits?: RealisedInput[];
}

/** The realised benefits of a submission's entries, checked; invalid-benefit when one is not right. */
export function realisedOfEntries(
  plan: Plan,
  period: Period,
  entries: readonly BenefitEntry[],
  person: Pick<Person, 'userId' | 'name'>,
  submissionKey: string,
  reportedAt: string,
): RealisedBenefit[] {
  const owners = plan.owners.map((o) => o.id);
  return entries.flatMap((entry) => {
    const benefits = findMeasure(plan, entry.measureId)?.benefits ?? [];
    return (entry.benefits ?? []).filter(answered).map((input) => {
      const checked = checkRealised(benefits, input, owners);
      const key = [submissionKey, entry.measureId, checked.benefitType, checked.organisationId ?? ''].join('\u0000');
      return {
        id: `benefit-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`,
        planId: plan.id,
        measureId: entry.measureId,
        periodId: period.id,
        year: Number(period.start.slice(0, 4)),
        ...checked,
        reportedBy: { userId: person.userId, name: person.name },
        reportedAt,
      };
    });
  });
}

function answered(input: RealisedInput): boolean {
  const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && !v.trim());
  return !blank(input.value) || !blank(input.comment);
}
