/** The applies-to choice of the edit dialog (AppliesToField.tsx) as the dialog keeps it and sends it. */
import type { MeasureEditRequest } from '../../../bot/src/contract';

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
