/**
 * A measure of the draft renumbered or reworded. Its own small dialog rather than the plan's
 * MeasureEditDialog, which loads and saves a measure of the plan in force; only what changed is sent.
 */
import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  Field,
  Input,
  Textarea,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { DraftMeasureRequest } from '../../../bot/src/contract';
import { t, type Language } from '../../../bot/src/contract';

export function DraftMeasureDialog(props: {
  lang: Language;
  measure: { number: string; text: string };
  onClose: () => void;
  onSave: (edit: DraftMeasureRequest) => void;
}) {
  const { lang, measure } = props;
  const [number, setNumber] = useState(measure.number);
  const [text, setText] = useState(measure.text);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const edit: DraftMeasureRequest = {};
    if (number.trim() !== measure.number) edit.number = number.trim();
    if (text !== measure.text) edit.text = text;
    if (Object.keys(edit).length === 0) return props.onClose();
    props.onSave(edit);
  };
  return (
    <form onSubmit={submit} noValidate>
      <DialogBody>
        <DialogTitle>{t(lang, 'revision.editTitle', { number: measure.number })}</DialogTitle>
        <DialogContent>
          <Field label={t(lang, 'revision.number')} required>
            <Input value={number} onChange={(_e, d) => setNumber(d.value)} />
          </Field>
          <Field label={t(lang, 'revision.text')}>
            <Textarea value={text} onChange={(_e, d) => setText(d.value)} resize="vertical" />
          </Field>
        </DialogContent>
        <DialogActions>
          <Button appearance="primary" type="submit">
            {t(lang, 'revision.save')}
          </Button>
          <Button onClick={props.onClose}>{t(lang, 'revision.cancel')}</Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
