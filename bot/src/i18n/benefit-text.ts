/**
 * Benefit realisation in words, the same in the tab's overview and the council's report: amounts
 * with their unit, and the plain-language sentence on the return against the plan's target.
 */
import type { BenefitSummary } from '../domain/benefit-sums';
import { t, type Language } from './format';

const WHOLE = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
const RATIO = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 });

/** "150 000 kr", "1 200 timer": kroner and hours never share a column without their unit. */
export function benefitAmount(lang: Language, amount: number, unit: 'NOK' | 'hours'): string {
  return unit === 'NOK' ? `${WHOLE.format(amount)} kr` : `${WHOLE.format(amount)} ${t(lang, 'benefit.unit.hours')}`;
}

/** The return against the target, or why it cannot be worked out; the unpriced hours besides. */
export function benefitReturnSentences(lang: Language, s: BenefitSummary): string[] {
  const realised = benefitAmount(lang, s.realisedNok, 'NOK');
  const target = RATIO.format(s.returnTarget);
  const main =
    s.realisedReturn !== undefined
      ? t(lang, 'benefits.return', {
          realised,
          investment: benefitAmount(lang, s.investmentNok, 'NOK'),
          ratio: RATIO.format(s.realisedReturn),
          target,
          met: s.meetsTarget ? 'yes' : 'no',
        })
      : t(lang, 'benefits.noInvestment', { realised, target });
  return s.unpricedHours > 0
    ? [main, t(lang, 'benefits.unpricedHours', { hours: WHOLE.format(s.unpricedHours) })]
    : [main];
}
