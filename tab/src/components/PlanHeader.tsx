/** The plan's heading as the council adopted it: owners, title, adoption and period, and its own texts. */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { GoalTable } from '../../../bot/src/contract';
import { periodLabel, t } from '../../../bot/src/contract';

const useStyles = makeStyles({
  title: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
  meta: { color: tokens.colorNeutralForeground2 },
  details: {
    margin: 0,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    '& dt': { fontWeight: tokens.fontWeightSemibold, display: 'inline', marginRight: tokens.spacingHorizontalXS },
    '& dt::after': { content: '":"' },
    '& dd': { display: 'inline', margin: 0 },
  },
});

export function PlanHeader({ table }: { table: GoalTable }) {
  const styles = useStyles();
  return (
    <header>
      <h1 className={styles.title}>
        {ownerNames(table)}: {table.plan.title}
      </h1>
      <Text className={styles.meta}>
        {[table.plan.adoptedBy, periodLabel(table.plan.language, table.period.id)].filter(Boolean).join(' · ')}
      </Text>
    </header>
  );
}

/** The plan's overall texts (vision, goals), in the plan's language. */
export function PlanDetails({ table }: { table: GoalTable }) {
  const styles = useStyles();
  if (!table.plan.details) return null;
  return (
    <dl className={styles.details} lang={table.plan.language}>
      {table.plan.details.map((d, i) => (
        <div key={i}>
          <dt>{d.label}</dt>
          <dd>{d.text}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "Årdal kommune (vertskommune), Lærdal kommune": the host of a shared plan is named as such. */
function ownerNames(table: GoalTable): string {
  const lang = table.plan.language;
  return table.plan.owners
    .map((o) => (o.id === table.plan.hostOwnerId ? `${o.name} (${t(lang, 'tab.host')})` : o.name))
    .join(', ');
}
