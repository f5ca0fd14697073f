import { currentPeriod, currentPlanPeriod, osloDate, periodContaining, planPeriods } from '../../bot/src/domain/period';

describe('reporting periods', () => {
  const yearlyJanuary = { kind: 'yearly', dueMonth: 1 } as const;

  it('collects "status pr. januar 2027" from February 2026 until the end of January 2027', () => {
    expect(periodContaining(yearlyJanuary, '2026-11-22')).toEqual({
      id: '2027-01',
      start: '2026-02-01',
      end: '2027-01-31',
    });
    expect(periodContaining(yearlyJanuary, '2027-01-31').id).toBe('2027-01');
    expect(periodContaining(yearlyJanuary, '2027-02-01').id).toBe('2028-01');
  });

  it('uses the date in Oslo, not UTC, at the turn of the period', () => {
    // 23:30 UTC on 31 January is 00:30 on 1 February in Oslo: the next period has begun.
    expect(osloDate(new Date('2027-01-31T23:30:00Z'))).toBe('2027-02-01');
    expect(currentPeriod(yearlyJanuary, new Date('2027-01-31T23:30:00Z')).id).toBe('2028-01');
    expect(currentPeriod(yearlyJanuary, new Date('2027-01-31T22:30:00Z')).id).toBe('2027-01');
    // Summer time: 22:30 UTC on 30 April is 00:30 on 1 May in Oslo.
    expect(currentPeriod({ kind: 'tertial' }, new Date('2026-04-30T22:30:00Z')).id).toBe('2026-T2');
  });

  it('splits the year in tertials ending 30.04, 31.08 and 31.12', () => {
    expect(periodContaining({ kind: 'tertial' }, '2026-04-30')).toEqual({
      id: '2026-T1',
      start: '2026-01-01',
      end: '2026-04-30',
    });
    expect(periodContaining({ kind: 'tertial' }, '2026-05-01').id).toBe('2026-T2');
    expect(periodContaining({ kind: 'tertial' }, '2026-12-31')).toEqual({
      id: '2026-T3',
      start: '2026-09-01',
      end: '2026-12-31',
    });
  });

  it('splits the year in quarters, with leap years handled', () => {
    expect(periodContaining({ kind: 'quarterly' }, '2028-02-29')).toEqual({
      id: '2028-Q1',
      start: '2028-01-01',
      end: '2028-03-31',
    });
    expect(periodContaining({ kind: 'quarterly' }, '2026-07-01').id).toBe('2026-Q3');
    expect(periodContaining({ kind: 'yearly', dueMonth: 2 }, '2028-02-29').end).toBe('2028-02-29');
  });

  describe('the periods of a plan', () => {
    const now = new Date('2026-11-22T12:00:00Z');

    it('a 2023–2027 plan with status pr. januar reports from January 2024 to January 2028', () => {
      const ids = planPeriods(yearlyJanuary, { fromYear: 2023, toYear: 2027 }, now).map((p) => p.id);
      expect(ids).toEqual(['2024-01', '2025-01', '2026-01', '2027-01', '2028-01']);
    });

    it('a quarterly 2017–2020 plan has its sixteen quarters', () => {
      const ids = planPeriods({ kind: 'quarterly' }, { fromYear: 2017, toYear: 2020 }, now).map((p) => p.id);
      expect(ids).toHaveLength(16);
      expect([ids[0], ids.at(-1)]).toEqual(['2017-Q1', '2020-Q4']);
    });

    it('an open-ended plan reaches the period running now', () => {
      const ids = planPeriods(yearlyJanuary, { fromYear: 2022 }, now).map((p) => p.id);
      expect(ids).toEqual(['2023-01', '2024-01', '2025-01', '2026-01', '2027-01']);
    });

    it('collects the running period, or the last one of a plan that has ended', () => {
      expect(currentPlanPeriod(yearlyJanuary, { fromYear: 2023, toYear: 2027 }, now).id).toBe('2027-01');
      expect(currentPlanPeriod(yearlyJanuary, { fromYear: 2021, toYear: 2024 }, now).id).toBe('2025-01');
      expect(currentPlanPeriod({ kind: 'tertial' }, { fromYear: 2030, toYear: 2033 }, now).id).toBe('2030-T1');
    });
  });
});
