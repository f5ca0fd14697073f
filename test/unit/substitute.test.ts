import type { Person } from '../../bot/src/domain/responsibility';
import type { Measure, Plan } from '../../bot/src/domain/plan';
import {
  absentOwnerOf,
  activeSubstituteFor,
  isActive,
  isValidDateRange,
  type Substitution,
} from '../../bot/src/domain/substitute';

const person = (userId: string, roles: string[] = []): Person => ({ userId, name: userId, roles, coordinatorOf: [] });
const substitution = (id: string, absentId: string, substituteId: string, from: string, to: string): Substitution => ({
  id,
  planId: 'plan',
  absent: { userId: absentId, name: absentId },
  substitute: { userId: substituteId, name: substituteId },
  from,
  to,
  setBy: { userId: 'coordinator', name: 'Koordinator' },
  setAt: '2026-11-01T10:00:00Z',
});
const measure = { id: 'm1', number: '1.1.1', responsibleRoles: ['Rektor'] } as unknown as Measure;
const plan = { id: 'plan', owners: [{ id: 'kommune', name: 'Kommune' }] } as unknown as Plan;

describe('substitutes', () => {
  it('counts whole days in Oslo, both ends included', () => {
    const s = substitution('s', 'kari', 'ola', '2026-12-01', '2026-12-03');
    expect(isActive(s, new Date('2026-11-30T22:59:00Z'))).toBe(false); // 23:59 on 30 Nov in Oslo
    expect(isActive(s, new Date('2026-11-30T23:00:00Z'))).toBe(true); // 00:00 on 1 Dec in Oslo
    expect(isActive(s, new Date('2026-12-03T22:59:00Z'))).toBe(true);
    expect(isActive(s, new Date('2026-12-03T23:00:00Z'))).toBe(false);
  });

  it('lets the substitution set last win where two overlap', () => {
    const first = substitution('a', 'kari', 'ola', '2026-12-01', '2026-12-31');
    const second = substitution('b', 'kari', 'per', '2026-12-10', '2026-12-12');
    const all = [first, second];
    expect(activeSubstituteFor(all, 'kari', new Date('2026-12-05T10:00:00Z'))).toBe(first);
    expect(activeSubstituteFor(all, 'kari', new Date('2026-12-11T10:00:00Z'))).toBe(second);
    expect(activeSubstituteFor(all, 'someone-else', new Date('2026-12-11T10:00:00Z'))).toBeUndefined();
  });

  it('lets a substitute answer only for a measure of the person away, only while in charge', () => {
    const people = new Map([
      ['kari', person('kari', ['Rektor'])],
      ['nils', person('nils', ['Teknisk sjef'])],
    ]);
    const all = [
      substitution('a', 'kari', 'ola', '2026-12-01', '2026-12-31'),
      substitution('b', 'kari', 'per', '2026-12-10', '2026-12-12'),
      substitution('c', 'nils', 'ola', '2026-12-01', '2026-12-31'),
    ];
    expect(absentOwnerOf(all, 'ola', plan, measure, people, new Date('2026-12-05T10:00:00Z'))?.userId).toBe('kari');
    // Per has taken over for these days; Ola still covers Nils, who is not responsible for it.
    expect(absentOwnerOf(all, 'ola', plan, measure, people, new Date('2026-12-11T10:00:00Z'))).toBeUndefined();
    expect(absentOwnerOf(all, 'per', plan, measure, people, new Date('2026-12-11T10:00:00Z'))?.userId).toBe('kari');
    expect(absentOwnerOf(all, 'ola', plan, measure, people, new Date('2027-01-01T10:00:00Z'))).toBeUndefined();
  });

  it('takes only real date ranges', () => {
    expect(isValidDateRange('2026-12-01', '2026-12-01')).toBe(true);
    expect(isValidDateRange('2026-12-02', '2026-12-01')).toBe(false);
    expect(isValidDateRange('2026-13-01', '2026-13-02')).toBe(false);
    expect(isValidDateRange('1. desember', '2026-12-01')).toBe(false);
  });
});
