/**
 * Which way a status form's delivery goes, and what to do when that way is closed:
 * - the first card goes to the chat; a reminder (the second card, a nudge) goes to the activity
 *   feed where the plan wants it noticed, opening the person's measures — instead of a second card
 *   in the same chat, not besides it (Microsoft advises against alerting twice for one thing);
 * - an activity notification that cannot go (the app not installed, permission missing) falls back
 *   to the card, whose path installs the app;
 * - someone the chat cannot reach (no app, install refused, blocked, not in Teams) gets the reminder
 *   by e-mail, from the municipality's mailbox, where the directory knows their address.
 * A retry goes the way that was throttled: an e-mail is tried as an e-mail again.
 */
import type { Delivery, DeliveryChannel, UnreachableReason } from '../domain/round';
import { isReminderStep } from '../domain/round';
import type { Person } from '../domain/responsibility';
import type { ActivityNotifier, Reminder, ReminderMailer, SendResult } from './ports';

export interface ChannelDeps {
  activity?: ActivityNotifier;
  mailer?: ReminderMailer;
}

/** A send's outcome with the channel that produced it; `teamsReason`: why Teams could not take an e-mailed one. */
export interface ChannelOutcome {
  result: SendResult;
  channel: DeliveryChannel;
  teamsReason?: string;
}

/** Whether this delivery's reminder goes to the activity feed first. */
export function goesToActivityFeed(deps: ChannelDeps, d: Delivery, reminder: Reminder, substitute: boolean): boolean {
  if (!deps.activity || substitute || !isReminderStep(d.step) || d.channel === 'email') return false;
  return (reminder.plan.reminderStyle ?? 'activity') === 'activity';
}

/**
 * Sends the reminder: by the activity feed where it goes there, else (or when that is closed) by
 * `sendCard`; to someone the card cannot reach, by e-mail.
 */
export async function sendReminder(
  deps: ChannelDeps,
  d: Delivery,
  person: Person,
  reminder: Reminder,
  options: { substitute: boolean; sendCard: () => Promise<SendResult> },
): Promise<ChannelOutcome> {
  // An e-mail that was throttled: Teams had already said no.
  if (d.channel === 'email') return mail(deps, person, reminder, d.reason ?? 'not-installed');
  if (deps.activity && goesToActivityFeed(deps, d, reminder, options.substitute)) {
    const result = await deps.activity.notifyReminder(person, reminder);
    if (result.kind === 'sent' || result.kind === 'retry') return { result, channel: 'activity' };
    // Closed for this person (or for us): the card still reaches them.
  }
  const result = await options.sendCard();
  if (result.kind !== 'unreachable' || options.substitute) return { result, channel: 'chat' };
  return mail(deps, person, reminder, result.reason, result);
}

/** The e-mail instead; without a mailer or an address, or with the mailbox refusing us, Teams' answer stands. */
async function mail(
  deps: ChannelDeps,
  person: Person,
  reminder: Reminder,
  teamsReason: string,
  teams: SendResult = { kind: 'unreachable', reason: teamsReason as UnreachableReason },
): Promise<ChannelOutcome> {
  if (!deps.mailer || !person.mail) return { result: teams, channel: 'chat' };
  const result = await deps.mailer.mailReminder(person, reminder);
  // Our mailbox's permission or policy refused us: a fault for the operator (logged by the mailer), not the person's.
  if (result.kind === 'misconfigured') return { result: teams, channel: 'chat' };
  return { result, channel: 'email', teamsReason };
}
