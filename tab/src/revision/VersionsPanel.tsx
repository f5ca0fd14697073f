/**
 * The plan's earlier versions (everyone who sees the plan): a list, and one opened read only with
 * the reports of the period, which stay with their measures by id through every revision.
 */
import { Button, Spinner, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { formatOsloDateTime, t, type Language } from '../../../bot/src/contract';
import { GoalTableView } from '../components/GoalTableView';
import { NoticeBar, usePanelStyles } from '../components/panel';
import { useLoad } from '../data/use-load';
import { revisionApi } from './revision-api';

/** `periodId`: the period chosen above the tabs, whose reports the opened version shows. */
export function VersionsPanel(props: { planId: string; lang: Language; periodId?: string }) {
  const { planId, lang } = props;
  const styles = usePanelStyles();
  const list = useLoad((signal) => revisionApi.versions(planId, signal), planId);
  const [open, setOpen] = useState<number>();
  const version = useLoad(
    open === undefined ? undefined : (signal) => revisionApi.version(planId, open, props.periodId, signal),
    `${planId}|${open ?? ''}|${props.periodId ?? ''}`,
  );
  const failed = (error: unknown) => (
    <NoticeBar notice={{ intent: 'error', text: t(lang, 'tab.loadFailed', { reason: (error as Error).message }) }} />
  );
  return (
    <section className={styles.panel} aria-labelledby="versions-heading">
      <h2 id="versions-heading" className={styles.heading}>
        {t(lang, 'versions.title')}
      </h2>
      {list.load.state === 'loading' && <Spinner size="tiny" label={t(lang, 'tab.loading')} />}
      {list.load.state === 'error' && failed(list.load.error)}
      {list.load.state === 'ready' && (
        <>
          <Text>{t(lang, 'versions.current', { number: list.load.value.current })}</Text>
          {list.load.value.versions.length === 0 ? (
            <Text>{t(lang, 'versions.none')}</Text>
          ) : (
            <ul className={styles.list}>
              {[...list.load.value.versions].reverse().map((v) => (
                <li key={v.number}>
                  {t(lang, 'versions.entry', {
                    number: v.number,
                    title: v.title,
                    measures: v.measures,
                    date: formatOsloDateTime(v.archivedAt).date,
                    name: v.archivedBy.name,
                  })}{' '}
                  <Button size="small" aria-expanded={open === v.number} onClick={() => setOpen(v.number)}>
                    {t(lang, 'versions.open', { number: v.number })}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {open !== undefined && (
        <div role="region" aria-labelledby="version-viewing">
          {version.load.state === 'loading' && <Spinner size="tiny" label={t(lang, 'tab.loading')} />}
          {version.load.state === 'error' && failed(version.load.error)}
          {version.load.state === 'ready' && (
            <>
              <Text id="version-viewing" role="status">
                {t(lang, 'versions.viewing', {
                  number: version.load.value.number,
                  date: formatOsloDateTime(version.load.value.archivedAt).date,
                })}
              </Text>{' '}
              <Button size="small" onClick={() => setOpen(undefined)}>
                {t(lang, 'versions.close')}
              </Button>
              <GoalTableView table={version.load.value.table} uiLang={lang} />
            </>
          )}
        </div>
      )}
    </section>
  );
}
