/**
 * Expected against realised benefits, per type and year, for a plan or one measure, and the return
 * held against the investment (DDØ's target: at least 1:3). Kroner and hours are summed apart and
 * never mixed: hours count towards the return only at the plan's hourly rate. Pure: the numbers
 * the overview, the report and the export show all come from here.
 */
import {
  BENEFIT_TYPES,
  expectedPerYearOf,
  latestRealised,
  unitOf,
  type BenefitType,
  type RealisedBenefit,
} from './benefit';
import { allMeasures, type Measure, type Plan } from './plan';

/** DDØ's "minst 1:3": the return a plan aims at when it names none. */
export const DEFAULT_RETURN_TARGET = 3;

export interface BenefitYear {
  year: number;
  expected: number;
  realised: number;
}

/** One benefit type in one unit: what was expected and realised each year. */
export interface BenefitTypeSum {
  type: BenefitType;
  unit: 'NOK' | 'hours';
  years: BenefitYear[];
  expected: number;
  realised: number;
}

/** A qualitative benefit: its target and the latest words reported about it. */
export interface QualitativeBenefit {
  measureId: string;
  type: BenefitType;
  text: string;
  target?: string;
  latest?: { periodId: string; comment: string };
}

export interface BenefitSummary {
  /** The years shown, first to last. */
  years: number[];
  rows: BenefitTypeSum[];
  qualitative: QualitativeBenefit[];
  investmentNok: number;
  /** Expected over the years shown, in kroner (hours at the hourly rate when the plan gives one). */
  expectedNok: number;
  /** Realised so far, in kroner (likewise). */
  realisedNok: number;
  /** Realised hours that have no rate to become kroner (shown apart, not in the return). */
  unpricedHours: number;
  /** realisedNok per krone invested: the x in 1:x; absent without an investment. */
  realisedReturn?: number;
  expectedReturn?: number;
  returnTarget: number;
  /** Whether the realised return reaches the target; absent without an investment. */
  meetsTarget?: boolean;
}

export interface SumOptions {
  /** The last year to count expected benefits for when the plan has no end: the current year. */
  throughYear: number;
}

/** The plan's benefits, all its measures together. */
export function planBenefitSummary(
  plan: Plan,
  realised: readonly RealisedBenefit[],
  options: SumOptions,
): BenefitSummary {
  return sumBenefits(plan, allMeasures(plan), realised, options);
}

/** One measure's benefits. */
export function measureBenefitSummary(
  plan: Plan,
  measure: Measure,
  realised: readonly RealisedBenefit[],
  options: SumOptions,
): BenefitSummary {
  return sumBenefits(plan, [measure], realised, options);
}

function sumBenefits(
  plan: Plan,
  measures: readonly Measure[],
  realised: readonly RealisedBenefit[],
  { throughYear }: SumOptions,
): BenefitSummary {
  const ids = new Set(measures.map((m) => m.id));
  const reports = latestRealised(realised.filter((r) => r.planId === plan.id && ids.has(r.measureId)));
  const withBenefits = measures.filter((m) => m.benefits?.length);
  const firstYears = withBenefits.flatMap((m) => (m.benefits ?? []).map((b) => b.firstYear ?? plan.period.fromYear));
  const reportYears = reports.map((r) => r.year);
  const first = Math.min(plan.period.fromYear, ...firstYears, ...reportYears);
  const last = Math.max(plan.period.toYear ?? throughYear, ...reportYears);
  const years = withBenefits.length ? range(first, last) : [];

  const rows = new Map<string, BenefitTypeSum>();
  const row = (type: BenefitType, unit: 'NOK' | 'hours'): BenefitTypeSum => {
    const key = `${type}/${unit}`;
    let found = rows.get(key);
    if (!found) {
      found = {
        type,
        unit,
        years: years.map((year) => ({ year, expected: 0, realised: 0 })),
        expected: 0,
        realised: 0,
      };
      rows.set(key, found);
    }
    return found;
  };
  const qualitative: QualitativeBenefit[] = [];

  for (const measure of withBenefits) {
    for (const benefit of measure.benefits ?? []) {
      const unit = unitOf(benefit);
      const own = reports.filter((r) => r.measureId === measure.id && r.benefitType === benefit.type);
      if (unit === 'qualitative') {
        const latest = own
          .filter((r) => r.comment)
          .sort((a, b) => a.reportedAt.localeCompare(b.reportedAt))
          .at(-1);
        qualitative.push({
          measureId: measure.id,
          type: benefit.type,
          text: benefit.text,
          ...(benefit.target ? { target: benefit.target } : {}),
          ...(latest?.comment ? { latest: { periodId: latest.periodId, comment: latest.comment } } : {}),
        });
        continue;
      }
      const sum = row(benefit.type, unit);
      const perYear = expectedPerYearOf(benefit) ?? 0;
      const from = benefit.firstYear ?? plan.period.fromYear;
      for (const y of sum.years) if (y.year >= from) y.expected += perYear;
      for (const r of own) {
        const y = sum.years.find((entry) => entry.year === r.year);
        if (y) y.realised += r.value ?? 0;
      }
      // An older plan's realised amount has no period: it counts in the benefit's first year,
      // unless realised values have been reported for it since.
      if (!own.length && unit === 'NOK' && benefit.realisedNok !== undefined) {
        const y = sum.years.find((entry) => entry.year === from);
        if (y) y.realised += benefit.realisedNok;
      }
    }
  }
  const sums = [...rows.values()].map((r) => ({
    ...r,
    expected: total(r.years.map((y) => y.expected)),
    realised: total(r.years.map((y) => y.realised)),
  }));

  const rate = plan.hourlyRateNok;
  const inNok = (r: BenefitTypeSum, amount: number): number =>
    r.unit === 'NOK' ? amount : rate !== undefined ? amount * rate : 0;
  const expectedNok = total(sums.map((r) => inNok(r, r.expected)));
  const realisedNok = total(sums.map((r) => inNok(r, r.realised)));
  const unpricedHours = rate === undefined ? total(sums.filter((r) => r.unit === 'hours').map((r) => r.realised)) : 0;
  const investmentNok = total(measures.map((m) => m.investmentNok ?? 0));
  const returnTarget = plan.returnTarget ?? DEFAULT_RETURN_TARGET;
  const returns =
    investmentNok > 0
      ? {
          realisedReturn: realisedNok / investmentNok,
          expectedReturn: expectedNok / investmentNok,
          meetsTarget: realisedNok / investmentNok >= returnTarget,
        }
      : {};
  return {
    years,
    rows: sums.sort((a, b) => typeOrder(a) - typeOrder(b)),
    qualitative,
    investmentNok,
    expectedNok,
    realisedNok,
    unpricedHours,
    returnTarget,
    ...returns,
  };
}

function typeOrder(r: BenefitTypeSum): number {
  return BENEFIT_TYPES.indexOf(r.type) * 2 + (r.unit === 'hours' ? 1 : 0);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** Sums kroner to the øre, so 0.1 + 0.2 shows as 0.3. */
function total(values: readonly number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;
}
