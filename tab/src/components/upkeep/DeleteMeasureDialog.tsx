/**
 * "Slett": the coordinator confirms removing a measure. The service deletes only a measure without
 * reports; for one with reports it refuses, and the dialog shows the service's words and offers to
 * close (avslutte) the measure instead, with a reason, keeping its history. Both are made against the
 * version read; a newer one (412) is taken, said, and the reason typed stays.
 */
import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { t, type Language } from '../../../../bot/src/contract';
import { api, ApiRequestError, MeasureConflict } from '../../api-client';
import { newerVersionOf, useMeasureVersion } from './use-measure-version';

export function DeleteMeasureDialog(props: {
  planId: string;
  measure: { id: string; number: string };
  lang: Language;
  onClose: () => void;
  onDone: (notice: string) => void;
}) {
  const { planId, measure, lang } = props;
  const [opener] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(() => () => opener?.focus(), [opener]);
  const { version, setVersion, loadError } = useMeasureVersion(planId, measure.id);
  /** The service's refusal because the measure has reports: from then on the dialog offers closing. */
  const [hasReports, setHasReports] = useState<string>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);

  const attempt = async (work: (version: string) => Promise<string>) => {
    if (!version) return;
    setSaving(true);
    setError(undefined);
    try {
      props.onDone(await work(version));
    } catch (e) {
      const newer = e instanceof MeasureConflict ? e.current.version : newerVersionOf(e);
      if (newer) {
        setVersion(newer);
        setConflict(true);
      } else if (e instanceof ApiRequestError && e.code === 'measure_has_reports') setHasReports(e.message);
      else setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  const remove = () =>
    attempt(async (v) => {
      await api.deleteMeasure(planId, measure.id, v);
      return t(lang, 'upkeep.deleted', { number: measure.number });
    });
  const close = () =>
    attempt(async (v) => {
      await api.saveMeasure(planId, measure.id, { closed: { reason: reason.trim() } }, v);
      return t(lang, 'upkeep.closedDone', { number: measure.number });
    });

  const failure = error ?? loadError;
  return (
    <DialogBody>
      <DialogTitle>{t(lang, 'upkeep.deleteTitle', { number: measure.number })}</DialogTitle>
      <DialogContent>
        {conflict && (
          <MessageBar intent="warning" role="alert">
            <MessageBarBody>{t(lang, 'upkeep.conflict')}</MessageBarBody>
          </MessageBar>
        )}
        {failure && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{t(lang, 'upkeep.failed', { reason: failure })}</MessageBarBody>
          </MessageBar>
        )}
        {hasReports ? (
          <>
            <MessageBar intent="warning" role="alert">
              <MessageBarBody>
                {hasReports} {t(lang, 'upkeep.closeInstead')}
              </MessageBarBody>
            </MessageBar>
            <Field label={t(lang, 'upkeep.closeReason')} required>
              <Textarea value={reason} resize="vertical" onChange={(_e, d) => setReason(d.value)} />
            </Field>
          </>
        ) : (
          <Text as="p">{t(lang, 'upkeep.deleteWarning')}</Text>
        )}
      </DialogContent>
      <DialogActions>
        {hasReports ? (
          <Button appearance="primary" disabled={!version || saving || !reason.trim()} onClick={() => void close()}>
            {t(lang, 'upkeep.close')}
          </Button>
        ) : (
          <Button appearance="primary" disabled={!version || saving} onClick={() => void remove()}>
            {t(lang, 'upkeep.deleteConfirm')}
          </Button>
        )}
        <Button onClick={props.onClose}>{t(lang, 'upkeep.cancel')}</Button>
      </DialogActions>
    </DialogBody>
  );
}
