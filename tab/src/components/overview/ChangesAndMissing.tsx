/**
 * What got better, worse or newly late since the period before, who has not answered, and the
 * measures without an answer that no one answers for (never "everyone has answered" while they wait).
 */
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { OverviewMeasure, OverviewResponse } from '../../../../bot/src/contract';
import { periodLabel, t, type Language } from '../../../../bot/src/contract';
import { usePanelStyles } from '../panel';
import { MeasureList } from './MeasureList';

const useStyles = makeStyles({
  columns: {
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))',
  },
});

export function ChangesAndMissing(props: {
  overview: OverviewResponse;
  lang: Language;
  onOpen: (measureId: string) => void;
}) {
  const { overview, lang } = props;
  const styles = { ...usePanelStyles(), ...useStyles() };
  const planLang = overview.plan.language;
  const measures = overview.goals.flatMap((g) => g.measures);
  const changed = (change: OverviewMeasure['change']) => measures.filter((m) => m.change === change);
  return (
    <div className={styles.columns}>
      {overview.previousPeriod && (
        <section aria-labelledby="changes-heading">
          <h3 id="changes-heading">
            {t(lang, 'overview.change.title', { period: periodLabel(planLang, overview.previousPeriod.id) })}
          </h3>
          {(['newly-late', 'worse', 'better'] as const).map((change) => (
            <div key={change}>
              <h4>
                {t(lang, `overview.change.${change}`)} ({changed(change).length})
              </h4>
              <MeasureList measures={changed(change)} lang={lang} planLang={planLang} onOpen={props.onOpen} />
            </div>
          ))}
        </section>
      )}
      <section aria-labelledby="not-answered-heading">
        <h3 id="not-answered-heading">{t(lang, 'overview.notAnswered', { count: overview.notAnswered.length })}</h3>
        {overview.notAnswered.length === 0 ? (
          <Text>{t(lang, overview.noOneResponsible.length ? 'overview.noOneToAsk' : 'overview.everyoneAnswered')}</Text>
        ) : (
          <ul className={styles.list}>
            {overview.notAnswered.map((p) => (
              <li key={p.name}>
                {p.name}: {p.numbers.join(', ')}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="no-one-responsible-heading">
        <h3 id="no-one-responsible-heading">
          {t(lang, 'overview.noOneResponsible', { count: overview.noOneResponsible.length })}
        </h3>
        {overview.noOneResponsible.length === 0 ? (
          <Text>{t(lang, 'overview.everyMeasureHasSomeone')}</Text>
        ) : (
          <ul className={styles.list}>
            {overview.noOneResponsible.map((m) => (
              <li key={m.id}>
                <Button appearance="transparent" onClick={() => props.onOpen(m.id)}>
                  <span lang={planLang}>
                    {m.number} {m.text}
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
