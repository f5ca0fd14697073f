/** What a responsible person is asked to answer for in one plan and period: one card, or one form in the tab. */
import type { Period } from './period';
import type { Measure, Plan } from './plan';
import type { Person } from './responsibility';
import type { StatusReport } from './status';

export interface StatusForm {
  /** Unique per form sent: makes the answer idempotent (a second click stores nothing new). */
  submissionId: string;
  /** Whose measures the form lists. */
  person: Person;
  /** Who gets the form when it is not `person`: their substitute while they are away. */
  substitute?: Person;
  plan: Plan;
  period: Period;
  measures: Measure[];
  /** This period's latest answer per measure id, to pre-fill the form. */
  current: Map<string, StatusReport>;
  /** Last period's latest answer per measure id: pre-fills where this period has none yet, and offers "unchanged". */
  previous?: Map<string, StatusReport>;
}
