/**
 * Erasing a person's data (GDPR art. 17, on request or when they leave): their identity is
 * replaced by a pseudonym everywhere the store holds it. The pseudonym is stable per person, so
 * one person's answers still read as one person's; it cannot be turned back into the id.
 */
import { createHash } from 'node:crypto';
import type { Clock, IdGenerator, PersonalData } from './ports';

export const ERASED_NAME = 'Slettet person';

export async function erasePerson(
  deps: { personalData: PersonalData; clock: Clock; ids: IdGenerator },
  userId: string,
  actor: { userId: string; name: string },
): Promise<{ reports: number; auditEntries: number; plans: string[] }> {
  const pseudonym = `erased:${createHash('sha256').update(`${userId}:${deps.ids.newId()}`).digest('hex').slice(0, 16)}`;
  const at = deps.clock.now().toISOString();
  return deps.personalData.erasePerson(userId, { userId: pseudonym, name: ERASED_NAME }, (planId, count) => ({
    id: deps.ids.newId(),
    planId,
    at,
    action: 'person-erased',
    actor,
    details: { reports: String(count) },
  }));
}
