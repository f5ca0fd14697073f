import { Button, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import type { GoalTable } from '../../../bot/src/contract';
import { periodLabel, responsibleLabel, statusColumnLabel, t, type Language } from '../../../bot/src/contract';
import { useNarrow } from '../layout/use-narrow';
import { goalRows } from './goal-rows';
import { MeasureCards } from './MeasureCards';
import { IndicatorContent, MeasureContent, NodeContent, StatusContent } from './MeasureCells';
import type { UpkeepAction } from './upkeep/upkeep-action';
import { GoalUpkeepButtons, MeasureUpkeepButtons } from './upkeep/UpkeepButtons';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse',
    // Automatic layout: a column is at least as wide as its longest word ("Satsningsområder",
    // "Tverrgående"), so words are not broken mid-word where the browser has no hyphenation for
    // the plan's language; the columns' widths below are the proportions it aims for.
    tableLayout: 'auto',
    width: '100%',
    minWidth: '960px',
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
  },
  caption: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  // Level names as long as "Satsningsområder" fill a narrow column: they wrap (hyphenated in the
  // plan's language where the browser can), never run on into the next header.
  th: {
    textAlign: 'left',
    verticalAlign: 'bottom',
    overflowWrap: 'break-word',
    hyphens: 'auto',
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  cell: {
    verticalAlign: 'top',
    overflowWrap: 'break-word',
    hyphens: 'auto',
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  goalCell: { backgroundColor: tokens.colorNeutralBackground2, fontWeight: tokens.fontWeightSemibold },
  rowHeader: { textAlign: 'left', fontWeight: tokens.fontWeightRegular },
  gap: { color: tokens.colorNeutralForeground3 },
  // Room for a status badge ("Ikke rapportert") on one line next to wordy columns.
  statusColumn: { minWidth: '10rem' },
  noOne: { color: tokens.colorPaletteDarkOrangeForeground1, fontStyle: 'italic' },
  rowTools: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', marginTop: tokens.spacingVerticalXS },
});

export function GoalTableView({
  table,
  uiLang,
  showStatus = true,
  onEdit,
  onUpkeep,
  selected,
  onSelect,
}: {
  table: GoalTable;
  uiLang: Language;
  /** Off in an import preview, where no status exists yet. */
  showStatus?: boolean;
  /** Given to coordinators: each measure gets an edit button. */
  onEdit?: (measureId: string) => void;
  /** Given to coordinators: new measures and goals under each goal, moving and deleting each measure. */
  onUpkeep?: (action: UpkeepAction) => void;
  /** Given to coordinators: measures picked for assigning responsibility to many at once. */
  selected?: ReadonlySet<string>;
  onSelect?: (measureId: string, picked: boolean) => void;
}) {
  const styles = useStyles();
  const narrow = useNarrow();
  const planLang = table.plan.language;
  // On a phone, one card per measure.
  if (narrow) {
    return <MeasureCards table={table} uiLang={uiLang} showStatus={showStatus} {...(onEdit ? { onEdit } : {})} />;
  }
  const goalLevels = table.plan.levels.length - 1;
  const rows = goalRows(table.goals, goalLevels);
  const measureLevel = table.plan.levels[goalLevels] ?? '';

  return (
    <div className={styles.scroller} tabIndex={0} role="region" aria-label={table.plan.title}>
      <table className={styles.table} lang={planLang}>
        <caption className={styles.caption}>
          {t(uiLang, 'tab.tableCaption', { plan: table.plan.title, period: periodLabel(planLang, table.period.id) })}
        </caption>
        <colgroup>
          {table.plan.levels.slice(0, goalLevels).map((name, i) => (
            <col key={name} style={{ width: i === 0 ? '13%' : '18%' }} />
          ))}
          <col style={{ width: '22%' }} />
          <col style={{ width: '12%' }} />
          <col style={{ width: '15%' }} />
          {showStatus && <col style={{ width: '20%' }} />}
        </colgroup>
        <thead>
          <tr>
            {table.plan.levels.slice(0, goalLevels).map((name) => (
              <th key={name} scope="col" className={styles.th}>
                {name}
              </th>
            ))}
            <th scope="col" className={styles.th}>
              {measureLevel}
            </th>
            <th scope="col" className={styles.th}>
              {t(planLang, 'column.responsible')}
            </th>
            <th scope="col" className={styles.th}>
              {t(planLang, 'column.indicator')}
            </th>
            {showStatus && (
              <th scope="col" className={`${styles.th} ${styles.statusColumn}`}>
                {statusColumnLabel(planLang, table.period.id)}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-measure={row.measure?.number}>
              {row.starts.map(({ node, rowSpan }) => (
                <td key={node.id} rowSpan={rowSpan} className={`${styles.cell} ${styles.goalCell}`}>
                  <NodeContent node={node} />
                  {onUpkeep && (
                    <span className={styles.rowTools}>
                      <GoalUpkeepButtons node={node} levels={table.plan.levels} lang={uiLang} onUpkeep={onUpkeep} />
                    </span>
                  )}
                </td>
              ))}
              {Array.from({ length: row.gapCells }, (_, i) => (
                <td key={`gap-${i}`} className={`${styles.cell} ${styles.gap}`} />
              ))}
              {row.measure ? (
                <>
                  <th scope="row" className={`${styles.cell} ${styles.rowHeader}`}>
                    <MeasureContent measure={row.measure} table={table} />
                    {(onEdit || onSelect || onUpkeep) && (
                      <span className={styles.rowTools} lang={uiLang}>
                        {onSelect && (
                          <Checkbox
                            aria-label={t(uiLang, 'assign.select', { number: row.measure.number })}
                            checked={selected?.has(row.measure.id) ?? false}
                            onChange={(_e, data) => onSelect(row.measure!.id, data.checked === true)}
                          />
                        )}
                        {onEdit && (
                          <Button
                            size="small"
                            appearance="subtle"
                            aria-label={t(uiLang, 'edit.buttonLabel', { number: row.measure.number })}
                            onClick={() => onEdit(row.measure!.id)}
                          >
                            {t(uiLang, 'edit.button')}
                          </Button>
                        )}
                        {onUpkeep && <MeasureUpkeepButtons measure={row.measure} lang={uiLang} onUpkeep={onUpkeep} />}
                      </span>
                    )}
                  </th>
                  <td className={`${styles.cell} ${row.measure.noOneResponsible ? styles.noOne : ''}`}>
                    {responsibleLabel(planLang, row.measure)}
                  </td>
                  <td className={styles.cell}>
                    <IndicatorContent measure={row.measure} lang={planLang} />
                  </td>
                  {showStatus && (
                    <td className={styles.cell}>
                      <StatusContent measure={row.measure} lang={planLang} uiLang={uiLang} />
                    </td>
                  )}
                </>
              ) : (
                <td className={styles.cell} colSpan={showStatus ? 4 : 3} />
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
