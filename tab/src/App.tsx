import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { GoalTable, GoalTableResponse, PlanSummary, SessionResponse } from '../../bot/src/contract';
import { periodLabel, t, type Language } from '../../bot/src/contract';
import { ApiRequestError, api } from './api-client';
import { AuditTrail } from './components/AuditTrail';
import { DevBanner } from './components/DevBanner';
import { FilterBar } from './components/FilterBar';
import { GoalTableView } from './components/GoalTableView';
import { MeasureEditDialog } from './components/MeasureEditDialog';
import { ModalDialog } from './components/ModalDialog';
import { OverviewView } from './components/OverviewView';
import { RoundPanel } from './components/RoundPanel';
import { SubstitutesPanel } from './components/SubstitutesPanel';
import { filterGoals, measureRows } from './components/filter-table';
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

type Load<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; value: T };

export function App({ lang, inTeams }: { lang: Language; inTeams: boolean }) {
  const styles = useStyles();
  const [session, setSession] = useState<SessionResponse>();
  const [plans, setPlans] = useState<Load<PlanSummary[]>>({ state: 'loading' });
  const [view, setView] = useState<ViewState>(readView);
  const [table, setTable] = useState<Load<GoalTableResponse>>({ state: 'loading' });
  const [editing, setEditing] = useState<string>();

  const changeView = useCallback((change: Partial<ViewState>) => {
    setView((current) => {
      const next = { ...current, ...change };
      writeView(next);
      return next;
    });
  }, []);

  const errorText = useCallback(
    (error: unknown) =>
      error instanceof ApiRequestError && error.status === 401
        ? t(lang, 'tab.signInRequired')
        : t(lang, 'tab.loadFailed', { reason: error instanceof ApiRequestError ? error.message : String(error) }),
    [lang],
  );

  const loadPlans = useCallback(() => {
    setPlans({ state: 'loading' });
    api.session().then(setSession, () => undefined);
    api.plans().then(
      (response) => {
        setPlans({ state: 'ready', value: response.plans });
        setView((current) => (current.planId ? current : { ...current, planId: response.plans[0]?.id }));
      },
      (error: unknown) => setPlans({ state: 'error', message: errorText(error) }),
    );
  }, [errorText]);

  const { planId, periodId } = view;
  const loadTable = useCallback(() => {
    if (!planId) return;
    setTable({ state: 'loading' });
    api.goalTable(planId, periodId).then(
      (value) => setTable({ state: 'ready', value }),
      (error: unknown) => setTable({ state: 'error', message: errorText(error) }),
    );
  }, [planId, periodId, errorText]);

  useEffect(loadPlans, [loadPlans]);
  useEffect(loadTable, [loadTable]);

  const shown = useMemo(
    () =>
      table.state === 'ready' ? { ...table.value, goals: filterGoals(table.value.goals, view.filter) } : undefined,
    [table, view.filter],
  );
  const rows = shown ? measureRows(shown.goals) : [];
  const showOverview = view.show === 'overview' && table.state === 'ready' && table.value.permissions.export;

  return (
    <main className={styles.page}>
      {session?.mode === 'dev' && !inTeams && <DevBanner lang={lang} />}
      {plans.state === 'loading' && <Spinner label={t(lang, 'tab.loading')} />}
      {plans.state === 'error' && <ErrorBar lang={lang} message={plans.message} onRetry={loadPlans} />}
      {plans.state === 'ready' && plans.value.length === 0 && <Text>{t(lang, 'tab.noPlans')}</Text>}
      {plans.state === 'ready' && plans.value.length > 0 && (
        <>
          {shown && (
            <header>
              <h1 className={styles.title}>
                {ownerNames(shown)}: {shown.plan.title}
              </h1>
              <Text className={styles.meta}>
                {[shown.plan.adoptedBy, periodLabel(shown.plan.language, shown.period.id)].filter(Boolean).join(' · ')}
              </Text>
            </header>
          )}
          <div className={styles.toolbar}>
            {plans.value.length > 1 && (
              <Field label={t(lang, 'tab.plan')}>
                <Select
                  value={planId}
                  onChange={(_e, data) => changeView({ planId: data.value, periodId: undefined, filter: {} })}
                >
                  {plans.value.map((p) => (
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
            <Button onClick={loadTable} disabled={table.state === 'loading'}>
              {t(lang, 'tab.refresh')}
            </Button>
            {table.state === 'ready' && table.value.permissions.export && (
              <Button as="a" href={api.exportUrl(table.value.plan.id)} download>
                {t(lang, 'tab.export')}
              </Button>
            )}
            {session?.canImportPlans && (
              <Button as="a" href="./?view=import">
                {t(lang, 'tab.import')}
              </Button>
            )}
            {shown && (
              <Text role="status">
                {t(lang, 'tab.summary', { reported: rows.filter((r) => r.status).length, total: rows.length })}
              </Text>
            )}
          </div>
          {table.state === 'loading' && <Spinner label={t(lang, 'tab.loading')} />}
          {table.state === 'error' && <ErrorBar lang={lang} message={table.message} onRetry={loadTable} />}
          {shown?.plan.details && (
            <dl className={styles.details} lang={shown.plan.language}>
              {shown.plan.details.map((d, i) => (
                <div key={i}>
                  <dt>{d.label}</dt>
                  <dd>{d.text}</dd>
                </div>
              ))}
            </dl>
          )}
          {table.state === 'ready' && table.value.permissions.export && (
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
              {...(table.state === 'ready' && table.value.permissions.edit ? { onEdit: setEditing } : {})}
            />
          )}
          <ModalDialog open={Boolean(editing && planId)} onClose={() => setEditing(undefined)}>
            {editing && planId && (
              <MeasureEditDialog
                planId={planId}
                measureId={editing}
                lang={lang}
                onClose={() => setEditing(undefined)}
                onSaved={() => {
                  setEditing(undefined);
                  loadTable();
                }}
              />
            )}
          </ModalDialog>
          {table.state === 'ready' && !showOverview && table.value.permissions.rounds && (
            <RoundPanel
              key={`round-${table.value.plan.id}`}
              planId={table.value.plan.id}
              planLanguage={table.value.plan.language}
              lang={lang}
              canRun={table.value.permissions.edit}
            />
          )}
          {table.state === 'ready' && !showOverview && table.value.permissions.rounds && (
            <SubstitutesPanel
              key={`substitutes-${table.value.plan.id}`}
              planId={table.value.plan.id}
              lang={lang}
              canEdit={table.value.permissions.edit}
            />
          )}
          {table.state === 'ready' && !showOverview && table.value.permissions.replace && (
            <AuditTrail key={table.value.plan.id} planId={table.value.plan.id} lang={lang} />
          )}
        </>
      )}
    </main>
  );
}

/** "Årdal kommune (vertskommune), Lærdal kommune": the host of a shared plan is named as such. */
function ownerNames(table: GoalTable): string {
  const lang = table.plan.language;
  return table.plan.owners
    .map((o) => (o.id === table.plan.hostOwnerId ? `${o.name} (${t(lang, 'tab.host')})` : o.name))
    .join(', ');
}

function ErrorBar({ lang, message, onRetry }: { lang: Language; message: string; onRetry: () => void }) {
  return (
    <MessageBar intent="error">
      <MessageBarBody>{message}</MessageBarBody>
      <Button onClick={onRetry}>{t(lang, 'tab.retry')}</Button>
    </MessageBar>
  );
}
