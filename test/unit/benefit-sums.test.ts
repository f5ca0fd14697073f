/**
 * Benefit realisation in numbers: expected against realised per type and year, the latest report
 * per period counting, hours kept apart from kroner unless the plan gives an hourly rate, older
 * plans' expectedNok / realisedNok read on, and the return held against the plan's target (1:3).
 */
import { checkRealised, type RealisedBenefit } from '../../bot/src/domain/benefit';
import { measureBenefitSummary, planBenefitSummary } from '../../bot/src/domain/benefit-sums';
import { DomainError } from '../../bot/src/domain/errors';
import { findMeasure, newMeasure, type Measure, type Plan } from '../../bot/src/domain/plan';

const measure = (number: string, fields: Partial<Measure>): Measure =>
  newMeasure({
    number,
    text: `Tiltak ${number}`,
    responsibleText: 'Rådmann',
    indicator: { kind: 'deliverable', text: '' },
    ...fields,
  });

const plan: Plan = {
  id: 'ddo',
  title: 'DDØ',
  owners: [
    { id: 'risor', name: 'Risør' },
    { id: 'amli', name: 'Åmli' },
  ],
  language: 'nb',
  period: { fromYear: 2018, toYear: 2020 },
  cadence: { kind: 'tertial' },
  levels: ['Satsingsområde', 'Tiltak'],
  goals: [
    {
      id: 'g1',
      level: 0,
      number: '1',
      text: 'Felles',
      children: [],
      measures: [
        measure('1.1', {
          investmentNok: 100_000,
          benefits: [
            { type: 'reduced-cost', text: 'Færre lisenser', unit: 'NOK', expectedPerYear: 50_000, firstYear: 2019 },
            { type: 'saved-time', text: 'Mindre manuelt arbeid', unit: 'hours', expectedPerYear: 200, firstYear: 2018 },
            { type: 'quality', text: 'Færre feil', unit: 'qualitative', target: 'Halvparten så mange avvik' },
          ],
        }),
        // An older plan's measure: expectedNok and realisedNok without periods.
        measure('1.2', {
          investmentNok: 50_000,
          benefits: [{ type: 'reduced-cost', text: 'Papirløst', expectedNok: 10_000, realisedNok: 7_000 }],
        }),
        measure('1.3', {}),
      ],
    },
  ],
};

let n = 0;
const realised = (
  fields: Partial<RealisedBenefit> & Pick<RealisedBenefit, 'measureId' | 'benefitType' | 'periodId' | 'year'>,
): RealisedBenefit => ({
  id: `r${++n}`,
  planId: 'ddo',
  reportedBy: { userId: 'u1', name: 'Kari' },
  reportedAt: `2020-01-01T00:00:${String(n).padStart(2, '0')}Z`,
  ...fields,
});

const reports = [
  realised({ measureId: '1.1', benefitType: 'reduced-cost', periodId: '2019-T3', year: 2019, value: 20_000 }),
  // Corrected later for the same period: the latest wins.
  realised({ measureId: '1.1', benefitType: 'reduced-cost', periodId: '2019-T3', year: 2019, value: 30_000 }),
  realised({ measureId: '1.1', benefitType: 'reduced-cost', periodId: '2020-T1', year: 2020, value: 45_000 }),
  realised({ measureId: '1.1', benefitType: 'saved-time', periodId: '2020-T1', year: 2020, value: 150 }),
  realised({ measureId: '1.1', benefitType: 'quality', periodId: '2020-T1', year: 2020, comment: 'Avvik ned 30 %' }),
  // Another plan's report never counts.
  realised({
    planId: 'other',
    measureId: '1.1',
    benefitType: 'reduced-cost',
    periodId: '2020-T1',
    year: 2020,
    value: 1e6,
  }),
];

describe('benefit sums', () => {
  it('sums expected against realised per type and year, kroner and hours apart', () => {
    const s = planBenefitSummary(plan, reports, { throughYear: 2026 });
    expect(s.years).toEqual([2018, 2019, 2020]);
    expect(s.rows.map((r) => [r.type, r.unit, r.years])).toEqual([
      [
        'reduced-cost',
        'NOK',
        [
          // 1.2 reads as 10 000 a year from the plan's first year, its 7 000 realised there.
          { year: 2018, expected: 10_000, realised: 7_000 },
          { year: 2019, expected: 60_000, realised: 30_000 },
          { year: 2020, expected: 60_000, realised: 45_000 },
        ],
      ],
      [
        'saved-time',
        'hours',
        [
          { year: 2018, expected: 200, realised: 0 },
          { year: 2019, expected: 200, realised: 0 },
          { year: 2020, expected: 200, realised: 150 },
        ],
      ],
    ]);
    expect(s.rows[0]).toMatchObject({ expected: 130_000, realised: 82_000 });
    expect(s.qualitative).toEqual([
      {
        measureId: '1.1',
        type: 'quality',
        text: 'Færre feil',
        target: 'Halvparten så mange avvik',
        latest: { periodId: '2020-T1', comment: 'Avvik ned 30 %' },
      },
    ]);
  });

  it('holds realised kroner against the investment and the target 1:3; hours without a rate stay out', () => {
    const s = planBenefitSummary(plan, reports, { throughYear: 2026 });
    expect(s.investmentNok).toBe(150_000);
    expect(s.realisedNok).toBe(82_000);
    expect(s.expectedNok).toBe(130_000);
    expect(s.unpricedHours).toBe(150);
    expect(s.realisedReturn).toBeCloseTo(82_000 / 150_000, 10);
    expect(s.returnTarget).toBe(3);
    expect(s.meetsTarget).toBe(false);
  });

  it('counts hours as kroner at the plan’s hourly rate, against its own target', () => {
    const s = planBenefitSummary({ ...plan, hourlyRateNok: 500, returnTarget: 1.2 }, reports, { throughYear: 2026 });
    // 82 000 kr + 150 h × 500 kr.
    expect(s.realisedNok).toBe(157_000);
    expect(s.expectedNok).toBe(130_000 + 600 * 500);
    expect(s.unpricedHours).toBe(0);
    expect(s.realisedReturn).toBeCloseTo(157_000 / 150_000, 10);
    expect(s.meetsTarget).toBe(false);
    expect(
      planBenefitSummary({ ...plan, hourlyRateNok: 500, returnTarget: 1 }, reports, { throughYear: 2026 }).meetsTarget,
    ).toBe(true);
  });

  it('sums one measure, continuing after the plan’s years when values come in later', () => {
    const m = findMeasure(plan, '1.1') as Measure;
    const later = [
      ...reports,
      realised({ measureId: '1.1', benefitType: 'reduced-cost', periodId: '2022-T2', year: 2022, value: 55_000 }),
    ];
    const s = measureBenefitSummary(plan, m, later, { throughYear: 2026 });
    expect(s.years).toEqual([2018, 2019, 2020, 2021, 2022]);
    expect(s.rows[0]?.years.at(-1)).toEqual({ year: 2022, expected: 50_000, realised: 55_000 });
    expect(s.realisedNok).toBe(130_000);
    expect(s.investmentNok).toBe(100_000);
    expect(s.realisedReturn).toBe(1.3);
  });

  it('has no return without an investment, and nothing to show without benefits', () => {
    const s = measureBenefitSummary(plan, findMeasure(plan, '1.3') as Measure, reports, { throughYear: 2026 });
    expect(s).toMatchObject({ years: [], rows: [], investmentNok: 0, realisedNok: 0 });
    expect(s.realisedReturn).toBeUndefined();
    expect(s.meetsTarget).toBeUndefined();
  });
});

describe('checking a realised value', () => {
  const benefits = (findMeasure(plan, '1.1') as Measure).benefits ?? [];
  const refused = (input: Parameters<typeof checkRealised>[1]) => {
    try {
      checkRealised(benefits, input, ['risor', 'amli']);
    } catch (e) {
      return e instanceof DomainError ? e.code : 'other';
    }
    return 'accepted';
  };

  it('reads numbers as people type them', () => {
    expect(checkRealised(benefits, { benefitType: 'reduced-cost', value: '12 500,5' })).toEqual({
      benefitType: 'reduced-cost',
      value: 12500.5,
    });
    expect(
      checkRealised(benefits, { benefitType: 'quality', comment: ' Bedre ', organisationId: 'amli' }, ['amli']),
    ).toEqual({
      benefitType: 'quality',
      comment: 'Bedre',
      organisationId: 'amli',
    });
  });

  it.each([
    [{ benefitType: 'avoided-cost', value: 1 }],
    [{ benefitType: 'reduced-cost', value: -1 }],
    [{ benefitType: 'reduced-cost', value: 'mye' }],
    [{ benefitType: 'reduced-cost' }],
    [{ benefitType: 'reduced-cost', value: 1e11 }],
    [{ benefitType: 'quality', value: 3, comment: 'x' }],
    [{ benefitType: 'quality' }],
    [{ benefitType: 'saved-time', value: 3, organisationId: 'oslo' }],
    [{ benefitType: 'saved-time', value: 3, comment: 'x'.repeat(2001) }],
  ])('refuses case %# as invalid-benefit', (input) => {
    expect(refused(input)).toBe('invalid-benefit');
  });
});
