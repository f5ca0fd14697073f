/**
 * Erasing a person's data (GDPR art. 17, on request or when they leave): their identity is
 * replaced by a pseudonym everywhere the store holds it. The pseudonym is stable per person, so
 * one person's answers still read as one person's; it cannot be turned back into the id.
 */
import { createHash } from 'node:crypto';
import { eraseFromPlans } from './erase-from-plans';
import type {
  Clock,
  IdGenerator,
  PersonalData,
  PlanRepository,
  PlanVersionStore,
  RealisedBenefitStore,
  SubstituteStore,
} from './ports';

export const ERASED_NAME = 'Slettet person';

export async function erasePerson(
  deps: {
    personalData: PersonalData;
    substitutes: SubstituteStore;
    realisedBenefits: RealisedBenefitStore;
    plans: PlanRepository;
    versions: PlanVersionStore;
    clock: Clock;
    ids: IdGenerator;
  },
  userId: string,
  actor: { userId: string; name: string },
): Promise<{
  reports: number;
  auditEntries: number;
  substitutions: number;
  realisedBenefits: number;
  planTexts: number;
  plans: string[];
}> {
  const pseudonym = `erased:${createHash('sha256').update(`${userId}:${deps.ids.newId()}`).digest('hex').slice(0, 16)}`;
  const replacement = { userId: pseudonym, name: ERASED_NAME };
  const at = deps.clock.now().toISOString();
  const erased = await deps.personalData.erasePerson(userId, replacement, (planId, count) => ({
    id: deps.ids.newId(),
    planId,
    at,
    action: 'person-erased',
    actor,
    details: { reports: String(count) },
  }));
  // Substitutes live with the rounds (locally, or shared by instances): a second step, and
  // running the command again finishes it should it stop in between.
  const substitutions = await deps.substitutes.erasePerson(userId, replacement);
  // Realised benefits are their own list (reported for years after a measure is done): a third step.
  const realisedBenefits = await deps.realisedBenefits.erasePerson(userId, replacement);
  // The plans' own text (responsible people, who revised them), drafts and earlier versions too.
  const planTexts = await eraseFromPlans(deps, userId, replacement);
  return { ...erased, substitutions, realisedBenefits, planTexts };
}
