/**
 * Picking people from the directory, for the assign dialog and the measure's edit dialog alike. A
 * native multiple list: every phone and screen reader knows how to pick several in it. People named
 * already who are no longer in the directory stay listed until they are taken off.
 */
import { Field } from '@fluentui/react-components';
import { api } from '../api-client';
import { useLoad } from '../data/use-load';

export function PeoplePicker(props: {
  planId: string;
  label: string;
  /** Entra ID object ids of the people picked. */
  value: string[];
  onChange: (userIds: string[]) => void;
  /** People named before, shown even when the directory no longer has them. */
  known?: { userId: string; name: string }[];
}) {
  const people = useLoad((signal) => api.substitutes(props.planId, signal), props.planId);
  const directory = people.load.state === 'ready' ? people.load.value.people : [];
  const known = props.known ?? [];
  const choices = [...directory, ...known.filter((n) => !directory.some((p) => p.userId === n.userId))];
  return (
    <Field label={props.label}>
      <select
        multiple
        aria-label={props.label}
        size={Math.min(8, Math.max(3, choices.length))}
        value={props.value}
        onChange={(e) => props.onChange([...e.target.selectedOptions].map((o) => o.value))}
      >
        {choices.map((p) => (
          <option key={p.userId} value={p.userId}>
            {p.name}
          </option>
        ))}
      </select>
    </Field>
  );
}
