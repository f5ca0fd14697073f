/**
 * The channel tab's configuration page: Teams shows it when the tab is added to a channel. The
 * coordinator picks the plan; the tab then opens on that plan in the channel.
 */
import { Field, MessageBar, MessageBarBody, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PlanSummary } from '../../../bot/src/http/api-types';
import { t, type Language } from '../../../bot/src/i18n/messages';
import { api } from '../api-client';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
});

export function ConfigPage({ lang, inTeams }: { lang: Language; inTeams: boolean }) {
  const styles = useStyles();
  const [plans, setPlans] = useState<PlanSummary[]>();
  const [error, setError] = useState<string>();
  const [planId, setPlanId] = useState<string>();

  useEffect(() => {
    api.plans().then(
      (r) => {
        setPlans(r.plans);
        setPlanId(r.plans[0]?.id);
      },
      (e: unknown) => setError(t(lang, 'tab.loadFailed', { reason: (e as Error).message })),
    );
  }, [lang]);

  useEffect(() => {
    if (!inTeams || !planId) return;
    const plan = plans?.find((p) => p.id === planId);
    void import('@microsoft/teams-js').then(({ pages }) => {
      pages.config.registerOnSaveHandler((saveEvent) => {
        const contentUrl = `${location.origin}/tab/?plan=${encodeURIComponent(planId)}`;
        pages.config
          .setConfig({
            entityId: `plan-${planId}`,
            contentUrl,
            websiteUrl: contentUrl,
            suggestedDisplayName: plan?.title ?? 'Tiltak',
          })
          .then(
            () => saveEvent.notifySuccess(),
            (e: unknown) => saveEvent.notifyFailure(String(e)),
          );
      });
      pages.config.setValidityState(true);
    });
  }, [inTeams, planId, plans]);

  if (error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!plans) return <Spinner label={t(lang, 'tab.loading')} />;
  return (
    <main className={styles.page}>
      <h1>{t(lang, 'tab.configTitle')}</h1>
      <Field label={t(lang, 'tab.plan')}>
        <Select value={planId} onChange={(_e, data) => setPlanId(data.value)}>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.owners.join(', ')}: {p.title}
            </option>
          ))}
        </Select>
      </Field>
      {!inTeams && (
        <MessageBar intent="info">
          <MessageBarBody>{t(lang, 'tab.configOutsideTeams')}</MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
