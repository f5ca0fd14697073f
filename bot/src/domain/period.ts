/**
 * Reporting periods follow from a plan's cadence. All dates are calendar dates in Europe/Oslo,
 * because "status pr. 30.04" means the end of that day in Norway, wherever the server runs.
 */

export type Cadence =
  /** Once a year, "status pr. januar hvert år": the status as of the end of `dueMonth`. */
  | { kind: 'yearly'; dueMonth: number }
  /** Four-month periods ending 30.04, 31.08 and 31.12. */
  | { kind: 'tertial' }
  /** Quarters ending 31.03, 30.06, 30.09 and 31.12. */
  | { kind: 'quarterly' };

export interface Period {
  /** "2027-01" (yearly, due month), "2026-T2", "2026-Q3". */
  id: string;
  /** First day of the period, YYYY-MM-DD. */
  start: string;
  /** The status date: last day of the period, YYYY-MM-DD. */
  end: string;
}

const OSLO = 'Europe/Oslo';

/** The calendar date in Oslo at `instant`, as YYYY-MM-DD. */
export function osloDate(instant: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: OSLO,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function periodsOfYear(cadence: Cadence, year: number): Period[] {
  switch (cadence.kind) {
    case 'yearly': {
      const m = cadence.dueMonth;
      // The period runs from the month after last year's due month to the end of this due month.
      const startMonth = (m % 12) + 1;
      const startYear = m === 12 ? year : year - 1;
      return [{ id: `${year}-${pad(m)}`, start: `${startYear}-${pad(startMonth)}-01`, end: lastDayOfMonth(year, m) }];
    }
    case 'tertial':
      return [1, 2, 3].map((t) => ({
        id: `${year}-T${t}`,
        start: `${year}-${pad((t - 1) * 4 + 1)}-01`,
        end: lastDayOfMonth(year, t * 4),
      }));
    case 'quarterly':
      return [1, 2, 3, 4].map((q) => ({
        id: `${year}-Q${q}`,
        start: `${year}-${pad((q - 1) * 3 + 1)}-01`,
        end: lastDayOfMonth(year, q * 3),
      }));
  }
}

/** The period whose status is being collected on `date` (YYYY-MM-DD, Oslo): the first one not yet ended. */
export function periodContaining(cadence: Cadence, date: string): Period {
  const year = Number(date.slice(0, 4));
  const candidates = [...periodsOfYear(cadence, year), ...periodsOfYear(cadence, year + 1)];
  const found = candidates.find((p) => p.start <= date && date <= p.end);
  if (!found) throw new Error(`No ${cadence.kind} period contains ${date}`);
  return found;
}

export function currentPeriod(cadence: Cadence, now: Date): Period {
  return periodContaining(cadence, osloDate(now));
}

/** The years a plan covers; open-ended when it names no end. */
export interface PlanSpan {
  fromYear: number;
  toYear?: number;
}

/**
 * The reporting periods of a plan: those lying mostly within its years, up to the period running
 * now for an open-ended plan. "Status pr. januar 2028" (February 2027 to January 2028) belongs to a
 * plan for 2023–2027; "status pr. januar 2023" does not.
 */
export function planPeriods(cadence: Cadence, span: PlanSpan, now: Date): Period[] {
  const first = `${span.fromYear}-01-01`;
  const last = span.toYear !== undefined ? `${span.toYear}-12-31` : periodContaining(cadence, osloDate(now)).end;
  const periods: Period[] = [];
  for (let year = span.fromYear - 1; year <= Number(last.slice(0, 4)) + 1; year++) {
    for (const period of periodsOfYear(cadence, year)) {
      if (mostlyWithin(period, first, last)) periods.push(period);
    }
  }
  return periods;
}

/** The plan's period before `periodId`; undefined for its first. */
export function previousPlanPeriod(cadence: Cadence, span: PlanSpan, periodId: string, now: Date): Period | undefined {
  const periods = planPeriods(cadence, span, now);
  const index = periods.findIndex((p) => p.id === periodId);
  return index > 0 ? periods[index - 1] : undefined;
}

/** The period to collect now: the running one, or the plan's first or last when now lies outside it. */
export function currentPlanPeriod(cadence: Cadence, span: PlanSpan, now: Date): Period {
  const periods = planPeriods(cadence, span, now);
  const running = currentPeriod(cadence, now);
  const first = periods[0];
  const last = periods.at(-1);
  if (!first || !last) return running;
  if (running.end < first.start) return first;
  if (running.start > last.end) return last;
  return periods.find((p) => p.id === running.id) ?? running;
}

function mostlyWithin(period: Period, first: string, last: string): boolean {
  const overlapStart = period.start > first ? period.start : first;
  const overlapEnd = period.end < last ? period.end : last;
  if (overlapEnd < overlapStart) return false;
  return days(overlapStart, overlapEnd) * 2 > days(period.start, period.end);
}

function days(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
}

/** Whether the period's last day (its deadline, Oslo) is behind us: only then may it be locked. */
export function isOver(period: Period, now: Date): boolean {
  return period.end < osloDate(now);
}
