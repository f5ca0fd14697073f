/**
 * One row of tabs over the plan's views: the goal table, the person's own measures to report on
 * (everyone: a reader may be a substitute tomorrow), the ledermøte's overview, the reminder
 * round, substitutes and the audit trail, each for those who may see it. Fluent's TabList is an
 * ARIA tablist (arrow keys move between tabs, Tab goes on into the panel), and the panel shows
 * one view at a time, so the coordinators' panels are one key press away instead of below 77 rows.
 */
import { makeStyles, Tab, TabList } from '@fluentui/react-components';
import type { GoalTable, GoalTableResponse, MessageKey, PlanPermissions } from '../../../bot/src/contract';
import { t, type Language } from '../../../bot/src/contract';
import type { ViewName } from '../view-keys';
import { AuditTrail } from './AuditTrail';
import { GoalTableView } from './GoalTableView';
import { MyMeasuresView } from './MyMeasuresView';
import { OverviewView } from './overview/OverviewView';
import { RoundPanel } from './RoundPanel';
import { SubstitutesPanel } from './SubstitutesPanel';
import { RevisionPanel } from '../revision/RevisionPanel';
import { VersionsPanel } from '../revision/VersionsPanel';
import type { TableFilter } from './filter-table';
import type { UpkeepAction } from './upkeep/upkeep-action';

const LABELS: Record<ViewName, MessageKey> = {
  table: 'table.tab',
  mine: 'mine.tab',
  overview: 'overview.tab',
  round: 'round.title',
  substitutes: 'substitutes.title',
  audit: 'audit.title',
  revision: 'revision.tab',
  versions: 'versions.tab',
};

// Six tabs do not fit a phone's width in one row: they wrap rather than push the page sideways.
const useStyles = makeStyles({ tabs: { flexWrap: 'wrap' } });

const PANEL_ID = 'view-panel';
const tabId = (name: ViewName) => `view-tab-${name}`;

/** The views the caller may open, in the order of their tabs. */
export function viewsFor(permissions: PlanPermissions): ViewName[] {
  return [
    'table',
    'mine',
    ...(permissions.export ? (['overview'] as const) : []),
    ...(permissions.rounds ? (['round', 'substitutes'] as const) : []),
    ...(permissions.replace ? (['audit'] as const) : []),
    ...(permissions.edit ? (['revision'] as const) : []),
    'versions',
  ];
}

export function ViewTabs(props: {
  views: ViewName[];
  current: ViewName;
  lang: Language;
  onSelect: (name: ViewName) => void;
}) {
  const styles = useStyles();
  if (props.views.length < 2) return null;
  return (
    <TabList
      className={styles.tabs}
      selectedValue={props.current}
      onTabSelect={(_e, d) => props.onSelect(d.value as ViewName)}
      aria-label={t(props.lang, 'tab.views')}
    >
      {props.views.map((name) => (
        <Tab key={name} value={name} id={tabId(name)} aria-controls={PANEL_ID}>
          {t(props.lang, LABELS[name])}
        </Tab>
      ))}
    </TabList>
  );
}

/** The view chosen; labelled by its tab, so a screen reader names the panel it lands in. */
export function ViewPanel(props: {
  current: ViewName;
  /** The plan as loaded (the panels need the whole plan), and as the filters narrow it. */
  table: GoalTableResponse;
  shown: GoalTable;
  filter: TableFilter;
  periodId?: string;
  lang: Language;
  onEdit?: (measureId: string) => void;
  onUpkeep?: (action: UpkeepAction) => void;
  /** Rows picked for assigning responsibility at once (coordinators only). */
  selected?: ReadonlySet<string>;
  onSelect?: (measureId: string, on: boolean) => void;
  /** The person reported in "Mine tiltak": what the other views show has changed. */
  onReported?: () => void;
  /** A revision was adopted: the plan in force is another now. */
  onAdopted?: (said: string) => void;
}) {
  const { current, table, lang } = props;
  const planId = table.plan.id;
  return (
    <div role="tabpanel" id={PANEL_ID} aria-labelledby={tabId(current)}>
      {current === 'table' && (
        <GoalTableView
          table={props.shown}
          uiLang={lang}
          {...(props.onEdit ? { onEdit: props.onEdit } : {})}
          {...(props.onUpkeep ? { onUpkeep: props.onUpkeep } : {})}
          {...(props.selected && props.onSelect ? { selected: props.selected, onSelect: props.onSelect } : {})}
        />
      )}
      {current === 'mine' && (
        <MyMeasuresView
          key={`mine-${planId}|${props.periodId}`}
          planId={planId}
          lang={lang}
          {...(props.periodId ? { periodId: props.periodId } : {})}
          {...(props.onReported ? { onReported: props.onReported } : {})}
        />
      )}
      {current === 'overview' && (
        <OverviewView
          key={`${planId}|${props.periodId}`}
          planId={planId}
          filter={props.filter}
          lang={lang}
          {...(props.periodId ? { periodId: props.periodId } : {})}
        />
      )}
      {current === 'round' && (
        <RoundPanel
          key={`round-${planId}`}
          planId={planId}
          planLanguage={table.plan.language}
          lang={lang}
          canRun={table.permissions.edit}
          reach={table.reach}
        />
      )}
      {current === 'substitutes' && (
        <SubstitutesPanel key={`substitutes-${planId}`} planId={planId} lang={lang} canEdit={table.permissions.edit} />
      )}
      {current === 'audit' && <AuditTrail key={planId} planId={planId} lang={lang} />}
      {current === 'revision' && (
        <RevisionPanel
          key={`revision-${planId}`}
          planId={planId}
          lang={lang}
          onAdopted={(said) => props.onAdopted?.(said)}
        />
      )}
      {current === 'versions' && (
        <VersionsPanel
          key={`versions-${planId}`}
          planId={planId}
          lang={lang}
          {...(props.periodId ? { periodId: props.periodId } : {})}
        />
      )}
    </div>
  );
}
