/**
 * Keeping a measure up: every field is checked in the domain (numbers, dates, the plan's owners, one
 * benefit per type), a closed measure is asked for in no round, and the overview shows it as closed
 * (avsluttet), never as missing an answer.
 */
import { overviewOf } from '../../bot/src/app/get-overview';
import { goalTableOf } from '../../bot/src/app/get-goal-table';
import { DomainError } from '../../bot/src/domain/errors';
import { applyMeasureEdit, isCalendarDate, sectorsOf } from '../../bot/src/domain/measure-edit';
import { isOverdue } from '../../bot/src/domain/overdue';
import { planPeriods } from '../../bot/src/domain/period';
import { findMeasure, replaceMeasure, type Measure, type Plan } from '../../bot/src/domain/plan';
import { measuresOwnedBy, reachOf, type Person } from '../../bot/src/domain/responsibility';
import { hoylandet } from '../support/demo';

const TODAY = '2026-12-02';
const plan = hoylandet();
const measure = findMeasure(plan, '1.1.1') as Measure;
const shared: Plan = {
  ...plan,
  owners: [
    { id: 'ardal', name: 'Årdal kommune' },
    { id: 'laerdal', name: 'Lærdal kommune' },
  ],
};
const edit = (fields: Parameters<typeof applyMeasureEdit>[2], on: Plan = plan) =>
  applyMeasureEdit(on, measure, fields, TODAY);
const refusal = (fields: Parameters<typeof applyMeasureEdit>[2], on: Plan = plan) => {
  try {
    edit(fields, on);
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, field: e.params.field };
    throw e;
  }
  throw new Error('the edit was not refused');
};

describe('editing every field of a measure', () => {
  it('sets a numeric indicator with unit, baseline, target, direction and target date', () => {
    const { measure: edited, changed } = edit({
      indicator: {
        kind: 'numeric',
        text: 'Nedlastinger',
        unit: 'stk',
        baseline: 0,
        target: 30000,
        direction: 'higher',
        targetDate: '2024-12-31',
      },
    });
    expect(edited.indicator).toEqual({
      kind: 'numeric',
      text: 'Nedlastinger',
      unit: 'stk',
      baseline: 0,
      target: 30000,
      direction: 'higher',
      targetDate: '2024-12-31',
    });
    expect(changed).toEqual(['indicator']);
  });

  it('reads a deadline as an import does, and clears it with null', () => {
    expect(edit({ deadline: '31.12.2025' }).measure.deadline).toEqual({
      kind: 'date',
      date: '2025-12-31',
      text: '31.12.2025',
    });
    expect(edit({ deadline: '2025–2026' }).measure.deadline).toMatchObject({ kind: 'years', fromYear: 2025 });
    expect(edit({ deadline: null }).measure).not.toHaveProperty('deadline');
  });

  it('sets priority, sector, benefits, quick win and notes, and clears them', () => {
    const { measure: edited, changed } = edit({
      priority: 2,
      sector: 'Oppvekst',
      benefits: [
        { type: 'increased-quality', text: 'Bedre tjenester' },
        { type: 'reduced-cost', text: 'Mindre papir', expectedNok: 50000 },
      ],
      quickWin: true,
      notes: 'Diana og Birthe fyller ut',
    });
    expect(edited).toMatchObject({
      priority: 2,
      sector: 'Oppvekst',
      quickWin: true,
      notes: 'Diana og Birthe fyller ut',
    });
    // In the order of the benefit types, whatever order they came in.
    expect(edited.benefits?.map((b) => b.type)).toEqual(['reduced-cost', 'increased-quality']);
    expect(changed).toEqual(['priority', 'sector', 'benefits', 'quickWin', 'notes']);
    const cleared = applyMeasureEdit(
      plan,
      edited,
      { priority: null, sector: null, benefits: [], quickWin: false, notes: null },
      TODAY,
    ).measure;
    for (const field of ['priority', 'sector', 'benefits', 'quickWin', 'notes'])
      expect(cleared).not.toHaveProperty(field);
  });

  it('takes an existing sector’s spelling for the same sector written otherwise, and a new one as written', () => {
    const withSector = replaceMeasure(plan, { ...(findMeasure(plan, '1.2.1') as Measure), sector: 'Helse og omsorg' });
    expect(sectorsOf(withSector)).toEqual(['Helse og omsorg']);
    expect(edit({ sector: ' helse OG omsorg ' }, withSector).measure.sector).toBe('Helse og omsorg');
    expect(edit({ sector: 'Teknisk' }, withSector).measure.sector).toBe('Teknisk');
  });

  it('applies a measure to some of a shared plan’s owners, and to all as absent', () => {
    expect(edit({ appliesTo: ['laerdal'] }, shared).measure.appliesTo).toEqual(['laerdal']);
    expect(edit({ appliesTo: ['laerdal', 'ardal'] }, shared).measure).not.toHaveProperty('appliesTo');
  });

  it.each([
    [{ appliesTo: ['sandefjord'] }, 'appliesTo'],
    [{ appliesTo: [] }, 'appliesTo'],
    [{ indicator: { kind: 'numeric' as const, text: '', target: Number.NaN } }, 'target'],
    [{ indicator: { kind: 'numeric' as const, text: '', baseline: Infinity } }, 'baseline'],
    [{ indicator: { kind: 'numeric' as const, text: '', targetDate: '2025-02-30' } }, 'targetDate'],
    [{ deadline: '31.02.2025' }, 'deadline'],
    [{ priority: 0 }, 'priority'],
    [{ priority: 1.5 }, 'priority'],
    [
      {
        benefits: [
          { type: 'reduced-cost' as const, text: 'a' },
          { type: 'reduced-cost' as const, text: 'b' },
        ],
      },
      'benefits',
    ],
    [{ benefits: [{ type: 'reduced-cost' as const, text: 'a', expectedNok: -1 }] }, 'benefits'],
  ])('refuses %j (field %s) and saves nothing', (fields, field) => {
    expect(refusal(fields, shared)).toEqual({ code: 'invalid-field', field });
  });

  it('refuses an empty text and a too long one, naming the limit', () => {
    expect(refusal({ text: '  ' })).toEqual({ code: 'invalid-edit', field: 'text' });
    expect(refusal({ notes: 'x'.repeat(4001) })).toEqual({ code: 'invalid-edit', field: 'notes' });
    expect(refusal({ closed: { reason: '' } })).toEqual({ code: 'invalid-edit', field: 'reason' });
  });

  it('knows a calendar day', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('29.02.2024')).toBe(false);
  });
});

describe('a closed measure', () => {
  const closed = edit({ closed: { reason: 'Erstattet av 1.2.1' } }).measure;
  const planWithClosed = replaceMeasure(plan, closed);
  const fagleder: Person = {
    userId: 'alex',
    name: 'Alex',
    roles: [...measure.responsibleRoles],
    coordinatorOf: [],
    municipalities: ['hoylandet'],
  };

  it('is dated today with its reason, and reopened with null', () => {
    expect(closed.closed).toEqual({ reason: 'Erstattet av 1.2.1', on: TODAY });
    expect(applyMeasureEdit(plan, closed, { closed: null }, TODAY).measure).not.toHaveProperty('closed');
  });

  it('is asked for in no round, and no one missing for it is something to act on', () => {
    expect(measuresOwnedBy(fagleder, plan).map((m) => m.id)).toContain('1.1.1');
    expect(measuresOwnedBy(fagleder, planWithClosed).map((m) => m.id)).not.toContain('1.1.1');
    expect(reachOf(planWithClosed, []).unreached.map((m) => m.id)).not.toContain('1.1.1');
  });

  it('is never overdue', () => {
    const late = { ...closed, deadline: { kind: 'year' as const, year: 2020, text: '2020' } };
    expect(isOverdue(late, undefined, TODAY)).toBe(false);
  });

  it('shows as closed in the overview and the goal table, not as unreported or without anyone responsible', () => {
    const now = new Date(`${TODAY}T10:00:00Z`);
    const periods = planPeriods(plan.cadence, plan.period, now);
    const period = periods.at(-1)!;
    const overview = overviewOf(planWithClosed, period, undefined, periods, [], [fagleder], now);
    const row = overview.goals.flatMap((g) => g.measures).find((m) => m.id === '1.1.1');
    expect(row?.status).toBe('closed');
    expect(row).not.toHaveProperty('noOneResponsible');
    expect(overview.totals.closed).toBe(1);
    expect(overview.notAnswered.flatMap((p) => p.numbers)).not.toContain('1.1.1');
    expect(overview.noOneResponsible.map((m) => m.id)).not.toContain('1.1.1');

    const table = goalTableOf(planWithClosed, period, periods, new Map(), { people: [], now });
    expect(table.counts.closed).toBe(1);
    const tableRow = table.goals[0]?.children[0]?.measures.find((m) => m.id === '1.1.1');
    expect(tableRow?.closed?.reason).toBe('Erstattet av 1.2.1');
    expect(tableRow).not.toHaveProperty('noOneResponsible');
  });
});
