/**
 * "Flytt": the coordinator chooses the goal a measure goes under. Made against the version the dialog
 * read; when someone else changed the measure meanwhile the service refuses (412), the dialog takes
 * the newer version, says so, and keeps the goal chosen, so one more press moves it.
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
  Select,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { GoalTableNode } from '../../../../bot/src/contract';
import { t, type Language } from '../../../../bot/src/contract';
import { api } from '../../api-client';
import { goalOfMeasure, goalsInOrder } from './upkeep-action';
import { newerVersionOf, useMeasureVersion } from './use-measure-version';

export function MoveMeasureDialog(props: {
  planId: string;
  measure: { id: string; number: string };
  goals: GoalTableNode[];
  lang: Language;
  onClose: () => void;
  onDone: (notice: string) => void;
}) {
  const { planId, measure, lang } = props;
  const [opener] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(() => () => opener?.focus(), [opener]);
  const { version, setVersion, loadError } = useMeasureVersion(planId, measure.id);
  const here = goalOfMeasure(props.goals, measure.id);
  const choices = goalsInOrder(props.goals).filter((g) => g.id !== here?.id);
  const [goalId, setGoalId] = useState(choices[0]?.id ?? '');
  const [error, setError] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (!version) return;
    setSaving(true);
    setError(undefined);
    try {
      await api.moveMeasure(planId, measure.id, goalId, version);
      const goal = choices.find((g) => g.id === goalId);
      props.onDone(t(lang, 'upkeep.moved', { number: measure.number, goal: goal?.number ?? '' }));
    } catch (e) {
      const newer = newerVersionOf(e);
      if (newer) {
        setVersion(newer);
        setConflict(true);
      } else setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const failure = error ?? loadError;
  return (
    <DialogBody>
      <DialogTitle>{t(lang, 'upkeep.moveTitle', { number: measure.number })}</DialogTitle>
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
        <Field label={t(lang, 'upkeep.moveTo')}>
          <Select value={goalId} onChange={(_e, d) => setGoalId(d.value)}>
            {choices.map((g) => (
              <option key={g.id} value={g.id}>
                {`${'\u2003'.repeat(g.level)}${g.number} ${g.text}`}
              </option>
            ))}
          </Select>
        </Field>
      </DialogContent>
      <DialogActions>
        <Button appearance="primary" disabled={!version || !goalId || saving} onClick={() => void save()}>
          {t(lang, 'upkeep.move')}
        </Button>
        <Button onClick={props.onClose}>{t(lang, 'upkeep.cancel')}</Button>
      </DialogActions>
    </DialogBody>
  );
}
