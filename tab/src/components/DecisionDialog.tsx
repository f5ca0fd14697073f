/**
 * "Registrer vedtak / oppfølgingspunkt": during the leadership meeting a leader or the coordinator
 * records on a measure, for the period shown, what was decided or is to be followed up, by whom and
 * by when. Checked here by the service's own rule (so the person learns at once), and again there.
 * Content of a ModalDialog: focus starts in it and goes back to the opener on close.
 */
import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  Field,
  Input,
  Radio,
  RadioGroup,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Decision, DecisionKind } from '../../../bot/src/contract';
import {
  DECISION_KINDS,
  decisionProblem,
  MAX_ASSIGNEE_TEXT,
  MAX_DECISION_TEXT,
  periodLabel,
  t,
  type Language,
} from '../../../bot/src/contract';
import { api } from '../api-client';

export function DecisionDialog(props: {
  planId: string;
  measure: { id: string; number: string };
  periodId: string;
  planLanguage: Language;
  lang: Language;
  onClose: () => void;
  onSaved: (decision: Decision) => void;
}) {
  const { lang } = props;
  const [opener] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(() => () => opener?.focus(), [opener]);
  const [kind, setKind] = useState<DecisionKind>('decision');
  const [text, setText] = useState('');
  const [assignee, setAssignee] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [problem, setProblem] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);

  const draft = {
    kind,
    text,
    ...(assignee.trim() ? { assignee } : {}),
    ...(dueDate ? { dueDate } : {}),
  };
  const save = async () => {
    const found = decisionProblem(draft);
    setProblem(found);
    setFailure(undefined);
    if (found) return;
    setSaving(true);
    try {
      props.onSaved(await api.recordDecision(props.planId, props.measure.id, { ...draft, periodId: props.periodId }));
    } catch (e) {
      setFailure(t(lang, 'decision.failed', { reason: (e as Error).message }));
    } finally {
      setSaving(false);
    }
  };
  const max = problem === 'assignee-too-long' ? MAX_ASSIGNEE_TEXT : MAX_DECISION_TEXT;
  const message = problem ? t(lang, `decision.problem.${problem}` as 'decision.problem.due-date', { max }) : undefined;
  const on = (p: string) => (problem === p ? message : undefined);

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
    >
      <DialogBody>
        <DialogTitle>{t(lang, 'decision.title', { number: props.measure.number })}</DialogTitle>
        <DialogContent>
          <Text as="p">{t(lang, 'decision.period', { period: periodLabel(props.planLanguage, props.periodId) })}</Text>
          <Field label={t(lang, 'decision.kind')}>
            <RadioGroup value={kind} onChange={(_e, d) => setKind(d.value as DecisionKind)}>
              {DECISION_KINDS.map((k) => (
                <Radio key={k} value={k} label={t(lang, `decision.kind.${k}`)} />
              ))}
            </RadioGroup>
          </Field>
          <Field
            label={t(lang, 'decision.text')}
            required
            validationMessage={on('text-missing') ?? on('text-too-long')}
          >
            <Textarea value={text} lang={props.planLanguage} resize="vertical" onChange={(_e, d) => setText(d.value)} />
          </Field>
          <Field label={t(lang, 'decision.assignee')} validationMessage={on('assignee-too-long')}>
            <Input value={assignee} onChange={(_e, d) => setAssignee(d.value)} />
          </Field>
          <Field label={t(lang, 'decision.dueDate')} validationMessage={on('due-date')}>
            <Input type="date" value={dueDate} onChange={(_e, d) => setDueDate(d.value)} />
          </Field>
          {failure && <Text role="alert">{failure}</Text>}
        </DialogContent>
        <DialogActions>
          <Button appearance="primary" type="submit" disabled={saving}>
            {t(lang, 'decision.save')}
          </Button>
          <Button onClick={props.onClose}>{t(lang, 'decision.cancel')}</Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
