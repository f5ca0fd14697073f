/**
 * "Kommunane side om side": in a shared plan seen whole, each municipality's counts over the
 * measures that apply to it, one row per municipality, so the Rådmannsforum can compare them.
 */
import { makeStyles } from '@fluentui/react-components';
import type { OverviewResponse } from '../../../../bot/src/contract';
import { t, type Language } from '../../../../bot/src/contract';

const COLUMNS = ['done', 'on_track', 'delayed', 'not_started', 'cancelled', 'not_reported'] as const;

const useStyles = makeStyles({
  // As the indicator table: on a phone a long name breaks rather than push the page sideways.
  table: {
    borderCollapse: 'collapse',
    maxWidth: '100%',
    '& th, & td': { textAlign: 'left', padding: '0.25rem 0.5rem', overflowWrap: 'anywhere' },
  },
});

export function MunicipalitiesTable({ overview, lang }: { overview: OverviewResponse; lang: Language }) {
  const styles = useStyles();
  if (!overview.municipalities?.length) return null;
  return (
    <table className={styles.table} data-testid="municipalities-side-by-side">
      <caption>{t(lang, 'overview.municipalities')}</caption>
      <thead>
        <tr>
          <th scope="col">{t(lang, 'overview.municipality')}</th>
          {COLUMNS.map((c) => (
            <th scope="col" key={c}>
              {t(lang, c === 'not_reported' ? 'status.none' : `status.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {overview.municipalities.map((m) => (
          <tr key={m.ownerId} data-owner={m.ownerId}>
            <th scope="row">{m.name}</th>
            {COLUMNS.map((c) => (
              <td key={c}>{m.counts[c]}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
