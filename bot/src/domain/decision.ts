/**
 * Decisions and follow-ups (vedtak / oppfølgingspunkter) recorded in the leadership meeting on a
 * measure, for a period: what was decided, or what is to be followed up, by whom and by when. They
 * are kept with the period, shown in the measure's history and the report, and an open follow-up
 * of a period goes back to the responsible person in the next period's status card.
 */
export const DECISION_KINDS = ['decision', 'follow-up'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const MAX_DECISION_TEXT = 1000;
export const MAX_ASSIGNEE_TEXT = 200;

export interface Decision {
  id: string;
  planId: string;
  measureId: string;
  periodId: string;
  kind: DecisionKind;
  text: string;
  /** Who follows it up: a person from the directory, or a name or role as written. */
  assignee?: { userId?: string; name: string };
  /** By when (YYYY-MM-DD). */
  dueDate?: string;
  recordedBy: { userId: string; name: string };
  /** ISO 8601 instant. */
  recordedAt: string;
}

/** What a leader writes in the dialog, before it is checked. */
export interface DecisionDraft {
  kind: DecisionKind;
  text: string;
  assignee?: string;
  dueDate?: string;
}

/** Why a draft is refused: the message key's last part (`decision.problem.<problem>`). */
export type DecisionProblem = 'text-missing' | 'text-too-long' | 'assignee-too-long' | 'due-date';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day that exists (2027-02-30 does not). */
export function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The draft's first problem, if any; texts are judged trimmed. */
export function decisionProblem(draft: DecisionDraft): DecisionProblem | undefined {
  const text = draft.text.trim();
  if (!text) return 'text-missing';
  if (text.length > MAX_DECISION_TEXT) return 'text-too-long';
  if ((draft.assignee?.trim().length ?? 0) > MAX_ASSIGNEE_TEXT) return 'assignee-too-long';
  if (draft.dueDate && !isCalendarDay(draft.dueDate)) return 'due-date';
  return undefined;
}

/** Follow-ups have no closing step (yet): every follow-up of a period is open; a decision is not. */
export function isOpenFollowUp(decision: Decision): boolean {
  return decision.kind === 'follow-up';
}

/** Decisions in the order they were recorded (equal times keep their stored order). */
export function byRecordedAt(a: Decision, b: Decision): number {
  return a.recordedAt.localeCompare(b.recordedAt);
}
