/** "Forfalt": past the deadline's last day and neither done nor cancelled. */
import { isOverdue, judgedOn, lastDayOf } from '../../bot/src/domain/overdue';
import type { Deadline, Measure } from '../../bot/src/domain/plan';

const withDeadline = (deadline: Deadline): Measure => ({
  id: '1',
  number: '1',
  text: 'Tiltak',
  responsibleText: '',
  responsibleRoles: [],
  indicator: { kind: 'deliverable', text: '' },
  deadline,
});

describe('overdue measures', () => {
  it('reads each kind of deadline as the last day it allows', () => {
    expect(lastDayOf({ kind: 'date', date: '2024-06-30', text: '30.06.2024' })).toBe('2024-06-30');
    expect(lastDayOf({ kind: 'month', month: '2024-02', text: 'februar 2024' })).toBe('2024-02-29');
    expect(lastDayOf({ kind: 'year', year: 2025, text: '2025' })).toBe('2025-12-31');
    expect(lastDayOf({ kind: 'years', fromYear: 2018, toYear: 2019, text: '2018–2019' })).toBe('2019-12-31');
    expect(lastDayOf({ kind: 'category', label: 'Kortsiktig', toYear: 2019, text: 'K' })).toBe('2019-12-31');
    expect(lastDayOf({ kind: 'category', label: 'Løpende', text: 'L' })).toBeUndefined();
    expect(lastDayOf({ kind: 'text', text: 'snarest' })).toBeUndefined();
  });

  it('is overdue after the last day unless done or cancelled, reported or not', () => {
    const m = withDeadline({ kind: 'year', year: 2025, text: '2025' });
    expect(isOverdue(m, undefined, '2025-12-31')).toBe(false);
    expect(isOverdue(m, undefined, '2026-01-01')).toBe(true);
    expect(isOverdue(m, 'on_track', '2026-01-01')).toBe(true);
    expect(isOverdue(m, 'done', '2026-01-01')).toBe(false);
    expect(isOverdue(m, 'cancelled', '2026-01-01')).toBe(false);
    expect(isOverdue({ ...m, deadline: undefined }, undefined, '2030-01-01')).toBe(false);
  });

  it('judges a period that is over on its last day, the current one today', () => {
    expect(judgedOn('2025-01-31', new Date('2026-03-01T12:00:00Z'))).toBe('2025-01-31');
    expect(judgedOn('2026-12-31', new Date('2026-03-01T12:00:00Z'))).toBe('2026-03-01');
  });
});
