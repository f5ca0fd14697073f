/**
 * Norwegian public holidays (helligdager, and 1 and 17 May): no reminders go out on them. The
 * movable ones follow Easter Sunday (Gregorian computus, Meeus/Jones/Butcher).
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const cache = new Map<number, Set<string>>();

/** The public holidays of a year, as YYYY-MM-DD. */
export function norwegianHolidays(year: number): Set<string> {
  const known = cache.get(year);
  if (known) return known;
  const easter = Date.parse(`${easterSunday(year)}T00:00:00Z`);
  const fromEaster = (days: number) => new Date(easter + days * 86_400_000).toISOString().slice(0, 10);
  const days = new Set([
    `${year}-01-01`,
    fromEaster(-3), // skjærtorsdag
    fromEaster(-2), // langfredag
    fromEaster(0), // første påskedag
    fromEaster(1), // andre påskedag
    `${year}-05-01`,
    `${year}-05-17`,
    fromEaster(39), // Kristi himmelfartsdag
    fromEaster(49), // første pinsedag
    fromEaster(50), // andre pinsedag
    `${year}-12-25`,
    `${year}-12-26`,
  ]);
  cache.set(year, days);
  return days;
}
