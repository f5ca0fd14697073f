/**
 * Benefits (*gevinster*) of a measure and what was realised of them, as DFØ's method and KS'
 * Gevinstkokebok describe them: each benefit has a type, an owner in the line (*gevinstansvarlig*),
 * a baseline (*nullpunktsmåling*), what it is expected to give per year from its first year, in
 * kroner, hours or as a qualitative target; what was realised is reported per period, also after
 * the measure is done, and the latest report for a (measure, type, period, organisation) counts.
 *
 * Older plans wrote only `expectedNok` / `realisedNok`: they read as kroner per year, and a
 * realised amount without a period as realised in the benefit's first year (or the plan's first).
 */
import { DomainError } from './errors';

/**
 * The plan's own types (Stord: reduserte kostnader, frigjort kapasitet, auka kvalitet) and KS'
 * (unngåtte kostnader, spart tid, kvalitet).
 */
export const BENEFIT_TYPES = [
  'reduced-cost',
  'freed-capacity',
  'increased-quality',
  'avoided-cost',
  'saved-time',
  'quality',
] as const;
export type BenefitType = (typeof BENEFIT_TYPES)[number];

/** What a benefit is counted in: kroner, hours (kroner only at the plan's hourly rate), or words. */
export const BENEFIT_UNITS = ['NOK', 'hours', 'qualitative'] as const;
export type BenefitUnit = (typeof BENEFIT_UNITS)[number];

export interface Benefit {
  type: BenefitType;
  /** The benefit as the plan describes it. */
  text: string;
  /** The benefit owner in the line (gevinstansvarlig), as written. */
  owner?: string;
  /** Absent: 'NOK'. */
  unit?: BenefitUnit;
  /** The baseline measurement (nullpunktsmåling), as written: "1 400 timer per år (2019)". */
  baseline?: string;
  /** Expected per year from `firstYear`, in `unit` (NOK or hours). */
  expectedPerYear?: number;
  /** The target in words, for a qualitative benefit. */
  target?: string;
  /** The first year the benefit is expected. */
  firstYear?: number;
  /** Older plans: expected kroner per year. Read as expectedPerYear in NOK. */
  expectedNok?: number;
  /** Older plans: realised kroner, with no period. */
  realisedNok?: number;
}

/** One report of what a benefit gave in a period: history is kept, the latest per key counts. */
export interface RealisedBenefit {
  id: string;
  planId: string;
  measureId: string;
  benefitType: BenefitType;
  periodId: string;
  /** The calendar year the period belongs to (the year of its first day). */
  year: number;
  /** In a shared plan, the municipality it was realised in; absent: the plan as a whole. */
  organisationId?: string;
  /** In the benefit's unit (NOK or hours); absent for a qualitative benefit. */
  value?: number;
  comment?: string;
  reportedBy: { userId: string; name: string };
  /** ISO 8601 instant. */
  reportedAt: string;
}

export const MAX_BENEFIT_COMMENT = 2000;
/** A benefit larger than this per period is a typing error, not a municipality's budget. */
export const MAX_BENEFIT_VALUE = 1e10;

export function unitOf(benefit: Benefit): BenefitUnit {
  return benefit.unit ?? 'NOK';
}

/** Expected per year in the benefit's unit, reading older plans' expectedNok. */
export function expectedPerYearOf(benefit: Benefit): number | undefined {
  if (unitOf(benefit) === 'qualitative') return undefined;
  return benefit.expectedPerYear ?? (unitOf(benefit) === 'NOK' ? benefit.expectedNok : undefined);
}

/** The latest realised report per (measure, type, period, organisation), in the order stored. */
export function latestRealised(reports: readonly RealisedBenefit[]): RealisedBenefit[] {
  const latest = new Map<string, RealisedBenefit>();
  for (const r of reports) {
    const key = [r.measureId, r.benefitType, r.periodId, r.organisationId ?? ''].join('\u0000');
    const current = latest.get(key);
    if (!current || r.reportedAt >= current.reportedAt) latest.set(key, r);
  }
  return [...latest.values()];
}

/** What a person reports realised for one benefit: checked before anything is stored. */
export interface RealisedInput {
  benefitType: string;
  value?: number | string | null;
  comment?: string | null;
  organisationId?: string | null;
}

/**
 * Checks a realised value against the measure's benefits: a type the measure has, a number that is
 * a number (not negative, not absurd) for NOK and hours, a comment (and no number) for a
 * qualitative one. Refused: invalid-benefit.
 */
export function checkRealised(
  benefits: readonly Benefit[],
  input: RealisedInput,
  owners: readonly string[] = [],
): { benefitType: BenefitType; value?: number; comment?: string; organisationId?: string } {
  const benefit = benefits.find((b) => b.type === input.benefitType);
  if (!benefit) throw new DomainError('invalid-benefit', { type: String(input.benefitType) });
  const comment = typeof input.comment === 'string' ? input.comment.trim() : '';
  if (comment.length > MAX_BENEFIT_COMMENT) throw new DomainError('invalid-benefit', { type: benefit.type });
  const organisationId = input.organisationId ?? undefined;
  if (organisationId !== undefined && !owners.includes(organisationId))
    throw new DomainError('invalid-benefit', { type: benefit.type });
  const value = numberOf(input.value);
  if (value === null) throw new DomainError('invalid-benefit', { type: benefit.type });
  if (unitOf(benefit) === 'qualitative') {
    if (value !== undefined || !comment) throw new DomainError('invalid-benefit', { type: benefit.type });
  } else if (value === undefined || value < 0 || value > MAX_BENEFIT_VALUE) {
    throw new DomainError('invalid-benefit', { type: benefit.type });
  }
  return {
    benefitType: benefit.type,
    ...(value !== undefined ? { value } : {}),
    ...(comment ? { comment } : {}),
    ...(organisationId !== undefined ? { organisationId } : {}),
  };
}

/** A number as people type it ("12 500", "12500,5"); undefined when blank, null when not a number. */
export function numberOf(value: number | string | null | undefined): number | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const written = value.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!written) return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(written)) return null;
  return Number(written);
}
