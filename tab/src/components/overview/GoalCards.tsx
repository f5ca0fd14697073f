/** Per top-level goal (and all together): the bar of its measures by status, each number opening those measures. */
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { OverviewGoal, OverviewResponse, OverviewStatus } from '../../../../bot/src/contract';
import { statusLabel, t, type Language } from '../../../../bot/src/contract';
import { countsText, ORDER, StatusBar } from './status-bar';

const useStyles = makeStyles({
  goals: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
    // Never wider than the space there is: a meeting's side panel is narrower than 18rem with its padding.
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(18rem, 100%), 1fr))',
  },
  goal: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
  },
  numbers: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

export function GoalCards(props: {
  overview: OverviewResponse;
  lang: Language;
  /** A status, or 'overdue': the measures past their deadline whatever their status. */
  onOpen: (goal: OverviewGoal, status: OverviewStatus | 'overdue') => void;
}) {
  const { overview, lang } = props;
  const styles = useStyles();
  const planLang = overview.plan.language;
  const all: OverviewGoal = {
    id: 'all',
    number: '',
    text: t(lang, 'overview.total'),
    counts: overview.totals,
    overdue: overview.overdue,
    measures: overview.goals.flatMap((g) => g.measures),
  };
  return (
    <div className={styles.goals}>
      {[...overview.goals, all].map((goal) => (
        <article key={goal.id} className={styles.goal} aria-labelledby={`goal-${goal.id}`}>
          <h3 id={`goal-${goal.id}`} lang={planLang}>
            {goal.number} {goal.text}
          </h3>
          <StatusBar counts={goal.counts} lang={lang} label={`${goal.number} ${goal.text}`.trim()} />
          <div className={styles.numbers}>
            {ORDER.filter((s) => goal.counts[s] > 0).map((s) => (
              <Button key={s} size="small" appearance="subtle" onClick={() => props.onOpen(goal, s)}>
                {statusLabel(lang, s)}: {goal.counts[s]}
              </Button>
            ))}
            {goal.overdue > 0 && (
              <Button size="small" appearance="subtle" onClick={() => props.onOpen(goal, 'overdue')}>
                {t(lang, 'status.overdue')}: {goal.overdue}
              </Button>
            )}
          </div>
          {goal.previousCounts && (
            <Text size={200}>
              {t(lang, 'overview.sincePrevious', { count: countsText(lang, goal.previousCounts) })}
            </Text>
          )}
        </article>
      ))}
    </div>
  );
}
