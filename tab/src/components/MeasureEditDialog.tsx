/**
 * A coordinator edits a measure: its text, responsible roles, the people named responsible (from the
 * directory), its indicator, and the rest of its fields (MeasureFields.tsx), or closes it with a
 * reason. Only what changed is sent. The edit is saved against
 * the version it was opened at; if someone else saved in between, the dialog says so, shows their
 * version, and keeps this person's own text beside it so nothing typed is lost.
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
  Spinner,
  Textarea,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { MeasureEditRequest, MeasureResponse } from '../../../bot/src/contract';
import { t, type Language } from '../../../bot/src/contract';
import { api, MeasureConflict } from '../api-client';
import { BenefitFields, benefitChanges, benefitsDraftOf, type BenefitsDraft } from './BenefitFields';
import { appliesToChange, appliesToDraftOf, type Owner } from './applies-to';
import { AppliesToField } from './AppliesToField';
import { fieldChanges, fieldsDraftOf, MeasureFields, type FieldsDraft } from './MeasureFields';
import { PeoplePicker } from './PeoplePicker';

interface Draft {
  text: string;
  responsibleText: string;
  indicatorText: string;
  /** Entra ID object ids of the people named responsible. */
  responsiblePeople: string[];
  /** Ids of the owners the measure applies to (every one when it names none). */
  appliesTo: string[];
  fields: FieldsDraft;
  benefits: BenefitsDraft;
}
type TextKey = 'text' | 'responsibleText' | 'indicatorText';

const draftOf = (m: MeasureResponse['measure'], owners: Owner[]): Draft => ({
  text: m.text,
  responsibleText: m.responsibleText,
  indicatorText: m.indicator.text,
  responsiblePeople: (m.responsiblePeople ?? []).map((p) => p.userId),
  appliesTo: appliesToDraftOf(m.appliesTo, owners),
  fields: fieldsDraftOf(m),
  benefits: benefitsDraftOf(m),
});

function changesOf(before: Draft, after: Draft, owners: Owner[]): MeasureEditRequest {
  const edit: MeasureEditRequest = {};
  for (const key of ['text', 'responsibleText', 'indicatorText'] as const)
    if (before[key] !== after[key]) edit[key] = after[key];
  if (before.responsiblePeople.join() !== after.responsiblePeople.join())
    edit.responsiblePeople = after.responsiblePeople;
  const fields = fieldChanges(
    before.fields,
    after.fields,
    after.indicatorText,
    before.indicatorText !== after.indicatorText,
  );
  // A new indicator carries its text: the older, shorter field is not sent beside it.
  if (fields.indicator) delete edit.indicatorText;
  return {
    ...edit,
    ...fields,
    ...benefitChanges(before.benefits, after.benefits),
    ...appliesToChange(before.appliesTo, after.appliesTo, owners),
  };
}

export function MeasureEditDialog(props: {
  planId: string;
  measureId: string;
  /** The plan's sectors, offered in the sector field. */
  sectors?: string[];
  /** The plan's owners: with more than one, the measure says which it applies to. */
  owners?: Owner[];
  lang: Language;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { planId, measureId, lang } = props;
  const [loaded, setLoaded] = useState<MeasureResponse>();
  const [draft, setDraft] = useState<Draft>();
  const [conflict, setConflict] = useState<Draft>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const named = loaded?.measure.responsiblePeople ?? [];
  const [owners] = useState(() => props.owners ?? []);

  // The dialog opens from a button in the table; closing it gives focus back to that button.
  // Taken while rendering: by the time effects run, the dialog has already moved focus inside.
  const [opener] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(() => () => opener?.focus(), [opener]);

  useEffect(() => {
    // Another measure asked for meanwhile: this answer is dropped.
    const controller = new AbortController();
    api.measure(planId, measureId, controller.signal).then(
      (m) => {
        if (controller.signal.aborted) return;
        setLoaded(m);
        setDraft(draftOf(m.measure, owners));
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setError((e as Error).message);
      },
    );
    return () => controller.abort();
  }, [planId, measureId, owners]);

  const save = async () => {
    if (!loaded || !draft) return;
    setSaving(true);
    setError(undefined);
    try {
      await api.saveMeasure(
        planId,
        measureId,
        changesOf(draftOf(loaded.measure, owners), draft, owners),
        loaded.version,
      );
      props.onSaved();
    } catch (e) {
      if (e instanceof MeasureConflict) {
        setConflict(draft); // what this person typed, shown beside the newer version
        setLoaded(e.current);
        setDraft(draftOf(e.current.measure, owners));
      } else setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const field = (key: TextKey, label: string) =>
    draft && (
      <Field
        label={label}
        hint={conflict && conflict[key] !== draft[key] ? t(lang, 'edit.yourText', { text: conflict[key] }) : undefined}
      >
        <Textarea value={draft[key]} resize="vertical" onChange={(_e, d) => setDraft({ ...draft, [key]: d.value })} />
      </Field>
    );

  return (
    <DialogBody>
      <DialogTitle>{t(lang, 'edit.title', { number: loaded?.measure.number ?? measureId })}</DialogTitle>
      <DialogContent>
        {!loaded && !error && <Spinner label={t(lang, 'tab.loading')} />}
        {conflict && (
          <MessageBar intent="warning" role="alert">
            <MessageBarBody>{t(lang, 'edit.conflict')}</MessageBarBody>
          </MessageBar>
        )}
        {error && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{t(lang, 'edit.failed', { reason: error })}</MessageBarBody>
          </MessageBar>
        )}
        {field('text', t(lang, 'edit.text'))}
        {field('responsibleText', t(lang, 'edit.responsible'))}
        {draft && (
          <PeoplePicker
            planId={planId}
            label={t(lang, 'edit.people')}
            value={draft.responsiblePeople}
            known={named}
            onChange={(ids) => setDraft({ ...draft, responsiblePeople: ids })}
          />
        )}
        {draft && (
          <AppliesToField
            owners={owners}
            value={draft.appliesTo}
            lang={lang}
            onChange={(appliesTo) => setDraft({ ...draft, appliesTo })}
          />
        )}
        {field('indicatorText', t(lang, 'edit.indicator'))}
        {draft && (
          <MeasureFields
            draft={draft.fields}
            sectors={props.sectors ?? []}
            lang={lang}
            onChange={(fields) => setDraft({ ...draft, fields })}
          />
        )}
        {draft && (
          <BenefitFields draft={draft.benefits} lang={lang} onChange={(benefits) => setDraft({ ...draft, benefits })} />
        )}
      </DialogContent>
      <DialogActions>
        <Button
          appearance="primary"
          disabled={
            !draft ||
            saving ||
            !draft.text.trim() ||
            (draft.fields.closed && !draft.fields.reason.trim()) ||
            draft.benefits.benefits.some((b) => !b.text.trim())
          }
          onClick={() => void save()}
        >
          {t(lang, 'edit.save')}
        </Button>
        <Button onClick={props.onClose}>{t(lang, 'edit.cancel')}</Button>
      </DialogActions>
    </DialogBody>
  );
}
