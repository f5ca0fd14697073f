/**
 * "Gjelder for" in the edit dialog, for a plan several municipalities own: one checkbox per owner.
 * All ticked is the same as none named (the measure applies to all of them), which the service keeps
 * as one way of saying it (domain/measure-edit.ts); at least one stays ticked.
 */
import { Checkbox } from '@fluentui/react-components';
import type { Owner } from './applies-to';
import { t, type Language } from '../../../bot/src/contract';

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
