/**
 * A round's deliveries in words, for the round panel: how a sent reminder went, and which ones
 * Teams never confirmed. An unconfirmed one (the Bot Connector took the call and gave no answer,
 * so the card may or may not be in the chat; it is not sent again) is its own state here, not
 * "sent": a coordinator wondering why someone never reacted should see it.
 */
import type { RoundProgress } from '../../../bot/src/contract';
import { t, type Language } from '../../../bot/src/contract';

export type Recipient = RoundProgress['recipients'][number];

/** The service's reason on a sent delivery whose card Teams never confirmed (deliver-round.ts). */
export const UNCONFIRMED = 'unconfirmed';

/** Sent, as far as we know, without Teams saying it arrived. */
export function isUnconfirmed(r: Recipient): boolean {
  return r.delivery === 'sent' && r.reason === UNCONFIRMED && r.channel !== 'email';
}

export function reasonText(lang: Language, reason: string): string {
  return t(lang, `round.reason.${reason}` as 'round.reason.blocked');
}

/** The channel a sent delivery went by, in words; by e-mail, with why Teams could not take it. */
export function sentBy(lang: Language, r: Recipient): string {
  if (r.delivery !== 'sent') return '';
  if (isUnconfirmed(r)) return ` – ${t(lang, 'round.unconfirmed')}`;
  if (r.channel === 'email')
    return ` – ${t(lang, 'round.emailBecause', { reason: r.reason ? reasonText(lang, r.reason) : t(lang, 'round.channel.email') })}`;
  return ` – ${t(lang, 'round.sentAs', { channel: t(lang, `round.channel.${r.channel}`) })}`;
}
