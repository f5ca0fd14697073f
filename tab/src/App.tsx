/**
 * The tab's main view: the plan chosen (kept in the URL with its period, filters and view), its goal
 * table or the ledermøte's overview, and the coordinators' panels. Data comes from data/ (each load
 * cancelled when what is asked for changes); the pieces of the page are components of their own.
 */
import { Button, Field, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { GoalTableResponse, MeasureRow } from '../../bot/src/contract';
import { t, type Language } from '../../bot/src/contract';
import { api } from './api-client';
import { AssignDialog } from './components/AssignDialog';
import { AuditTrail } from './components/AuditTrail';
import { DevBanner } from './components/DevBanner';
import { ErrorBar } from './components/ErrorBar';
import { FilterBar } from './components/FilterBar';
import { GoalTableView } from './components/GoalTableView';
import { MeasureEditDialog } from './components/MeasureEditDialog';
import { ModalDialog } from './components/ModalDialog';
import { OverviewView } from './components/overview/OverviewView';
import { NoticeBar, type Notice } from './components/panel';
import { PlanDetails, PlanHeader } from './components/PlanHeader';
import { RoundPanel } from './components/RoundPanel';
import { SubstitutesPanel } from './components/SubstitutesPanel';
import { filterGoals, measureRows } from './components/filter-table';
import type { AssignOutcome } from './data/assign';
import { useGoalTable, usePlans, useSession } from './data/plan-data';
import { readView, writeView, type ViewState } from './view-state';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    maxWidth: '1400px',
  },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL },
});

export function App({ lang, inTeams }: { lang: Language; inTeams: boolean }) {
  const styles = useStyles();
  const session = useSession();
  const plans = usePlans();
  const [view, setView] = useState<ViewState>(readView);
  const [editing, setEditing] = useState<string>();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [assigning, setAssigning] = useState(false);
  const [assigned, setAssigned] = useState<Notice>();

  const changeView = useCallback((change: Partial<ViewState>) => {
    setView((current) => {
      const next = { ...current, ...change };
      writeView(next);
      return next;
    });
  }, []);

  // No plan in the URL: the first one the person can see.
  const firstPlan = plans.load.state === 'ready' ? plans.load.value[0]?.id : undefined;
  useEffect(() => {
    if (!view.planId && firstPlan) setView((current) => ({ ...current, planId: firstPlan }));
  }, [view.planId, firstPlan]);

  const { planId, periodId } = view;
  const table = useGoalTable(planId, periodId);
  const loaded: GoalTableResponse | undefined = table.load.state === 'ready' ? table.load.value : undefined;
  const shown = useMemo(
    () => (loaded ? { ...loaded, goals: filterGoals(loaded.goals, view.filter) } : undefined),
    [loaded, view.filter],
  );
  const rows = shown ? measureRows(shown.goals) : [];
  const showOverview = view.show === 'overview' && Boolean(loaded?.permissions.export);
  const canImport = session.load.state === 'ready' && session.load.value.canImportPlans;

  return (
    <main className={styles.page}>
      {session.load.state === 'ready' && session.load.value.mode === 'dev' && !inTeams && <DevBanner lang={lang} />}
      {plans.load.state === 'loading' && <Spinner label={t(lang, 'tab.loading')} />}
      {plans.load.state === 'error' && <ErrorBar lang={lang} error={plans.load.error} onRetry={plans.reload} />}
      {plans.load.state === 'ready' && plans.load.value.length === 0 && <Text>{t(lang, 'tab.noPlans')}</Text>}
      {plans.load.state === 'ready' && plans.load.value.length > 0 && (
        <>
          {shown && <PlanHeader table={shown} />}
          <div className={styles.toolbar}>
            {plans.load.value.length > 1 && (
              <Field label={t(lang, 'tab.plan')}>
                <Select
                  value={planId}
                  onChange={(_e, data) => changeView({ planId: data.value, periodId: undefined, filter: {} })}
                >
                  {plans.load.value.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.owners.join(', ')}: {p.title}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            {shown && (
              <FilterBar
                table={shown}
                uiLang={lang}
                filter={view.filter}
                onFilter={(filter) => changeView({ filter })}
                onPeriod={(id) => changeView({ periodId: id })}
              />
            )}
            <Button onClick={() => table.reload()} disabled={table.load.state === 'loading'}>
              {t(lang, 'tab.refresh')}
            </Button>
            {loaded?.permissions.export && (
              <Button as="a" href={api.exportUrl(loaded.plan.id)} download>
                {t(lang, 'tab.export')}
              </Button>
            )}
            {canImport && (
              <Button as="a" href="./?view=import">
                {t(lang, 'tab.import')}
              </Button>
            )}
            {loaded?.permissions.edit && !showOverview && (
              <Button disabled={picked.size === 0} onClick={() => setAssigning(true)}>
                {t(lang, 'assign.button', { count: picked.size })}
              </Button>
            )}
            {shown && (
              <Text role="status">
                {t(lang, 'tab.summary', { reported: rows.filter((r) => r.status).length, total: rows.length })}
              </Text>
            )}
          </div>
          {table.load.state === 'loading' && <Spinner label={t(lang, 'tab.loading')} />}
          {table.load.state === 'error' && <ErrorBar lang={lang} error={table.load.error} onRetry={table.reload} />}
          <NoticeBar notice={assigned} />
          {shown && <PlanDetails table={shown} />}
          {loaded?.permissions.export && (
            <div role="group" aria-label={t(lang, 'tab.views')}>
              <Button
                appearance={view.show === 'overview' ? 'secondary' : 'primary'}
                aria-pressed={view.show !== 'overview'}
                onClick={() => changeView({ show: undefined })}
              >
                {t(lang, 'table.tab')}
              </Button>{' '}
              <Button
                appearance={view.show === 'overview' ? 'primary' : 'secondary'}
                aria-pressed={view.show === 'overview'}
                onClick={() => changeView({ show: 'overview' })}
              >
                {t(lang, 'overview.tab')}
              </Button>
            </div>
          )}
          {showOverview && planId && <OverviewView planId={planId} lang={lang} {...(periodId ? { periodId } : {})} />}
          {shown && !showOverview && (
            <GoalTableView
              table={shown}
              uiLang={lang}
              {...(loaded?.permissions.edit
                ? {
                    onEdit: setEditing,
                    selected: picked,
                    onSelect: (id: string, on: boolean) =>
                      setPicked((current) => {
                        const next = new Set(current);
                        if (on) next.add(id);
                        else next.delete(id);
                        return next;
                      }),
                  }
                : {})}
            />
          )}
          <ModalDialog open={assigning && Boolean(planId)} onClose={() => setAssigning(false)}>
            {assigning && planId && (
              <AssignDialog
                planId={planId}
                measureIds={[...picked]}
                roles={planRoles(rows)}
                lang={lang}
                onClose={() => setAssigning(false)}
                onDone={(outcome) => {
                  setAssigning(false);
                  setPicked(new Set());
                  setAssigned(assignNotice(lang, picked.size, outcome));
                  table.reload();
                }}
              />
            )}
          </ModalDialog>
          <ModalDialog open={Boolean(editing && planId)} onClose={() => setEditing(undefined)}>
            {editing && planId && (
              <MeasureEditDialog
                planId={planId}
                measureId={editing}
                lang={lang}
                onClose={() => setEditing(undefined)}
                onSaved={() => {
                  setEditing(undefined);
                  table.reload();
                }}
              />
            )}
          </ModalDialog>
          {loaded && !showOverview && <CoordinatorPanels table={loaded} lang={lang} />}
        </>
      )}
    </main>
  );
}

/** The roles the plan's measures name, each once, for the assign dialog to offer. */
function planRoles(rows: MeasureRow[]): string[] {
  const byKey = new Map<string, string>();
  for (const r of rows.flatMap((m) => m.responsibleRoles)) byKey.set(r.toLocaleLowerCase('nb'), r);
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, 'nb'));
}

function assignNotice(lang: Language, count: number, outcome: AssignOutcome): Notice {
  if (outcome.failed.length === 0) return { intent: 'success', text: t(lang, 'assign.done', { count }) };
  return {
    intent: 'warning',
    text: t(lang, 'assign.partly', {
      done: outcome.done.length,
      count,
      numbers: outcome.failed.map((f) => f.number).join(', '),
      reason: outcome.failed[0]?.reason ?? '',
    }),
  };
}

/** The round, the substitutes and the audit trail, for those who may see them. */
function CoordinatorPanels({ table, lang }: { table: GoalTableResponse; lang: Language }) {
  const planId = table.plan.id;
  return (
    <>
      {table.permissions.rounds && (
        <RoundPanel
          key={`round-${planId}`}
          planId={planId}
          planLanguage={table.plan.language}
          lang={lang}
          canRun={table.permissions.edit}
          reach={table.reach}
        />
      )}
      {table.permissions.rounds && (
        <SubstitutesPanel key={`substitutes-${planId}`} planId={planId} lang={lang} canEdit={table.permissions.edit} />
      )}
      {table.permissions.replace && <AuditTrail key={planId} planId={planId} lang={lang} />}
    </>
  );
}
