/**
 * "Nytt tiltak" / "Nytt mål": a number (proposed by the service from its siblings, editable) and a
 * text, and for a measure who answers for it. Content of a ModalDialog: focus starts in it and goes
 * back to the button that opened it. A refusal (a number taken, say) keeps everything typed.
 */
import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Textarea,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { t, type Language } from '../../../../bot/src/contract';
import { api } from '../../api-client';

export function NewItemDialog(props: {
  planId: string;
  /** A measure goes under a goal; a goal under a goal, or at the top without one. */
  kind: 'measure' | 'goal';
  parent?: { id: string; number: string };
  lang: Language;
  onClose: () => void;
  /** What was added, in words for the page's live region. */
  onDone: (notice: string) => void;
}) {
  const { planId, kind, parent, lang } = props;
  const [opener] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(() => () => opener?.focus(), [opener]);
  const [number, setNumber] = useState('');
  const [text, setText] = useState('');
  const [responsible, setResponsible] = useState('');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  // The number the service proposes; one the person already typed is never overwritten.
  useEffect(() => {
    if (!parent) return;
    const controller = new AbortController();
    api.proposal(planId, parent.id, controller.signal).then(
      (p) => {
        const proposed = kind === 'measure' ? p.measure : p.goal;
        if (!controller.signal.aborted && proposed) setNumber((typed) => typed || proposed);
      },
      () => undefined, // no proposal: the person types the number
    );
    return () => controller.abort();
  }, [planId, parent, kind]);

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      if (kind === 'measure' && parent) {
        const saved = await api.addMeasure(planId, parent.id, {
          number: number.trim(),
          text: text.trim(),
          ...(responsible.trim() ? { responsibleText: responsible.trim() } : {}),
        });
        props.onDone(t(lang, 'upkeep.added', { number: saved.measure.number }));
      } else {
        await api.addGoal(planId, {
          ...(parent ? { parentId: parent.id } : {}),
          number: number.trim(),
          text: text.trim(),
        });
        props.onDone(t(lang, 'upkeep.goalAdded', { number: number.trim() }));
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const title =
    kind === 'measure'
      ? t(lang, 'upkeep.newMeasureUnder', { number: parent?.number ?? '' })
      : parent
        ? t(lang, 'upkeep.newGoalUnder', { number: parent.number })
        : t(lang, 'upkeep.newTopGoal');
  return (
    <DialogBody>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        {error && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{t(lang, 'upkeep.failed', { reason: error })}</MessageBarBody>
          </MessageBar>
        )}
        <Field label={t(lang, 'upkeep.number')} required {...(parent ? { hint: t(lang, 'upkeep.numberHint') } : {})}>
          <Input value={number} onChange={(_e, d) => setNumber(d.value)} />
        </Field>
        <Field label={t(lang, 'upkeep.text')} required>
          <Textarea value={text} resize="vertical" onChange={(_e, d) => setText(d.value)} />
        </Field>
        {kind === 'measure' && (
          <Field label={t(lang, 'upkeep.responsible')}>
            <Input value={responsible} onChange={(_e, d) => setResponsible(d.value)} />
          </Field>
        )}
      </DialogContent>
      <DialogActions>
        <Button appearance="primary" disabled={saving || !number.trim() || !text.trim()} onClick={() => void save()}>
          {t(lang, 'upkeep.add')}
        </Button>
        <Button onClick={props.onClose}>{t(lang, 'upkeep.cancel')}</Button>
      </DialogActions>
    </DialogBody>
  );
}
