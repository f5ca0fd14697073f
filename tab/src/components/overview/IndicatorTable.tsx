/** Numeric indicators against their target, with their values period by period. */
import { makeStyles } from '@fluentui/react-components';
import type { OverviewResponse } from '../../../../bot/src/contract';
import { periodLabel, t, type Language } from '../../../../bot/src/contract';

const useStyles = makeStyles({
  // On a phone the columns share the screen's width: a word too long for its column (a long
  // compound, a row of values) breaks rather than push the page sideways; shorter words do not.
  table: {
    borderCollapse: 'collapse',
    maxWidth: '100%',
    '& th, & td': { textAlign: 'left', padding: '0.25rem 0.5rem', overflowWrap: 'anywhere' },
  },
});

export function IndicatorTable({ overview, lang }: { overview: OverviewResponse; lang: Language }) {
  const styles = useStyles();
  const planLang = overview.plan.language;
  if (overview.indicators.length === 0) return null;
  return (
    <table className={styles.table}>
      <caption>{t(lang, 'overview.indicators')}</caption>
      <thead>
        <tr>
          <th scope="col">{t(lang, 'report.measure')}</th>
          <th scope="col">{t(lang, 'report.value')}</th>
          <th scope="col">{t(lang, 'overview.indicator.target', { target: '' }).trim()}</th>
        </tr>
      </thead>
      <tbody>
        {overview.indicators.map((i) => (
          <tr key={i.measureId}>
            <th scope="row" lang={planLang}>
              {i.number} {i.text}
            </th>
            <td>
              {i.values.length === 0
                ? t(lang, 'overview.indicator.noValue')
                : i.values
                    .map(
                      (v) =>
                        `${periodLabel(planLang, v.periodId)}: ${v.value.toLocaleString('nb-NO')}${i.unit ? ` ${i.unit}` : ''}`,
                    )
                    .join(' → ')}
            </td>
            <td>
              {i.target !== undefined ? i.target.toLocaleString('nb-NO') : '–'}
              {i.onTarget !== undefined &&
                ` (${t(lang, i.onTarget ? 'overview.indicator.onTarget' : 'overview.indicator.offTarget')})`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
