/**
 * The tab's main view: the plan chosen (kept in the URL with its period, filters and view), and
 * under one row of tabs its goal table, the ledermøte's overview and the coordinators' panels
 * (round, substitutes, audit), so none of them sits below a long table. Data comes from data/
 * (each load cancelled when what is asked for changes); the pieces are components of their own.
 */
import { Button, Field, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { GoalTableResponse, MeasureRow } from '../../bot/src/contract';
import { t, type Language } from '../../bot/src/contract';
import { api } from './api-client';
import { AssignDialog } from './components/AssignDialog';
import { DevBanner } from './components/DevBanner';
import { ErrorBar } from './components/ErrorBar';
import { FilterBar } from './components/FilterBar';
import { MeasureEditDialog } from './components/MeasureEditDialog';
import { ModalDialog } from './components/ModalDialog';
import { NoticeBar, type Notice } from './components/panel';
import { PlanDetails, PlanHeader } from './components/PlanHeader';
import { ViewPanel, ViewTabs, viewsFor } from './components/ViewTabs';
import { filterGoals, measureRows } from './components/filter-table';
import type { UpkeepAction } from './components/upkeep/upkeep-action';
import { UpkeepDialog } from './components/upkeep/UpkeepDialog';
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
    // A native select is as wide as its longest option (a plan's owners and title): on a phone it
    // would push the page sideways. Selects and their fields keep within the page instead.
    '& .fui-Field, & .fui-Select': { maxWidth: '100%', minWidth: 0 },
    '& select': { maxWidth: '100%', textOverflow: 'ellipsis' },
  },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL },
});

/** `planId`: the plan a Teams deep link names (page.subPageId), opened when the address names none. */
export function App({ lang, inTeams, planId: linked }: { lang: Language; inTeams: boolean; planId?: string }) {
  const styles = useStyles();
  const session = useSession();
  const plans = usePlans();
  const [view, setView] = useState<ViewState>(() => {
    const read = readView();
    return read.planId || !linked ? read : { ...read, planId: linked };
  });
  const [editing, setEditing] = useState<string>();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [assigning, setAssigning] = useState(false);
  // What the last assigning, upkeep or adopted revision came to, said above the table.
  const [notice, setNotice] = useState<Notice>();
  const [upkeep, setUpkeep] = useState<UpkeepAction>();

  const changeView = useCallback((change: Partial<ViewState>) => {
    setView((current) => {
      const next = { ...current, ...change };
      writeView(next);
      return next;
    });
  }, []);

  // No plan in the URL: the person's own plan, as the service picks it (else the first one).
  const planList = plans.load.state === 'ready' ? plans.load.value.plans : undefined;
  const openFirst =
    plans.load.state === 'ready' ? (plans.load.value.preferredPlanId ?? plans.load.value.plans[0]?.id) : undefined;
  useEffect(() => {
    if (!view.planId && openFirst) setView((current) => ({ ...current, planId: openFirst }));
  }, [view.planId, openFirst]);

  const { planId, periodId } = view;
  const table = useGoalTable(planId, periodId);
  const loaded: GoalTableResponse | undefined = table.load.state === 'ready' ? table.load.value : undefined;
  const shown = useMemo(
    () => (loaded ? { ...loaded, goals: filterGoals(loaded.goals, view.filter) } : undefined),
    [loaded, view.filter],
  );
  const rows = shown ? measureRows(shown.goals) : [];
  const views = loaded ? viewsFor(loaded.permissions) : ['table' as const];
  const current = view.show && views.includes(view.show) ? view.show : 'table';
  const canImport = session.load.state === 'ready' && session.load.value.canImportPlans;

  return (
    <main className={styles.page}>
      {session.load.state === 'ready' && session.load.value.mode === 'dev' && !inTeams && <DevBanner lang={lang} />}
      {plans.load.state === 'loading' && <Spinner label={t(lang, 'tab.loading')} />}
      {plans.load.state === 'error' && <ErrorBar lang={lang} error={plans.load.error} onRetry={() => plans.reload()} />}
      {planList?.length === 0 && <Text>{t(lang, 'tab.noPlans')}</Text>}
      {planList && planList.length > 0 && (
        <>
          {shown && <PlanHeader table={shown} />}
          <div className={styles.toolbar}>
            {planList.length > 1 && (
              <Field label={t(lang, 'tab.plan')}>
                <Select
                  value={planId}
                  onChange={(_e, data) => changeView({ planId: data.value, periodId: undefined, filter: {} })}
                >
                  {planList.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.owners.join(', ')}: {p.title}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            {loaded && (
              // The choices come from the whole plan: a chosen sector must not hide the others.
              <FilterBar
                table={loaded}
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
            {loaded?.permissions.edit && current === 'table' && (
              <Button disabled={picked.size === 0} onClick={() => setAssigning(true)}>
                {t(lang, 'assign.button', { count: picked.size })}
              </Button>
            )}
            {loaded?.permissions.edit && current === 'table' && (
              <Button onClick={() => setUpkeep({ kind: 'add-goal' })}>{t(lang, 'upkeep.newTopGoal')}</Button>
            )}
            {shown && (
              <Text role="status">
                {t(lang, 'tab.summary', {
                  reported: rows.filter((r) => r.status && !r.closed).length,
                  total: rows.filter((r) => !r.closed).length,
                })}
              </Text>
            )}
          </div>
          {table.load.state === 'loading' && <Spinner label={t(lang, 'tab.loading')} />}
          {table.load.state === 'error' && (
            <ErrorBar lang={lang} error={table.load.error} onRetry={() => table.reload()} />
          )}
          <NoticeBar notice={notice} />
          {shown && <PlanDetails table={shown} />}
          {loaded && shown && planId && (
            <>
              <ViewTabs
                views={views}
                current={current}
                lang={lang}
                onSelect={(name) => changeView({ show: name === 'table' ? undefined : name })}
              />
              <ViewPanel
                current={current}
                table={loaded}
                shown={shown}
                filter={view.filter}
                lang={lang}
                {...(periodId ? { periodId } : {})}
                onReported={() => table.reload({ quiet: true })}
                onAdopted={(said) => {
                  setNotice({ intent: 'success', text: said });
                  table.reload();
                  changeView({ show: undefined });
                }}
                {...(loaded.permissions.edit
                  ? {
                      onEdit: setEditing,
                      onUpkeep: setUpkeep,
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
            </>
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
                  setNotice(assignNotice(lang, picked.size, outcome));
                  table.reload();
                }}
              />
            )}
          </ModalDialog>
          {planId && (
            <UpkeepDialog
              planId={planId}
              action={upkeep}
              goals={loaded?.goals ?? []}
              lang={lang}
              onClose={() => setUpkeep(undefined)}
              onDone={(text) => {
                setUpkeep(undefined);
                setNotice({ intent: 'success', text });
                table.reload();
              }}
            />
          )}
          <ModalDialog open={Boolean(editing && planId)} onClose={() => setEditing(undefined)}>
            {editing && planId && (
              <MeasureEditDialog
                planId={planId}
                measureId={editing}
                sectors={[...new Set(rows.flatMap((r) => (r.sector ? [r.sector] : [])))]}
                owners={loaded?.plan.owners ?? []}
                lang={lang}
                onClose={() => setEditing(undefined)}
                onSaved={() => {
                  setEditing(undefined);
                  table.reload();
                }}
              />
            )}
          </ModalDialog>
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
