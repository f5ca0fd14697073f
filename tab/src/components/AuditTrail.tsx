/**
 * The plan's audit trail for its coordinators: who reported, imported or replaced what, and when,
 * newest first. A view of its own (under the plan's tabs), loaded when it is opened.
 */
import { Spinner } from '@fluentui/react-components';
import { formatOsloDateTime, t, type Language } from '../../../bot/src/contract';
import { api } from '../api-client';
import { useLoad } from '../data/use-load';
import { NoticeBar, usePanelStyles } from './panel';

export function AuditTrail({ planId, lang }: { planId: string; lang: Language }) {
  const styles = usePanelStyles();
  const { load } = useLoad((signal) => api.audit(planId, signal), planId);
  return (
    <section className={styles.panel} aria-labelledby="audit-heading">
      <h2 id="audit-heading" className={styles.heading}>
        {t(lang, 'audit.title')}
      </h2>
      {load.state === 'loading' && <Spinner size="tiny" label={t(lang, 'tab.loading')} />}
      {load.state === 'error' && (
        <NoticeBar
          notice={{ intent: 'error', text: t(lang, 'tab.loadFailed', { reason: (load.error as Error).message }) }}
        />
      )}
      {load.state === 'ready' && (
        <ol className={styles.list}>
          {[...load.value.entries].reverse().map((e) => {
            const { date, time } = formatOsloDateTime(e.at);
            const what = Object.values(e.details).join(' · ');
            return (
              <li key={e.id}>
                {date} {time} · {e.actor.name} · {t(lang, `audit.${e.action}`)}
                {what && e.action === 'status-reported' ? `: ${what}` : ''}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
