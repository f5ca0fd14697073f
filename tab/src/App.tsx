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
import { useCallback, useEffect, useState } from 'react';
import type { GoalTable, PlanSummary, SessionResponse } from '../../bot/src/http/api-types';
import { periodLabel, t, type Language } from '../../bot/src/i18n/messages';
import { ApiRequestError, api } from './api-client';
import { GoalTableView } from './components/GoalTableView';

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
  const [planId, setPlanId] = useState<string | undefined>(
    () => new URLSearchParams(location.search).get('plan') ?? undefined,
  );
  const [table, setTable] = useState<Load<GoalTable>>({ state: 'loading' });

  const errorText = useCallback(
    (error: unknown) =>
      t(lang, 'tab.loadFailed', { reason: error instanceof ApiRequestError ? error.message : String(error) }),
    [lang],
  );

  const loadPlans = useCallback(() => {
    setPlans({ state: 'loading' });
    api.session().then(setSession, () => undefined);
    api.plans().then(
      (response) => {
        setPlans({ state: 'ready', value: response.plans });
        setPlanId((current) => current ?? response.plans[0]?.id);
      },
      (error: unknown) => setPlans({ state: 'error', message: errorText(error) }),
    );
  }, [errorText]);

  const loadTable = useCallback(() => {
    if (!planId) return;
    setTable({ state: 'loading' });
    api.goalTable(planId).then(
      (value) => setTable({ state: 'ready', value }),
      (error: unknown) => setTable({ state: 'error', message: errorText(error) }),
    );
  }, [planId, errorText]);

  useEffect(loadPlans, [loadPlans]);
  useEffect(loadTable, [loadTable]);

  const choosePlan = (id: string) => {
    setPlanId(id);
    const url = new URL(location.href);
    url.searchParams.set('plan', id);
    history.replaceState(null, '', url);
  };

  return (
    <main className={styles.page}>
      {session?.mode === 'dev' && !inTeams && (
        <MessageBar intent="warning">
          <MessageBarBody>{t(lang, 'tab.devBanner')}</MessageBarBody>
        </MessageBar>
      )}
      {plans.state === 'loading' && <Spinner label={t(lang, 'tab.loading')} />}
      {plans.state === 'error' && <ErrorBar lang={lang} message={plans.message} onRetry={loadPlans} />}
      {plans.state === 'ready' && plans.value.length === 0 && <Text>{t(lang, 'tab.noPlans')}</Text>}
      {plans.state === 'ready' && plans.value.length > 0 && (
        <>
          {table.state === 'ready' && (
            <header>
              <h1 className={styles.title}>
                {ownerNames(table.value)}: {table.value.plan.title}
              </h1>
              <Text className={styles.meta}>
                {[table.value.plan.adoptedBy, periodLabel(table.value.plan.language, table.value.period.id)]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </header>
          )}
          <div className={styles.toolbar}>
            {plans.value.length > 1 && (
              <Field label={t(lang, 'tab.plan')}>
                <Select value={planId} onChange={(_e, data) => choosePlan(data.value)}>
                  {plans.value.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.owners.join(', ')}: {p.title}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <Button onClick={loadTable} disabled={table.state === 'loading'}>
              {t(lang, 'tab.refresh')}
            </Button>
            {table.state === 'ready' && (
              <Text role="status">
                {t(lang, 'tab.summary', { reported: table.value.counts.reported, total: table.value.counts.measures })}
              </Text>
            )}
          </div>
          {table.state === 'loading' && <Spinner label={t(lang, 'tab.loading')} />}
          {table.state === 'error' && <ErrorBar lang={lang} message={table.message} onRetry={loadTable} />}
          {table.state === 'ready' && table.value.plan.details && (
            <dl className={styles.details} lang={table.value.plan.language}>
              {table.value.plan.details.map((d, i) => (
                <div key={i}>
                  <dt>{d.label}</dt>
                  <dd>{d.text}</dd>
                </div>
              ))}
            </dl>
          )}
          {table.state === 'ready' && <GoalTableView table={table.value} uiLang={lang} />}
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
