/**
 * The plan's audit trail for its coordinators: who reported, imported or replaced what, and when.
 * Loaded when opened; a native disclosure, so keyboard and screen readers know it.
 */
import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AuditResponse } from '../../../bot/src/contract';
import { formatOsloDateTime, t, type Language } from '../../../bot/src/contract';
import { api } from '../api-client';

const useStyles = makeStyles({
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  list: { margin: `${tokens.spacingVerticalS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

export function AuditTrail({ planId, lang }: { planId: string; lang: Language }) {
  const styles = useStyles();
  const [entries, setEntries] = useState<AuditResponse['entries']>();
  const [error, setError] = useState<string>();
  const load = (open: boolean) => {
    if (!open || entries) return;
    api.audit(planId).then(
      (r) => setEntries(r.entries),
      (e: unknown) => setError(t(lang, 'tab.loadFailed', { reason: (e as Error).message })),
    );
  };
  return (
    <details onToggle={(e) => load((e.target as HTMLDetailsElement).open)}>
      <summary className={styles.summary}>{t(lang, 'audit.title')}</summary>
      {!entries && !error && <Spinner size="tiny" label={t(lang, 'tab.loading')} />}
      {error && <Text>{error}</Text>}
      {entries && (
        <ol className={styles.list}>
          {[...entries].reverse().map((e) => {
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
    </details>
  );
}
