/**
 * The report's Gevinstrealisering chapter as lines, the same in the PDF, the Word file and the
 * Excel export: the return against the target in a sentence, then per benefit type and unit what
 * was expected and realised each year, then the qualitative benefits with their latest words.
 */
import type { BenefitSummary } from '../../domain/benefit-sums';
import { benefitAmount, benefitReturnSentences } from '../../i18n/benefit-text';
import { periodLabel, t, type Language } from '../../i18n';

export function benefitLines(
  lang: Language,
  summary: BenefitSummary | undefined,
): { heading: string; lines: string[] } {
  const heading = t(lang, 'benefits.heading');
  if (!summary || (summary.rows.length === 0 && summary.qualitative.length === 0))
    return { heading, lines: [t(lang, 'benefits.none')] };
  const expected = t(lang, 'benefits.expected').toLocaleLowerCase(lang === 'en' ? 'en' : 'nb');
  const realised = t(lang, 'benefits.realised').toLocaleLowerCase(lang === 'en' ? 'en' : 'nb');
  const rows = summary.rows.map((r) => {
    const years = r.years
      .map(
        (y) =>
          `${y.year}: ${expected} ${benefitAmount(lang, y.expected, r.unit)}, ${realised} ${benefitAmount(lang, y.realised, r.unit)}`,
      )
      .join('; ');
    const total = `${t(lang, 'benefits.total')}: ${expected} ${benefitAmount(lang, r.expected, r.unit)}, ${realised} ${benefitAmount(lang, r.realised, r.unit)}`;
    return `${t(lang, `benefit.${r.type}`)} (${t(lang, `benefit.unit.${r.unit}`)}) – ${years}. ${total}.`;
  });
  const qualitative = summary.qualitative.map(
    (q) =>
      `${q.measureId} ${t(lang, `benefit.${q.type}`)}: ${q.text}${q.target ? ` (${q.target})` : ''} – ` +
      (q.latest
        ? t(lang, 'benefits.qualitativeLatest', {
            period: periodLabel(lang, q.latest.periodId),
            comment: q.latest.comment,
          })
        : t(lang, 'benefits.qualitativeNone')),
  );
  return {
    heading,
    lines: [
      ...benefitReturnSentences(lang, summary),
      ...(summary.investmentNok > 0
        ? [t(lang, 'benefits.investment', { amount: benefitAmount(lang, summary.investmentNok, 'NOK') })]
        : []),
      ...rows,
      ...(qualitative.length ? [`${t(lang, 'benefits.qualitative')}:`, ...qualitative] : []),
    ],
  };
}
