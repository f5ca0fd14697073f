/**
 * A reminder round: for one plan and period, one card to each responsible person, recorded per
 * (round, recipient, step) so a restart or a retry never sends a step twice and never skips anyone.
 */
export type RoundState = 'running' | 'paused' | 'cancelled' | 'done';

/** When each step goes out (ISO instants); the coordinator may move them. */
export interface RoundSchedule {
  /** The card to everyone responsible. */
  firstAt: string;
  /** A second card to those who have not answered. */
  secondAt: string;
  /** After the deadline: the coordinator (and the person's manager, where known) hears who is missing. */
  escalateAt: string;
}

export interface Round {
  id: string;
  planId: string;
  periodId: string;
  state: RoundState;
  schedule: RoundSchedule;
  /** ISO instant. */
  startedAt: string;
  startedBy: { userId: string; name: string };
}

/**
 * 'first' is the round's card, 'second' the scheduled reminder to those who have not answered,
 * 'nudge-N' the N-th reminder a coordinator asked for, 'escalation' the list of who is missing.
 */
export type DeliveryStep = 'first' | 'second' | 'escalation' | `nudge-${number}`;

/** 'skipped': no card was needed (the person had answered every measure already). */
export type DeliveryState = 'pending' | 'sending' | 'sent' | 'unreachable' | 'skipped';

/** Why a delivery was skipped: everything was answered for the period before the card went. */
export const SKIP_REASONS = ['up-to-date'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/**
 * What carried (or is to carry) a delivery: the card in the person's chat, a Teams activity feed
 * notification (the reminders, when the plan wants them noticed), or an e-mail to someone Teams
 * cannot reach. Deliveries logged before channels existed went by chat.
 */
export const DELIVERY_CHANNELS = ['chat', 'activity', 'email'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/**
 * How a plan's reminders after the first card go: 'card' another card in the chat; 'activity' an
 * activity feed notification that opens the person's measures (a second card is easy to miss, and
 * Microsoft advises against alerting twice for one thing, so it replaces the card, not doubles it).
 */
export type ReminderStyle = 'card' | 'activity';

/** Whether a step is a reminder (the scheduled second card or a coordinator's nudge), not the first card. */
export function isReminderStep(step: DeliveryStep): boolean {
  return step === 'second' || step.startsWith('nudge-');
}

export interface Delivery {
  roundId: string;
  recipientId: string;
  recipientName: string;
  step: DeliveryStep;
  state: DeliveryState;
  /** The channel it went by, or is to go by when it is tried next. */
  channel: DeliveryChannel;
  attempts: number;
  /** ISO instant before which it is not tried (Retry-After, backoff, sending hours). */
  notBefore: string;
  /**
   * Why it could not be delivered, for the coordinator ("not-installed", "blocked", …); for one
   * that went by e-mail, why Teams could not take it.
   */
  reason?: string;
  sentAt?: string;
  /** Set when the card went to the recipient's substitute instead (they were away). */
  substituteName?: string;
}

/**
 * Reasons a recipient cannot be reached; the tab says each in words. 'too-large' is the card, not
 * the person: Teams refused its size (413), and it stays in the log for the coordinator to see.
 */
export const UNREACHABLE_REASONS = [
  'not-installed',
  'install-refused',
  'blocked',
  'not-found',
  'refused',
  'disabled-by-admin',
  'too-large',
  // The e-mail instead: the recipient's mailbox does not exist, or Exchange refused the message.
  'mailbox-not-found',
  'mail-refused',
] as const;
export type UnreachableReason = (typeof UNREACHABLE_REASONS)[number];

const DAY = 24 * 60 * 60_000;

/**
 * The schedule for a period whose status is due at the end of `deadline` (YYYY-MM-DD, Oslo): the
 * first card 14 days before, a second 3 days before, escalation 2 days after. Each moves to the next
 * sending hour by the runner; a step already past when the round starts goes now.
 */
export function defaultSchedule(deadline: string, now: Date): RoundSchedule {
  // 09:00 UTC is 10:00 or 11:00 in Oslo: inside sending hours all year.
  const at = (offsetDays: number) => new Date(Date.parse(`${deadline}T09:00:00Z`) + offsetDays * DAY);
  const notBefore = (d: Date) => new Date(Math.max(d.getTime(), now.getTime())).toISOString();
  return { firstAt: notBefore(at(-14)), secondAt: notBefore(at(-3)), escalateAt: notBefore(at(2)) };
}

/** A coordinator's change to the schedule: the steps stay in order. */
export function isValidSchedule(s: RoundSchedule): boolean {
  const [a, b, c] = [s.firstAt, s.secondAt, s.escalateAt].map(Date.parse) as [number, number, number];
  return [a, b, c].every(Number.isFinite) && a <= b && b <= c;
}

/** A delivery waiting to go out, not before `notBefore`. */
export function pendingDelivery(
  roundId: string,
  person: { userId: string; name: string },
  step: DeliveryStep,
  notBefore: Date,
): Delivery {
  return {
    roundId,
    recipientId: person.userId,
    recipientName: person.name,
    step,
    state: 'pending',
    channel: 'chat',
    attempts: 0,
    notBefore: notBefore.toISOString(),
  };
}
