/**
 * "Mine tiltak": the signed-in person reports on the measures they answer for, with the same
 * rules as the chat card (the service runs the card's use case). Measures needing an answer come
 * first, grouped by goal; each saves on its own, or all changed ones at once. What is saved stays
 * where it is on the page (no jumping while someone works down the list) and shows its new answer.
 */
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { MyAnswer, MyMeasure, MyMeasuresResponse } from '../../../bot/src/contract';
import { periodLabel, t, type Language } from '../../../bot/src/contract';
import { api, ApiRequestError } from '../api-client';
import { draftOf, entryOf, isChanged, type Draft, type ProblemField, type ReportEntry } from '../data/my-measures';
import { useLoad } from '../data/use-load';
import { ErrorBar } from './ErrorBar';
import { MyMeasureForm } from './MyMeasureForm';
import { NoticeBar, StaleNotice, usePanelStyles, type Notice } from './panel';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  groupHeading: { margin: 0, fontSize: tokens.fontSizeBase400, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

type Problem = { field: ProblemField; text: string };

export function MyMeasuresView(props: {
  planId: string;
  periodId?: string;
  lang: Language;
  /** Something was stored: the goal table and its counts are out of date. */
  onReported?: () => void;
}) {
  const { planId, periodId, lang } = props;
  const styles = { ...usePanelStyles(), ...useStyles() };
  const { load, reload } = useLoad((signal) => api.myMeasures(planId, periodId, signal), `${planId}|${periodId}`);
  const data: MyMeasuresResponse | undefined = load.state === 'ready' ? load.value : undefined;
  // What was saved here since the list came: shown in place of the answer the list came with.
  const [saved, setSaved] = useState<Record<string, MyAnswer>>({});
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const [notices, setNotices] = useState<Record<string, Notice>>({});
  const [notice, setNotice] = useState<Notice>();
  const [busy, setBusy] = useState(false);
  // A save that got no answer is sent again under the same key, so it is never stored twice.
  const unanswered = useRef<{ body: string; key: string }>();

  if (!data) {
    if (load.state === 'error') return <ErrorBar lang={lang} error={load.error} onRetry={() => reload()} />;
    return <Spinner label={t(lang, 'tab.loading')} />;
  }
  const measures = data.groups.flatMap((g) => g.measures).map((m) => withSaved(m, saved[m.id]));
  const byId = new Map(measures.map((m) => [m.id, m]));
  const draftFor = (m: MyMeasure) => drafts[m.id] ?? draftOf(m.current);
  const changed = measures.filter((m) => isChanged(draftFor(m), m.current));
  const readOnly = data.state !== 'open';
  const answered = measures.filter((m) => m.current).length;

  const save = async (ids: string[], scope: string | undefined) => {
    const entries: ReportEntry[] = [];
    const found: Record<string, Problem> = {};
    for (const id of ids) {
      const m = byId.get(id);
      if (!m) continue;
      const made = entryOf(lang, m, draftFor(m));
      if ('entry' in made) entries.push(made.entry);
      else found[id] = made.problem;
    }
    setProblems((before) => ({ ...withoutKeys(before, ids), ...found }));
    const say = (n: Notice) =>
      scope ? setNotices((before) => ({ ...before, [scope]: n })) : (setNotice(n), setNotices({}));
    if (Object.keys(found).length > 0) {
      say({ intent: 'error', text: t(lang, 'mine.failed', { reason: Object.values(found)[0]?.text ?? '' }) });
      return;
    }
    const report = { periodId: data.period.id, entries };
    const body = JSON.stringify(report);
    const key = unanswered.current?.body === body ? unanswered.current.key : crypto.randomUUID();
    unanswered.current = { body, key };
    setBusy(true);
    try {
      const result = await api.reportMine(planId, report, key);
      unanswered.current = undefined;
      setSaved((before) => ({ ...before, ...result.answers }));
      setDrafts((before) => withoutKeys(before, ids));
      props.onReported?.();
      say({ intent: 'success', text: t(lang, 'mine.saved', { count: entries.length }) });
    } catch (error) {
      // The service refused it (and stored nothing): a new attempt is a new save.
      if (error instanceof ApiRequestError && error.status > 0) unanswered.current = undefined;
      say({ intent: 'error', text: t(lang, 'mine.failed', { reason: reasonOf(error) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.panel} aria-labelledby="mine-heading">
      <h2 id="mine-heading" className={styles.heading}>
        {t(lang, 'mine.tab')}
      </h2>
      <StaleNotice lang={lang} error={load.state === 'ready' ? load.error : undefined} />
      {measures.length === 0 ? (
        <Text>{t(lang, 'mine.none')}</Text>
      ) : (
        <Text role="status">
          {t(lang, 'mine.intro', {
            period: periodLabel(lang, data.period.id),
            count: measures.length,
            answered,
          })}
        </Text>
      )}
      {readOnly && measures.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t(lang, data.state === 'locked' ? 'mine.locked' : 'mine.future')}</MessageBarBody>
        </MessageBar>
      )}
      {data.groups.map((group) => (
        <div key={`${group.needsAnswer}-${group.goal.number}`} className={styles.group}>
          <h3 className={styles.groupHeading}>
            {t(lang, group.needsAnswer ? 'card.groupNeedsAnswer' : 'card.groupAnswered', {
              goal: `${group.goal.number} ${group.goal.text}`.trim(),
            })}
          </h3>
          {group.measures.map(({ id }) => {
            const m = byId.get(id);
            if (!m) return null;
            return (
              <MyMeasureForm
                key={id}
                measure={m}
                draft={draftFor(m)}
                lang={lang}
                readOnly={readOnly}
                busy={busy}
                problem={problems[id]}
                notice={notices[id]}
                onChange={(draft) => setDrafts((before) => ({ ...before, [id]: draft }))}
                onSave={() => void save([id], id)}
              />
            );
          })}
        </div>
      ))}
      {!readOnly && measures.length > 0 && (
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={changed.length === 0 || busy}
            onClick={() =>
              void save(
                changed.map((m) => m.id),
                undefined,
              )
            }
          >
            {t(lang, 'mine.saveAll', { count: changed.length })}
          </Button>
          {busy && <Spinner size="tiny" label={t(lang, 'mine.saving')} />}
        </div>
      )}
      <NoticeBar notice={notice} />
    </section>
  );
}

function withSaved(m: MyMeasure, answer: MyAnswer | undefined): MyMeasure {
  return answer ? { ...m, current: answer } : m;
}

function withoutKeys<T>(record: Record<string, T>, keys: string[]): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !keys.includes(k)));
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
