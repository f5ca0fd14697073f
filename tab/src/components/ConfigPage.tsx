/**
 * The channel tab's configuration page: Teams shows it when the tab is added to a channel. The
 * coordinator picks the plan and, where the plan has them, a municipality or sector, so that each
 * department's channel shows its own measures; and whether the tab opens on the goal table or on
 * the ledermøte's overview. Added to a meeting, the organiser chooses the plan for the meeting: its
 * side panel shows that plan's overview (whatever view is chosen), and its stage the meeting mode.
 */
import {
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PlanSummary } from '../../../bot/src/contract';
import { t, type Language } from '../../../bot/src/contract';
import { api } from '../api-client';
import { useLoad } from '../data/use-load';
import { channelTabUrl } from '../view-keys';
import { filterChoices, type TableFilter } from './filter-table';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
});

export function ConfigPage({ lang, inTeams, inMeeting }: { lang: Language; inTeams: boolean; inMeeting?: boolean }) {
  const styles = useStyles();
  const [plans, setPlans] = useState<PlanSummary[]>();
  const [error, setError] = useState<string>();
  const [planId, setPlanId] = useState<string>();
  const [filter, setFilter] = useState<TableFilter>({});
  // A meeting looks at the overview: its chat and details tab open on it too.
  const [show, setShow] = useState<'overview' | undefined>(inMeeting ? 'overview' : undefined);

  // The plan's municipalities and sectors, to choose from (of the plan chosen last, however fast one clicks).
  const table = useLoad(planId ? (signal) => api.goalTable(planId, undefined, signal) : undefined, planId ?? '');
  useEffect(() => setFilter({}), [planId]);
  const choices =
    table.load.state === 'ready'
      ? filterChoices(table.load.value)
      : table.load.state === 'error'
        ? { owners: [], sectors: [], roles: [] }
        : undefined;

  useEffect(() => {
    api.plans().then(
      (r) => {
        setPlans(r.plans);
        setPlanId(r.preferredPlanId ?? r.plans[0]?.id);
      },
      (e: unknown) => setError(t(lang, 'tab.loadFailed', { reason: (e as Error).message })),
    );
  }, [lang]);

  useEffect(() => {
    if (!inTeams || !planId) return;
    const plan = plans?.find((p) => p.id === planId);
    void import('@microsoft/teams-js').then(({ pages }) => {
      pages.config.registerOnSaveHandler((saveEvent) => {
        const contentUrl = channelTabUrl(location.origin, { planId, filter, ...(show ? { show } : {}) });
        pages.config
          .setConfig({
            entityId: `plan-${planId}${filter.owner ? `-${filter.owner}` : ''}${filter.sector ? `-${filter.sector}` : ''}`,
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
  }, [inTeams, planId, plans, filter, show]);

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
      <h1>{t(lang, inMeeting ? 'tab.configMeetingTitle' : 'tab.configTitle')}</h1>
      {inMeeting && <Text>{t(lang, 'tab.configMeetingHelp')}</Text>}
      <Field label={t(lang, 'tab.plan')}>
        <Select value={planId} onChange={(_e, data) => setPlanId(data.value)}>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.owners.join(', ')}: {p.title}
            </option>
          ))}
        </Select>
      </Field>
      {choices && choices.owners.length > 0 && (
        <Field label={t(lang, 'tab.municipality')}>
          <Select
            value={filter.owner ?? ''}
            onChange={(_e, d) => setFilter({ ...filter, owner: d.value || undefined })}
          >
            <option value="">{t(lang, 'tab.all')}</option>
            {choices.owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {choices && choices.sectors.length > 0 && (
        <Field label={t(lang, 'tab.sector')}>
          <Select
            value={filter.sector ?? ''}
            onChange={(_e, d) => setFilter({ ...filter, sector: d.value || undefined })}
          >
            <option value="">{t(lang, 'tab.all')}</option>
            {choices.sectors.map((sector) => (
              <option key={sector} value={sector}>
                {sector}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label={t(lang, 'tab.views')}>
        <Select value={show ?? ''} onChange={(_e, d) => setShow(d.value === 'overview' ? 'overview' : undefined)}>
          <option value="">{t(lang, 'table.tab')}</option>
          <option value="overview">{t(lang, 'overview.tab')}</option>
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
