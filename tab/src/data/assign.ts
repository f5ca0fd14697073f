/**
 * Assigning responsibility to several measures at once: each measure is read, the role and people
 * added to what it has, and saved against the version read (If-Match), as a single edit is. When
 * someone saved a measure in between, the addition is made once more on their version.
 */
import { api, MeasureConflict } from '../api-client';
import type { MeasureResponse } from '../../../bot/src/contract';

export interface Assignment {
  /** A role to add ("Digitaliseringsleder"); empty: none. */
  role: string;
  /** Directory people (Entra ID object ids) to name. */
  people: string[];
}

export interface AssignOutcome {
  done: string[];
  failed: { number: string; reason: string }[];
}

/** The measure's responsibility with the assignment added; undefined when it has it all already. */
export function withAssignment(
  measure: MeasureResponse['measure'],
  assignment: Assignment,
): { responsibleText?: string; responsiblePeople?: string[] } | undefined {
  const role = assignment.role.trim();
  const hasRole = measure.responsibleRoles.some((r) => r.toLocaleLowerCase('nb') === role.toLocaleLowerCase('nb'));
  const named = (measure.responsiblePeople ?? []).map((p) => p.userId);
  const people = [...new Set([...named, ...assignment.people])];
  const edit = {
    ...(role && !hasRole
      ? { responsibleText: measure.responsibleText.trim() ? `${measure.responsibleText.trim()}; ${role}` : role }
      : {}),
    ...(people.length > named.length ? { responsiblePeople: people } : {}),
  };
  return Object.keys(edit).length ? edit : undefined;
}

export async function assignResponsibility(
  planId: string,
  measureIds: string[],
  assignment: Assignment,
): Promise<AssignOutcome> {
  const outcome: AssignOutcome = { done: [], failed: [] };
  for (const id of measureIds) {
    let read = await api.measure(planId, id);
    for (let attempt = 0; ; attempt++) {
      const edit = withAssignment(read.measure, assignment);
      try {
        if (edit) await api.saveMeasure(planId, id, edit, read.version);
        outcome.done.push(read.measure.number);
        break;
      } catch (e) {
        if (e instanceof MeasureConflict && attempt === 0) {
          read = e.current;
          continue;
        }
        outcome.failed.push({ number: read.measure.number, reason: (e as Error).message });
        break;
      }
    }
  }
  return outcome;
}
