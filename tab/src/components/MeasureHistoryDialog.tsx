/**
 * One measure's answers and the leadership meeting's decisions, period by period: what a click on a
 * measure in the overview opens (in a ModalDialog). A leader or the coordinator records a decision
 * or follow-up for the period shown from here (DecisionDialog, a dialog above this one).
 */
import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { MeasureHistory } from '../../../bot/src/contract';
import { formatOsloDateTime, periodLabel, t, type Language } from '../../../bot/src/contract';
import { api } from '../api-client';
import { useLoad } from '../data/use-load';
import { DecisionDialog } from './DecisionDialog';
import { ModalDialog } from './ModalDialog';
import { StatusBadge } from './StatusBadge';

// Fluent's Text is inline even as a <p>: the comment gets its own line, not run on after the date.
const useStyles = makeStyles({
  comment: { display: 'block', margin: `${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalS}` },
});

/** "Oppfølgingspunkt: … · Følges opp av Kari innen 15.03.2027": the kind first, so a listener hears it first. */
function decisionLine(lang: Language, d: MeasureHistory['periods'][number]['decisions'][number]): string {
  const who = [
    d.assignee ? t(lang, 'decision.who', { name: d.assignee.name }) : '',
    d.dueDate ? t(lang, 'decision.due', { date: d.dueDate.split('-').reverse().join('.') }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return [`${t(lang, `decision.kind.${d.kind}`)}: ${d.text}`, who].filter(Boolean).join(' · ');
}

export function MeasureHistoryDialog(props: {
  planId: string;
  measureId: string;
  planLanguage: Language;
  lang: Language;
  /** The period the overview shows: a decision recorded here belongs to it. */
  periodId?: string;
  onClose: () => void;
}) {
  const { lang } = props;
  const styles = useStyles();
  // Focus goes back to the button that opened the dialog.
  const [opener] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(() => () => opener?.focus(), [opener]);

  const [recording, setRecording] = useState(false);
  const [saved, setSaved] = useState<string>();
  const { load, reload } = useLoad(
    (signal) => api.history(props.planId, props.measureId, signal),
    `${props.planId}|${props.measureId}`,
  );
  const history: MeasureHistory | undefined = load.state === 'ready' ? load.value : undefined;
  const error =
    load.state === 'error' ? t(lang, 'overview.failed', { reason: (load.error as Error).message }) : undefined;

  return (
    <DialogBody>
      <DialogTitle>{t(lang, 'overview.history', { number: history?.measure.number ?? props.measureId })}</DialogTitle>
      <DialogContent>
        {!history && !error && <Spinner label={t(lang, 'tab.loading')} />}
        {error && <Text role="alert">{error}</Text>}
        {history && (
          <>
            <Text as="p" lang={props.planLanguage}>
              {history.measure.text}
            </Text>
            {history.periods.length === 0 && <Text as="p">{t(lang, 'overview.history.none')}</Text>}
            {history.periods.map((p) => (
              <section key={p.period.id} aria-labelledby={`history-${p.period.id}`}>
                <h3 id={`history-${p.period.id}`}>{periodLabel(props.planLanguage, p.period.id)}</h3>
                {p.decisions.length > 0 && (
                  <>
                    <h4>{t(lang, 'decision.heading')}</h4>
                    <ul>
                      {p.decisions.map((d) => (
                        <li key={d.id}>
                          <span lang={props.planLanguage}>{decisionLine(lang, d)}</span>
                          <Text as="p" className={styles.comment}>
                            {t(lang, 'decision.recorded', {
                              name: d.recordedBy.name,
                              date: formatOsloDateTime(d.recordedAt).date,
                            })}
                          </Text>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                <ul>
                  {p.answers.map((a, i) => (
                    <li key={i}>
                      <StatusBadge status={a.status} lang={lang} />{' '}
                      {t(lang, 'overview.history.answer', {
                        who: a.answeredFor
                          ? t(lang, 'overview.history.for', { name: a.reportedBy, absent: a.answeredFor })
                          : a.reportedBy,
                        date: formatOsloDateTime(a.reportedAt).date,
                      })}
                      {a.value !== undefined && ` · ${a.value.toLocaleString('nb-NO')}`}
                      {a.comment && (
                        <Text as="p" className={styles.comment} lang={props.planLanguage}>
                          {a.comment}
                        </Text>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </>
        )}
      </DialogContent>
      <p role="status">{saved}</p>
      <DialogActions>
        {history?.permissions.recordDecision && props.periodId && (
          <Button onClick={() => setRecording(true)}>{t(lang, 'decision.record')}</Button>
        )}
        <Button appearance="primary" onClick={props.onClose}>
          {t(lang, 'overview.close')}
        </Button>
      </DialogActions>
      <ModalDialog open={recording} onClose={() => setRecording(false)}>
        {recording && history && props.periodId && (
          <DecisionDialog
            planId={props.planId}
            measure={{ id: history.measure.id, number: history.measure.number }}
            periodId={props.periodId}
            planLanguage={props.planLanguage}
            lang={lang}
            onClose={() => setRecording(false)}
            onSaved={(d) => {
              setSaved(
                t(lang, 'decision.saved', { kind: t(lang, `decision.kind.${d.kind}`), number: history.measure.number }),
              );
              setRecording(false);
              reload({ quiet: true });
            }}
          />
        )}
      </ModalDialog>
    </DialogBody>
  );
}
