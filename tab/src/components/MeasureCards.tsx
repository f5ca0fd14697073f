/**
 * The goal table on a phone: the plan's goals as headings in their order, and under each one card
 * per measure with its number and text, status, responsible and indicator (with the latest value).
 * The same pieces as the table's cells (MeasureCells), so the two never say different things.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { GoalTable, GoalTableNode } from '../../../bot/src/contract';
import { periodLabel, responsibleLabel, statusColumnLabel, t, type Language } from '../../../bot/src/contract';
import { IndicatorContent, MeasureContent, NodeContent, StatusContent } from './MeasureCells';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  heading: {
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
  },
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    overflowWrap: 'break-word',
    hyphens: 'auto',
  },
  fields: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    '& dt': { fontWeight: tokens.fontWeightSemibold },
    '& dd': { margin: 0 },
  },
});

export function MeasureCards(props: {
  table: GoalTable;
  uiLang: Language;
  /** Off in an import preview, where no status exists yet. */
  showStatus: boolean;
  onEdit?: (measureId: string) => void;
}) {
  const { table, uiLang } = props;
  const planLang = table.plan.language;
  return (
    <section
      lang={planLang}
      aria-label={t(uiLang, 'tab.tableCaption', {
        plan: table.plan.title,
        period: periodLabel(planLang, table.period.id),
      })}
    >
      {table.goals.map((node) => (
        <GoalCards key={node.id} node={node} {...props} />
      ))}
    </section>
  );
}

function GoalCards(props: {
  node: GoalTableNode;
  table: GoalTable;
  uiLang: Language;
  showStatus: boolean;
  onEdit?: (measureId: string) => void;
}) {
  const { node, table, uiLang } = props;
  const styles = useStyles();
  const planLang = table.plan.language;
  // h2 for the plan's top level (the page's h1 is the plan), deeper levels below it, at most h6.
  const Heading = `h${Math.min(6, node.level + 2)}` as 'h2';
  return (
    <>
      <Heading className={styles.heading}>
        <NodeContent node={node} />
      </Heading>
      {node.measures.length > 0 && (
        <ul className={styles.list}>
          {node.measures.map((m) => (
            <li key={m.id} className={styles.card} data-measure-card={m.number}>
              <MeasureContent measure={m} table={table} />
              <dl className={styles.fields}>
                {props.showStatus && (
                  <div>
                    <dt>{statusColumnLabel(planLang, table.period.id)}</dt>
                    <dd>
                      <StatusContent measure={m} lang={planLang} uiLang={uiLang} />
                    </dd>
                  </div>
                )}
                <div>
                  <dt>{t(planLang, 'column.responsible')}</dt>
                  <dd>{responsibleLabel(planLang, m)}</dd>
                </div>
                <div>
                  <dt>{t(planLang, 'column.indicator')}</dt>
                  <dd>
                    <IndicatorContent measure={m} lang={planLang} />
                  </dd>
                </div>
              </dl>
              {props.onEdit && (
                <Button
                  size="small"
                  aria-label={t(uiLang, 'edit.buttonLabel', { number: m.number })}
                  onClick={() => props.onEdit?.(m.id)}
                >
                  {t(uiLang, 'edit.button')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {node.children.map((child) => (
        <GoalCards key={child.id} {...props} node={child} />
      ))}
    </>
  );
}
