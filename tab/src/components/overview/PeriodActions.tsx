/**
 * What can be done with the period shown: open meeting mode, download its report, and for the
 * coordinators lock it (once its deadline has passed, after a confirmation that says what locking
 * does, since it cannot be undone without a reason on record) or open it again with a reason.
 */
import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  Field,
  makeStyles,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { MeasureFilter, OverviewResponse } from '../../../../bot/src/contract';
import { formatOsloDateTime, isFiltered, periodLabel, t, type Language } from '../../../../bot/src/contract';
import { api } from '../../api-client';
import { ModalDialog } from '../ModalDialog';
import type { Notice } from '../panel';

/** The report's formats, each its own download: Word goes into the case document (saksframlegg). */
const REPORT_BUTTONS = [
  ['xlsx', 'overview.exportXlsx'],
  ['pdf', 'overview.exportPdf'],
  ['docx', 'overview.exportDocx'],
] as const;

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
});

export function PeriodActions(props: {
  overview: OverviewResponse;
  /** The goal table's filter: the report is narrowed by it as the overview is. */
  filter: MeasureFilter;
  lang: Language;
  onMeeting: () => void;
  /** Runs an action; its outcome (or failure) is shown and the overview loaded again. */
  act: (action: () => Promise<string | Notice>) => void;
  onNotice: (notice: Notice) => void;
}) {
  const { overview, lang, act } = props;
  const styles = useStyles();
  const [reopening, setReopening] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const planId = overview.plan.id;
  const period = overview.period.id;
  const failed = (e: unknown) =>
    props.onNotice({ intent: 'error', text: t(lang, 'overview.failed', { reason: (e as Error).message }) });

  const lock = async (): Promise<string | Notice> => {
    const outcome = await api.lockPeriod(planId, period);
    // Locked either way; a report SharePoint did not take is the coordinator's to file.
    if (outcome.filingFailed)
      return { intent: 'warning', text: t(lang, 'overview.filingFailed', { reason: outcome.filingFailed }) };
    return [t(lang, 'overview.lockDone'), outcome.filedAt ? t(lang, 'overview.filed') : ''].join(' ').trim();
  };

  return (
    <>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={props.onMeeting}>
          {t(lang, 'overview.meeting')}
        </Button>
        {REPORT_BUTTONS.map(([format, label]) => (
          <Button
            key={format}
            onClick={() => void api.downloadReport(planId, period, format, props.filter).catch(failed)}
          >
            {t(lang, label)}
          </Button>
        ))}
        {overview.permissions.lock && !overview.lock && overview.lockable && (
          <Button onClick={() => setConfirming(true)}>{t(lang, 'overview.lock')}</Button>
        )}
        {overview.permissions.lock && overview.lock && !reopening && (
          <Button onClick={() => setReopening(true)}>{t(lang, 'overview.reopen')}</Button>
        )}
      </div>
      {isFiltered(props.filter) && (
        <Text>
          {t(lang, 'report.filter.download', {
            filter: [props.filter.owner, props.filter.sector, props.filter.role].filter(Boolean).join(', '),
          })}
        </Text>
      )}
      {overview.permissions.lock && !overview.lock && !overview.lockable && (
        <Text>
          {t(lang, 'overview.lockLater', { date: formatOsloDateTime(`${overview.period.end}T12:00:00Z`).date })}
        </Text>
      )}
      <ModalDialog open={confirming} onClose={() => setConfirming(false)}>
        <DialogBody>
          <DialogTitle>
            {t(lang, 'overview.lockConfirm.title', { period: periodLabel(overview.plan.language, period) })}
          </DialogTitle>
          <DialogContent>{t(lang, 'overview.lockConfirm.body')}</DialogContent>
          <DialogActions>
            {/* First, as in Fluent's own dialogs, so the focus starts on the choice that changes
                nothing: Enter pressed by habit must not lock the period. */}
            <Button onClick={() => setConfirming(false)}>{t(lang, 'overview.cancel')}</Button>
            <Button
              appearance="primary"
              onClick={() => {
                setConfirming(false);
                act(lock);
              }}
            >
              {t(lang, 'overview.lock')}
            </Button>
          </DialogActions>
        </DialogBody>
      </ModalDialog>
      {reopening && (
        <ReopenForm
          lang={lang}
          onCancel={() => setReopening(false)}
          onReopen={(reason) =>
            act(async () => {
              await api.reopenPeriod(planId, period, reason);
              setReopening(false);
              return t(lang, 'overview.reopenDone');
            })
          }
        />
      )}
    </>
  );
}

function ReopenForm(props: { lang: Language; onCancel: () => void; onReopen: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        props.onReopen(reason);
      }}
    >
      <Field label={t(props.lang, 'overview.reopenReason')} required>
        <Textarea value={reason} maxLength={500} onChange={(_e, d) => setReason(d.value)} />
      </Field>
      <Button type="submit" appearance="primary" disabled={!reason.trim()}>
        {t(props.lang, 'overview.reopen')}
      </Button>{' '}
      <Button onClick={props.onCancel}>{t(props.lang, 'overview.close')}</Button>
    </form>
  );
}
