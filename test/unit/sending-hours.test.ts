import { easterSunday } from '../../bot/src/domain/holidays';
import { isSendingTime, nextSendingTime } from '../../bot/src/domain/sending-hours';

describe('sending hours (working days 08–16 in Oslo)', () => {
  it.each([
    ['2026-11-24T09:00:00Z', true], // Tuesday 10:00 in Oslo (CET)
    ['2026-11-24T06:59:00Z', false], // Tuesday 07:59
    ['2026-11-24T15:00:00Z', false], // Tuesday 16:00
    ['2026-11-28T10:00:00Z', false], // Saturday
    ['2026-06-16T06:30:00Z', true], // Tuesday 08:30 in summer time (CEST)
    ['2026-06-16T05:30:00Z', false], // Tuesday 07:30 CEST, though 05:30 UTC
  ])('%s is sending time: %s', (instant, expected) => {
    expect(isSendingTime(new Date(instant))).toBe(expected);
  });

  it('holds a round started on Friday evening until Monday 08:00', () => {
    expect(nextSendingTime(new Date('2026-11-27T19:00:00Z')).toISOString()).toBe('2026-11-30T07:00:00.000Z');
  });

  it('sends at once within sending hours', () => {
    const now = new Date('2026-11-24T09:13:27Z');
    expect(nextSendingTime(now)).toBe(now);
  });

  it('opens at 08:00 Oslo time across the change to summer time', () => {
    // Saturday 28 March 2026, evening; clocks go forward on Sunday 29 March.
    expect(nextSendingTime(new Date('2026-03-28T20:00:00Z')).toISOString()).toBe('2026-03-30T06:00:00.000Z');
  });
});

describe('Norwegian public holidays', () => {
  it('knows Easter Sunday', () => {
    expect(['2026', '2027', '2028'].map((y) => easterSunday(Number(y)))).toEqual([
      '2026-04-05',
      '2027-03-28',
      '2028-04-16',
    ]);
  });

  it.each([
    ['2027-05-17T08:00:00Z', 'Constitution Day'],
    ['2026-05-14T08:00:00Z', 'Ascension Day 2026'],
    ['2026-04-02T08:00:00Z', 'Maundy Thursday 2026'],
    ['2026-12-25T09:00:00Z', 'Christmas Day'],
  ])('sends nothing on %s (%s)', (instant) => {
    expect(isSendingTime(new Date(instant))).toBe(false);
  });

  it('holds a round over Easter until the Tuesday after', () => {
    // Wednesday 1 April 2026, 17:00 in Oslo: Thursday to Monday are closed.
    expect(nextSendingTime(new Date('2026-04-01T15:00:00Z')).toISOString()).toBe('2026-04-07T06:00:00.000Z');
  });
});
