/**
 * The plan's reminder round for coordinators and leaders: how far it has come (a progress bar with
 * its numbers in words), who has not answered, who could not be reached and why. Coordinators start
 * a round, remind those who have not answered, pause, resume or cancel. Refreshes itself while the
 * round sends.
 */
import { Button, Field, Input, makeStyles, ProgressBar, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { GoalTableReach, RoundProgress } from '../../../bot/src/contract';
import { formatOsloDateTime, formatWhen, periodLabel, t, type Language } from '../../../bot/src/contract';
import { api } from '../api-client';
import { useLoad } from '../data/use-load';
import { dateProblem, NoticeBar, osloDay, StaleNotice, usePanelStyles, type Notice } from './panel';
import { ReachNotice } from './ReachNotice';
import { isUnconfirmed, reasonText, sentBy } from './round-delivery';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export function RoundPanel(props: {
  planId: string;
  planLanguage: Language;
  lang: Language;
  canRun: boolean;
  /** For coordinators: what no round reaches. */
  reach?: GoalTableReach | undefined;
}) {
  const { planId, lang, canRun } = props;
  const styles = { ...usePanelStyles(), ...useStyles() };
  const { load: loaded, reload } = useLoad(async (signal) => (await api.latestRound(planId, signal)) ?? null, planId);
  const progress: RoundProgress | null | undefined = loaded.state === 'ready' ? loaded.value : undefined;
  const [message, setMessage] = useState<Notice>();
  const [busy, setBusy] = useState(false);
  const loadError = loaded.state === 'error' ? loaded.error : undefined;
  useEffect(() => {
    if (loadError)
      setMessage({ intent: 'error', text: t(lang, 'round.failed', { reason: (loadError as Error).message }) });
  }, [loadError, lang]);

  // While cards are still going out, look again every two seconds.
  const sending = progress?.round.state === 'running' && progress.counts.pending > 0;
  useEffect(() => {
    if (!sending) return;
    const timer = setInterval(() => reload({ quiet: true }), 2000);
    return () => clearInterval(timer);
  }, [sending, reload]);

  const act = async (action: () => Promise<string | undefined>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const done = await action();
      if (done) setMessage({ intent: 'success', text: done });
      reload({ quiet: true });
    } catch (e) {
      setMessage({ intent: 'error', text: t(lang, 'round.failed', { reason: (e as Error).message }) });
    } finally {
      setBusy(false);
    }
  };

  if (progress === undefined) {
    return loaded.state === 'loading' ? <Spinner label={t(lang, 'tab.loading')} /> : <NoticeBar notice={message} />;
  }
  const counts = progress?.counts;
  const recipients = progress?.recipients ?? [];
  const notAnswered = recipients.filter((r) => !r.answered && r.delivery !== 'unreachable');
  const partly = notAnswered.filter((r) => r.answer === 'partly');
  const unreachable = recipients.filter((r) => r.delivery === 'unreachable');
  const skipped = recipients.filter((r) => r.delivery === 'skipped');
  const waiting = recipients.filter((r) => r.sendsAt);
  // Only those who have not answered: an answer shows the card did arrive.
  const unconfirmed = notAnswered.filter(isUnconfirmed);
  const now = new Date();
  const state = progress?.round.state;

  return (
    <section className={styles.panel} aria-labelledby="round-heading">
      <h2 id="round-heading" className={styles.heading}>
        {t(lang, 'round.title')}
        {state ? ` – ${t(lang, `round.state.${state}`)}` : ''}
      </h2>
      <NoticeBar notice={message} />
      <StaleNotice lang={lang} error={loaded.state === 'ready' ? loaded.error : undefined} />
      <ReachNotice reach={props.reach} lang={lang} />
      {!progress && <Text>{t(lang, 'round.none')}</Text>}
      {progress && counts && (
        <>
          <Text>
            {t(lang, 'round.started', {
              date: formatOsloDateTime(progress.round.startedAt).date,
              name: progress.round.startedBy.name,
              period: periodLabel(props.planLanguage, progress.round.periodId),
            })}
          </Text>
          <Field
            label={t(lang, 'round.progressLabel', { sent: counts.sent + counts.unreachable, total: counts.recipients })}
            hint={`${t(lang, 'round.counts', counts)} · ${t(lang, 'round.countsPartly', { partly: counts.partlyAnswered, skipped: counts.skipped })}`}
          >
            <ProgressBar
              value={counts.recipients ? (counts.sent + counts.unreachable) / counts.recipients : 1}
              thickness="large"
            />
          </Field>
          <ScheduleEditor
            key={JSON.stringify(progress.round.schedule)}
            schedule={progress.round.schedule}
            lang={lang}
            editable={canRun && (state === 'running' || state === 'paused')}
            onSave={(schedule) =>
              void act(async () => (await api.reschedule(planId, schedule), t(lang, 'round.schedule.saved')))
            }
          />
          <details>
            <summary>{t(lang, 'round.notAnswered', { count: notAnswered.length - partly.length })}</summary>
            <ul className={styles.list}>
              {notAnswered
                .filter((r) => r.answer !== 'partly')
                .map((r) => (
                  <li key={r.userId}>
                    {r.name}
                    {r.substitute ? ` (${t(lang, 'round.viaSubstitute', { name: r.substitute })})` : ''}
                    {sentBy(lang, r)}
                  </li>
                ))}
            </ul>
          </details>
          {partly.length > 0 && (
            <details>
              <summary>{t(lang, 'round.partlyAnswered', { count: partly.length })}</summary>
              <ul className={styles.list}>
                {partly.map((r) => (
                  <li key={r.userId}>
                    {r.name}: {t(lang, 'round.answeredOf', r.measures)}
                    {sentBy(lang, r)}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {unconfirmed.length > 0 && (
            <details>
              <summary>{t(lang, 'round.unconfirmedTitle', { count: unconfirmed.length })}</summary>
              <Text as="p" id="round-unconfirmed-why">
                {t(lang, 'round.unconfirmedExplained')}
              </Text>
              <ul className={styles.list} aria-describedby="round-unconfirmed-why">
                {unconfirmed.map((r) => (
                  <li key={r.userId}>{r.name}</li>
                ))}
              </ul>
            </details>
          )}
          {waiting.length > 0 && (
            <details>
              <summary>{t(lang, 'round.waiting', { count: waiting.length })}</summary>
              <ul className={styles.list}>
                {waiting.map((r) => (
                  <li key={r.userId}>
                    {r.name}: {t(lang, 'round.sendsAt', { when: formatWhen(lang, r.sendsAt ?? '', now) })}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {skipped.length > 0 && (
            <details>
              <summary>{t(lang, 'round.skipped', { count: skipped.length })}</summary>
              <ul className={styles.list}>
                {skipped.map((r) => (
                  <li key={r.userId}>
                    {r.name}: {t(lang, 'round.reason.up-to-date')}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {unreachable.length > 0 && (
            <details>
              <summary>{t(lang, 'round.unreachable', { count: unreachable.length })}</summary>
              <ul className={styles.list}>
                {unreachable.map((r) => (
                  <li key={r.userId}>
                    {r.name}: {r.reason ? reasonText(lang, r.reason) : ''}
                    {r.channel === 'email' ? ` (${t(lang, 'round.channel.email')})` : ''}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      {canRun && (
        <div className={styles.actions}>
          {(!progress || state === 'cancelled' || state === 'done') && (
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => void act(async () => (await api.startRound(planId), undefined))}
            >
              {t(lang, 'round.start')}
            </Button>
          )}
          {state === 'running' && notAnswered.some((r) => r.delivery === 'sent') && (
            <Button
              disabled={busy}
              onClick={() => void act(async () => t(lang, 'round.nudged', { count: (await api.nudge(planId)).added }))}
            >
              {t(lang, 'round.nudge')}
            </Button>
          )}
          {state === 'running' && (
            <Button
              disabled={busy}
              onClick={() => void act(async () => (await api.setRoundState(planId, 'paused'), undefined))}
            >
              {t(lang, 'round.pause')}
            </Button>
          )}
          {state === 'paused' && (
            <Button
              disabled={busy}
              onClick={() => void act(async () => (await api.setRoundState(planId, 'running'), undefined))}
            >
              {t(lang, 'round.resume')}
            </Button>
          )}
          {(state === 'running' || state === 'paused') && (
            <Button
              disabled={busy}
              onClick={() => void act(async () => (await api.setRoundState(planId, 'cancelled'), undefined))}
            >
              {t(lang, 'round.cancel')}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

type Schedule = RoundProgress['round']['schedule'];
const STEPS = ['firstAt', 'secondAt', 'escalateAt'] as const;

/** The round's three dates; coordinators may move them (a date's step goes out that day from 10:00). */
function ScheduleEditor(props: {
  schedule: Schedule;
  lang: Language;
  editable: boolean;
  onSave: (s: Schedule) => void;
}) {
  const { lang } = props;
  const [dates, setDates] = useState(() => Object.fromEntries(STEPS.map((k) => [k, osloDay(props.schedule[k])])));
  const [tried, setTried] = useState(false);
  const problem = (k: (typeof STEPS)[number]) => (tried ? dateProblem(lang, dates[k] ?? '') : undefined);
  if (!props.editable) {
    return (
      <Text>
        {STEPS.map((k) => `${t(lang, `round.schedule.${k}`)}: ${formatOsloDateTime(props.schedule[k]).date}`).join(
          ' · ',
        )}
      </Text>
    );
  }
  return (
    <fieldset>
      <legend>{t(lang, 'round.schedule.title')}</legend>
      {STEPS.map((k) => (
        <Field
          key={k}
          label={t(lang, `round.schedule.${k}`)}
          {...(problem(k) ? { validationMessage: problem(k), validationState: 'error' as const } : {})}
        >
          <Input type="date" value={dates[k] ?? ''} onChange={(_e, d) => setDates({ ...dates, [k]: d.value })} />
        </Field>
      ))}
      <Button
        onClick={() => {
          setTried(true);
          if (STEPS.some((k) => dateProblem(lang, dates[k] ?? ''))) return;
          props.onSave(Object.fromEntries(STEPS.map((k) => [k, `${dates[k]}T09:00:00.000Z`])) as unknown as Schedule);
        }}
      >
        {t(lang, 'round.schedule.save')}
      </Button>
    </fieldset>
  );
}
