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

/** Parses a period id back into its period, or undefined if it is not one of the cadence's ids. */
export function periodById(cadence: Cadence, id: string): Period | undefined {
  const year = Number(id.slice(0, 4));
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return undefined;
  return periodsOfYear(cadence, year).find((p) => p.id === id);
}
