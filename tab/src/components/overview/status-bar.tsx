/** A goal's measures by status as a stacked bar, with a text alternative that says the same in words. */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { OverviewStatus } from '../../../../bot/src/contract';
import { statusLabel, type Language } from '../../../../bot/src/contract';

/** The order statuses are shown in: what needs attention first. */
export const ORDER: OverviewStatus[] = [
  'delayed',
  'not_reported',
  'not_started',
  'on_track',
  'done',
  'cancelled',
  'closed',
];

/** Segment fills; the numbers next to the bar say the same in words. */
export const SEGMENT: Record<OverviewStatus, string> = {
  delayed: tokens.colorPaletteRedBackground3,
  not_reported: tokens.colorNeutralBackground5,
  not_started: tokens.colorPaletteYellowBackground3,
  on_track: tokens.colorBrandBackground,
  done: tokens.colorPaletteGreenBackground3,
  cancelled: tokens.colorNeutralForeground3,
  closed: tokens.colorNeutralStrokeAccessible,
};

const useStyles = makeStyles({
  bar: { display: 'flex', height: '1rem', border: `1px solid ${tokens.colorNeutralStroke1}`, margin: '0.5rem 0' },
});

export function countsText(lang: Language, counts: Record<OverviewStatus, number>): string {
  return ORDER.filter((s) => counts[s] > 0)
    .map((s) => `${statusLabel(lang, s)}: ${counts[s]}`)
    .join(', ');
}

export function StatusBar(props: { counts: Record<OverviewStatus, number>; lang: Language; label: string }) {
  const styles = useStyles();
  const total = ORDER.reduce((n, s) => n + props.counts[s], 0) || 1;
  return (
    <div className={styles.bar} role="img" aria-label={`${props.label}: ${countsText(props.lang, props.counts)}`}>
      {ORDER.filter((s) => props.counts[s] > 0).map((s) => (
        <div key={s} style={{ width: `${(props.counts[s] / total) * 100}%`, background: SEGMENT[s] }} />
      ))}
    </div>
  );
}
