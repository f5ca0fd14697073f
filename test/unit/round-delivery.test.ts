/**
 * The round panel's words for a delivery: a card Teams never confirmed is its own state, in each
 * language, not "sent"; an e-mail keeps Teams' reason for going by e-mail.
 */
import type { Language } from '../../bot/src/contract';
import { isUnconfirmed, sentBy, type Recipient } from '../../tab/src/components/round-delivery';
import { t } from '../../bot/src/i18n';

const recipient = (over: Partial<Recipient>): Recipient => ({
  userId: 'u1',
  name: 'Kari Nordmann',
  delivery: 'sent',
  channel: 'chat',
  answered: false,
  answer: 'none',
  measures: { answered: 0, total: 3 },
  ...over,
});

it.each<[Language, RegExp]>([
  ['nb', /ikke bekreftet av Teams/],
  ['nn', /ikkje stadfesta av Teams/],
  ['en', /not confirmed by Teams/],
])('tells an unconfirmed card apart from a sent one (%s)', (lang, words) => {
  const unconfirmed = recipient({ reason: 'unconfirmed' });
  expect(isUnconfirmed(unconfirmed)).toBe(true);
  expect(sentBy(lang, unconfirmed)).toMatch(words);
  expect(sentBy(lang, unconfirmed)).not.toContain(t(lang, 'round.sentAs', { channel: t(lang, 'round.channel.chat') }));
  // A plainly sent card says how it went, and nothing of doubt.
  expect(sentBy(lang, recipient({}))).toBe(` – ${t(lang, 'round.sentAs', { channel: t(lang, 'round.channel.chat') })}`);
  expect(isUnconfirmed(recipient({}))).toBe(false);
  // The explanation is there in the same language, and says it is not sent again.
  expect(t(lang, 'round.unconfirmedExplained')).toMatch(/Teams/);
  expect(t(lang, 'round.unconfirmedTitle', { count: 2 })).toMatch(/\(2\)/);
});

it('keeps an e-mail delivery with the reason Teams could not take it, never as unconfirmed', () => {
  const email = recipient({ channel: 'email', reason: 'blocked' });
  expect(isUnconfirmed(email)).toBe(false);
  expect(sentBy('nb', email)).toBe(' – sendt som e-post: har blokkert appen');
  expect(isUnconfirmed(recipient({ delivery: 'unreachable', reason: 'unconfirmed' }))).toBe(false);
});
