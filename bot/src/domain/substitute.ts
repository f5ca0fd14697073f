/**
 * Substitutes (stedfortredere): while a responsible person is away, someone else gets their card
 * and answers for their measures. Set per plan by its coordinator, for a range of Oslo dates.
 */
import { osloDate } from './period';
import type { Person } from './responsibility';
import { isResponsibleFor } from './responsibility';
import type { Measure, Plan } from './plan';

export interface Substitution {
  id: string;
  planId: string;
  /** The person who is away. */
  absent: { userId: string; name: string };
  substitute: { userId: string; name: string };
  /** First and last day (YYYY-MM-DD, Oslo), both included. */
  from: string;
  to: string;
  setBy: { userId: string; name: string };
  /** ISO 8601 instant. */
  setAt: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidDateRange(from: string, to: string): boolean {
  return (
    DATE.test(from) && DATE.test(to) && !Number.isNaN(Date.parse(from)) && !Number.isNaN(Date.parse(to)) && from <= to
  );
}

export function isActive(substitution: Substitution, now: Date): boolean {
  const today = osloDate(now);
  return substitution.from <= today && today <= substitution.to;
}

/** Who answers for `absentId` today, if anyone (the latest set wins where ranges overlap). */
export function activeSubstituteFor(
  substitutions: readonly Substitution[],
  absentId: string,
  now: Date,
): Substitution | undefined {
  return substitutions.filter((s) => s.absent.userId === absentId && isActive(s, now)).at(-1);
}

/**
 * Whose measure the substitute may answer today: the absent person responsible for it, or
 * undefined when `substituteId` covers nobody who is.
 */
export function absentOwnerOf(
  substitutions: readonly Substitution[],
  substituteId: string,
  plan: Plan,
  measure: Measure,
  people: ReadonlyMap<string, Person>,
  now: Date,
): Person | undefined {
  for (const s of substitutions) {
    if (s.substitute.userId !== substituteId || !isActive(s, now)) continue;
    // Only while this substitute is the one in charge (a later substitution may have taken over).
    if (activeSubstituteFor(substitutions, s.absent.userId, now) !== s) continue;
    const absent = people.get(s.absent.userId);
    if (absent && isResponsibleFor(absent, plan, measure)) return absent;
  }
  return undefined;
}
