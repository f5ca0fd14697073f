/**
 * Gevinstrealisering in the overview: per benefit type, expected against realised for each year
 * (kroner and hours in rows of their own, never added up), the qualitative benefits with what was
 * last reported, and the return against the plan's target in one plain sentence.
 */
import { makeStyles } from '@fluentui/react-components';
import type { OverviewResponse } from '../../../../bot/src/contract';
import { benefitAmount, benefitReturnSentences, periodLabel, t, type Language } from '../../../../bot/src/contract';

const useStyles = makeStyles({
  // At 390 px the table scrolls inside its own box rather than push the page sideways.
  scroll: { maxWidth: '100%', overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse',
    '& th, & td': { textAlign: 'left', padding: '0.25rem 0.5rem', verticalAlign: 'top' },
    '& td': { textAlign: 'right', whiteSpace: 'nowrap' },
  },
});

export function BenefitTable({ overview, lang }: { overview: OverviewResponse; lang: Language }) {
  const styles = useStyles();
  const s = overview.benefits;
  if (!s || (s.rows.length === 0 && s.qualitative.length === 0)) return null;
  const planLang = overview.plan.language;
  return (
    <section aria-labelledby="benefits-heading">
      <h3 id="benefits-heading">{t(lang, 'benefits.heading')}</h3>
      {benefitReturnSentences(lang, s).map((line) => (
        <p key={line}>{line}</p>
      ))}
      {s.rows.length > 0 && (
        // A scrolling region must be reachable by keyboard (axe: scrollable-region-focusable).
        <div className={styles.scroll} tabIndex={0} role="region" aria-labelledby="benefits-caption">
          <table className={styles.table}>
            <caption id="benefits-caption">{t(lang, 'benefits.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'benefits.type')}</th>
                <th scope="col">{t(lang, 'benefits.kind')}</th>
                {s.years.map((y) => (
                  <th scope="col" key={y}>
                    {y}
                  </th>
                ))}
                <th scope="col">{t(lang, 'benefits.total')}</th>
              </tr>
            </thead>
            <tbody>
              {s.rows.flatMap((r) =>
                (['expected', 'realised'] as const).map((which) => (
                  <tr key={`${r.type}-${r.unit}-${which}`}>
                    <th scope="row">
                      {t(lang, `benefit.${r.type}`)} ({t(lang, `benefit.unit.${r.unit}`)})
                    </th>
                    <th scope="row">{t(lang, `benefits.${which}`)}</th>
                    {r.years.map((y) => (
                      <td key={y.year}>{benefitAmount(lang, y[which], r.unit)}</td>
                    ))}
                    <td>{benefitAmount(lang, r[which], r.unit)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
      {s.qualitative.length > 0 && (
        <>
          <h4>{t(lang, 'benefits.qualitative')}</h4>
          <ul>
            {s.qualitative.map((q) => (
              <li key={`${q.measureId}-${q.type}`}>
                <span lang={planLang}>
                  {q.measureId} {t(lang, `benefit.${q.type}`)}: {q.text}
                  {q.target ? ` (${q.target})` : ''}
                </span>
                {' – '}
                {q.latest
                  ? t(lang, 'benefits.qualitativeLatest', {
                      period: periodLabel(planLang, q.latest.periodId),
                      comment: q.latest.comment,
                    })
                  : t(lang, 'benefits.qualitativeNone')}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
