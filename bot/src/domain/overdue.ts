/**
 * "Forfalt": a measure past its deadline and not finished. The deadline is read as the last day it
 * allows (a month to its last day, a year or a span of years to 31 December of the last); a
 * deadline only in words has no day and is never overdue. Done, cancelled and closed measures are not.
 */
import { osloDate } from './period';
import type { Deadline, Measure } from './plan';
import type { StatusCode } from './status';

/** The last day the deadline allows, YYYY-MM-DD, or undefined when it names none. */
export function lastDayOf(deadline: Deadline): string | undefined {
  switch (deadline.kind) {
    case 'date':
      return deadline.date;
    case 'month': {
      const [year, month] = deadline.month.split('-').map(Number);
      if (!year || !month) return undefined;
      const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
      return `${deadline.month}-${String(last).padStart(2, '0')}`;
    }
    case 'year':
      return `${deadline.year}-12-31`;
    case 'years':
      return `${deadline.toYear}-12-31`;
    case 'category':
      return deadline.toYear !== undefined ? `${deadline.toYear}-12-31` : undefined;
    case 'text':
      return undefined;
  }
}

/** Whether the measure is overdue on `day` (YYYY-MM-DD) with this status (undefined: not reported). */
export function isOverdue(measure: Measure, status: StatusCode | undefined, day: string): boolean {
  if (status === 'done' || status === 'cancelled' || measure.closed || !measure.deadline) return false;
  const last = lastDayOf(measure.deadline);
  return last !== undefined && last < day;
}

/** The day a period is judged on: its last day once it is over, today while it runs. */
export function judgedOn(periodEnd: string, now: Date): string {
  const today = osloDate(now);
  return periodEnd < today ? periodEnd : today;
}
