/**
 * When reminders may be sent: working days (Monday to Friday, not public holidays) between 08:00
 * and 16:00 in Oslo, whatever the server's time zone. Nobody is chased at night, on a Sunday or
 * on 17 May.
 */
import { osloDate } from './period';
import { norwegianHolidays } from './holidays';

const OSLO_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  weekday: 'short',
  hour: '2-digit',
  hourCycle: 'h23',
});

export const SENDING_HOURS = { from: 8, to: 16 } as const;

export function isSendingTime(instant: Date): boolean {
  const parts = Object.fromEntries(OSLO_PARTS.formatToParts(instant).map((p) => [p.type, p.value]));
  const hour = Number(parts.hour);
  const weekday = parts.weekday ?? '';
  if (weekday === 'Sat' || weekday === 'Sun' || hour < SENDING_HOURS.from || hour >= SENDING_HOURS.to) return false;
  const date = osloDate(instant);
  return !norwegianHolidays(Number(date.slice(0, 4))).has(date);
}

/**
 * The first moment at or after `instant` when sending is allowed. Walks in 15-minute steps (the
 * Oslo offset changes by whole hours, so a step never skips an opening), at most a long weekend.
 */
export function nextSendingTime(instant: Date): Date {
  const step = 15 * 60_000;
  let t = instant.getTime();
  if (isSendingTime(new Date(t))) return instant;
  t = Math.ceil(t / step) * step;
  // Easter can close five days in a row (Thursday to Monday) after a weekend-free week: ten is ample.
  for (let i = 0; i < 4 * 24 * 10; i++, t += step) if (isSendingTime(new Date(t))) return new Date(t);
  throw new Error('no sending time within ten days');
}
