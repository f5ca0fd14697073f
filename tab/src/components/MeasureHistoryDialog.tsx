/** One measure's answers, period by period: what a click on a measure in the overview opens (in a ModalDialog). */
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
import { StatusBadge } from './StatusBadge';

// Fluent's Text is inline even as a <p>: the comment gets its own line, not run on after the date.
const useStyles = makeStyles({
  comment: { display: 'block', margin: `${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalS}` },
});

export function MeasureHistoryDialog(props: {
  planId: string;
  measureId: string;
  planLanguage: Language;
  lang: Language;
  onClose: () => void;
}) {
  const { lang } = props;
  const styles = useStyles();
  // Focus goes back to the button that opened the dialog.
  const [opener] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(() => () => opener?.focus(), [opener]);

  const { load } = useLoad(
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
      <DialogActions>
        <Button appearance="primary" onClick={props.onClose}>
          {t(lang, 'overview.close')}
        </Button>
      </DialogActions>
    </DialogBody>
  );
}
