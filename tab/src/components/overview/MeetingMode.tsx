/**
 * Meeting mode for the projector: one goal at a time in large type, only the rows the meeting
 * talks about (delayed, not started, not reported). Arrow keys or Page Up/Down step through the
 * goals, Home/End jump, Esc leaves; each step is announced, and focus stays in the view. On a
 * Teams meeting's stage there is nothing to leave to: without `onExit` it has no exit. A leader or
 * the coordinator records a decision or follow-up on a row (DecisionDialog) as the meeting takes it.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { OverviewResponse, OverviewStatus } from '../../../../bot/src/contract';
import { periodLabel, t, type Language } from '../../../../bot/src/contract';
import { countsText, StatusBar } from './status-bar';
import { DecisionDialog } from '../DecisionDialog';
import { ModalDialog } from '../ModalDialog';
import { StatusBadge } from '../StatusBadge';

const DISCUSSED: OverviewStatus[] = ['delayed', 'not_started', 'not_reported'];

const useStyles = makeStyles({
  overlay: {
    position: 'fixed',
    inset: 0,
    overflowY: 'auto',
    zIndex: 1000,
    background: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    padding: '2rem 3rem',
    fontSize: '1.6rem',
    lineHeight: 1.4,
  },
  top: { display: 'flex', justifyContent: 'space-between', gap: '1rem', flexWrap: 'wrap', alignItems: 'center' },
  heading: { fontSize: '2.4rem', margin: '1rem 0' },
  rows: { listStyle: 'none', padding: 0, '& li': { margin: '0.75rem 0' } },
  row: { background: 'none', border: 'none', font: 'inherit', color: 'inherit', cursor: 'pointer', textAlign: 'left' },
});

export function MeetingMode(props: {
  overview: OverviewResponse;
  lang: Language;
  onExit?: () => void;
  onOpen: (measureId: string) => void;
}) {
  const { overview, lang } = props;
  const styles = useStyles();
  const [index, setIndex] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const overlay = useRef<HTMLDivElement>(null);
  const [recording, setRecording] = useState<{ id: string; number: string }>();
  const [saved, setSaved] = useState<string>();
  const goals = overview.goals;
  const goal = goals[index];

  // The step is read out and the next arrow press works from the heading.
  useEffect(() => heading.current?.focus(), [index]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    // Keys typed in the decision dialog (a portal, outside this element) are the dialog's own.
    if (!overlay.current?.contains(e.target as Node)) return;
    const last = goals.length - 1;
    const to: Record<string, number> = {
      ArrowRight: Math.min(last, index + 1),
      PageDown: Math.min(last, index + 1),
      ArrowLeft: Math.max(0, index - 1),
      PageUp: Math.max(0, index - 1),
      Home: 0,
      End: last,
    };
    if (e.key === 'Escape' && props.onExit) {
      e.preventDefault();
      props.onExit();
    } else if (e.key in to) {
      e.preventDefault();
      setIndex(to[e.key] ?? index);
    }
  };

  if (!goal) return null;
  const rows = goal.measures.filter((m) => DISCUSSED.includes(m.status));
  return (
    <div
      ref={overlay}
      className={styles.overlay}
      role="dialog"
      aria-modal="true"
      aria-labelledby="meeting-goal"
      onKeyDown={onKeyDown}
    >
      <div className={styles.top}>
        <span aria-live="polite">
          {overview.plan.title} · {periodLabel(overview.plan.language, overview.period.id)} ·{' '}
          {t(lang, 'overview.meetingGoal', { index: index + 1, count: goals.length })}
        </span>
        <span>
          <Button
            size="large"
            disabled={index === 0}
            onClick={() => setIndex(index - 1)}
            aria-label={t(lang, 'overview.previousGoal')}
          >
            ←
          </Button>{' '}
          <Button
            size="large"
            disabled={index === goals.length - 1}
            onClick={() => setIndex(index + 1)}
            aria-label={t(lang, 'overview.nextGoal')}
          >
            →
          </Button>{' '}
          {props.onExit && (
            <Button size="large" appearance="primary" onClick={props.onExit}>
              {t(lang, 'overview.meetingExit')}
            </Button>
          )}
        </span>
      </div>
      <p>{t(lang, props.onExit ? 'overview.meetingHelp' : 'meeting.stageHelp')}</p>
      <p role="status">{saved}</p>
      <h2 id="meeting-goal" ref={heading} tabIndex={-1} className={styles.heading} lang={overview.plan.language}>
        {goal.number} {goal.text}
      </h2>
      <StatusBar counts={goal.counts} lang={lang} label={`${goal.number} ${goal.text}`} />
      <p>{countsText(lang, goal.counts)}</p>
      {rows.length === 0 ? (
        <p>{t(lang, 'overview.meetingNothing')}</p>
      ) : (
        <ul className={styles.rows}>
          {rows.map((m) => (
            <li key={m.id}>
              <StatusBadge status={m.status === 'not_reported' ? undefined : m.status} lang={lang} />{' '}
              <button type="button" className={styles.row} onClick={() => props.onOpen(m.id)}>
                <strong>{m.number}</strong> <span lang={overview.plan.language}>{m.text}</span>
              </button>
              {overview.permissions.recordDecision && (
                <>
                  {' '}
                  <Button
                    size="small"
                    onClick={() => setRecording({ id: m.id, number: m.number })}
                    aria-label={t(lang, 'decision.recordFor', { number: m.number })}
                  >
                    {t(lang, 'decision.record')}
                  </Button>
                </>
              )}
              {m.comment && <div lang={overview.plan.language}>{m.comment}</div>}
            </li>
          ))}
        </ul>
      )}
      <ModalDialog open={Boolean(recording)} onClose={() => setRecording(undefined)}>
        {recording && (
          <DecisionDialog
            planId={overview.plan.id}
            measure={recording}
            periodId={overview.period.id}
            planLanguage={overview.plan.language}
            lang={lang}
            onClose={() => setRecording(undefined)}
            onSaved={(d) => {
              setSaved(
                t(lang, 'decision.saved', { kind: t(lang, `decision.kind.${d.kind}`), number: recording.number }),
              );
              setRecording(undefined);
            }}
          />
        )}
      </ModalDialog>
    </div>
  );
}
