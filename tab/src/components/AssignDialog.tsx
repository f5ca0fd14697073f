/**
 * A coordinator assigns responsibility to the measures picked in the table: a role (one the plan
 * already uses, or a new one) and/or people from the directory, added to what each measure has.
 * Each measure is saved against the version read, as a single edit is (data/assign.ts).
 */
import {
  Button,
  Combobox,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  Field,
  Option,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import { t, type Language } from '../../../bot/src/contract';
import { assignResponsibility, type AssignOutcome } from '../data/assign';
import { NoticeBar } from './panel';
import { PeoplePicker } from './PeoplePicker';

export function AssignDialog(props: {
  planId: string;
  measureIds: string[];
  /** The roles the plan's measures name already, offered first. */
  roles: string[];
  lang: Language;
  onClose: () => void;
  onDone: (outcome: AssignOutcome) => void;
}) {
  const { planId, lang } = props;
  const [role, setRole] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const save = async () => {
    if (!role.trim() && picked.length === 0) return setError(t(lang, 'assign.nothing'));
    setBusy(true);
    setError(undefined);
    try {
      props.onDone(await assignResponsibility(planId, props.measureIds, { role, people: picked }));
    } catch (e) {
      setError(t(lang, 'edit.failed', { reason: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <DialogBody>
      <DialogTitle>{t(lang, 'assign.title', { count: props.measureIds.length })}</DialogTitle>
      <DialogContent>
        <NoticeBar notice={error ? { intent: 'error', text: error } : undefined} />
        <Text as="p">{t(lang, 'assign.help')}</Text>
        <Field label={t(lang, 'assign.role')}>
          <Combobox
            inlinePopup
            freeform
            value={role}
            onChange={(e) => setRole(e.target.value)}
            onOptionSelect={(_e, data) => setRole(data.optionText ?? '')}
          >
            {props.roles
              .filter((r) => r.toLocaleLowerCase('nb').includes(role.trim().toLocaleLowerCase('nb')))
              .map((r) => (
                <Option key={r}>{r}</Option>
              ))}
          </Combobox>
        </Field>
        <PeoplePicker planId={planId} label={t(lang, 'assign.people')} value={picked} onChange={setPicked} />
      </DialogContent>
      <DialogActions>
        <Button appearance="primary" disabled={busy} onClick={() => void save()}>
          {t(lang, 'assign.save')}
        </Button>
        <Button onClick={props.onClose}>{t(lang, 'edit.cancel')}</Button>
      </DialogActions>
    </DialogBody>
  );
}
