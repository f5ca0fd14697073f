/**
 * "Gjelder for" in the edit dialog, for a plan several municipalities own: one checkbox per owner.
 * All ticked is the same as none named (the measure applies to all of them), which the service keeps
 * as one way of saying it (domain/measure-edit.ts); at least one stays ticked.
 */
import { Checkbox } from '@fluentui/react-components';
import type { MeasureEditRequest } from '../../../bot/src/contract';
import { t, type Language } from '../../../bot/src/contract';

export interface Owner {
  id: string;
  name: string;
}

/** The owners a measure applies to, every one when it names none. */
export function appliesToDraftOf(appliesTo: string[] | undefined, owners: Owner[]): string[] {
  return appliesTo && appliesTo.length > 0 ? appliesTo : owners.map((o) => o.id);
}

/** The edit to send, or nothing when the choice is what it was. */
export function appliesToChange(
  before: string[],
  after: string[],
  owners: Owner[],
): Pick<MeasureEditRequest, 'appliesTo'> {
  const same = before.length === after.length && before.every((id) => after.includes(id));
  if (same) return {};
  return {
    appliesTo: after.length === owners.length ? null : owners.map((o) => o.id).filter((id) => after.includes(id)),
  };
}

export function AppliesToField(props: {
  owners: Owner[];
  value: string[];
  lang: Language;
  onChange: (ids: string[]) => void;
}) {
  const { owners, value, lang } = props;
  if (owners.length < 2) return null;
  return (
    <fieldset aria-describedby="applies-to-hint">
      <legend>{t(lang, 'edit.appliesTo')}</legend>
      {owners.map((o) => {
        const on = value.includes(o.id);
        return (
          <Checkbox
            key={o.id}
            label={o.name}
            checked={on}
            // The last one ticked stays: a measure applies to someone.
            disabled={on && value.length === 1}
            onChange={(_e, d) => props.onChange(d.checked ? [...value, o.id] : value.filter((id) => id !== o.id))}
          />
        );
      })}
      <p id="applies-to-hint">{t(lang, 'edit.appliesToHint')}</p>
    </fieldset>
  );
}
