/**
 * What a person typed on a page of a long status card and has not sent: kept when they page
 * (Action.Execute sends the page's inputs with "Neste side") and shown again when they come back
 * to that page or the card is refreshed. The draft travels in the card itself, in the data of its
 * page buttons and of its refresh, so any instance can answer the next click and nothing of it is
 * stored or counted as an answer until the person sends the page. It is bounded: each copy weighs
 * at most DRAFT_BUDGET_BYTES, so a page with its draft stays within what Teams accepts.
 */
import { z } from 'zod';
import type { StatusForm } from '../../domain/status-form';
import type { FormValues } from './status-card';

/** A copy of the draft in a card, as Teams counts it (UTF-16): three copies stay well under 100 KB with a page. */
export const DRAFT_BUDGET_BYTES = 5_000;
const INPUT_KEY = /^(status|comment|value):.{1,64}$/su;

export type Draft = Record<string, string>;

/** A draft as a card action brings it back: untrusted, so only our inputs and bounded. */
export const DraftSchema = z
  .record(z.string().regex(INPUT_KEY), z.string().max(2_000))
  .refine((d) => Object.keys(d).length <= 600)
  .optional();

/**
 * The draft after a page action: the draft the card carried, with the inputs the page sent over
 * it; only what differs from what the form shows anyway (answers given, last period's), so an
 * answer given meanwhile elsewhere is not hidden behind an empty field.
 */
export function mergeDraft(form: StatusForm, carried: Draft | undefined, sent: unknown): Draft {
  const shown = shownValues(form);
  const draft: Draft = {};
  const typed = { ...(carried ?? {}), ...inputsOf(sent) };
  for (const [key, value] of Object.entries(typed)) {
    if (value !== '' && value !== (shown[key] ?? '')) draft[key] = value;
  }
  return withinBudget(draft);
}

/** Drops the last entries of a draft that would not fit its budget. */
function withinBudget(draft: Draft): Draft {
  const kept: Draft = {};
  let bytes = 4;
  for (const [key, value] of Object.entries(draft)) {
    bytes += JSON.stringify({ [key]: value }).length * 2;
    if (bytes > DRAFT_BUDGET_BYTES) break;
    kept[key] = value;
  }
  return kept;
}

/** The page's inputs among an action's data ("status:1.1.1", "comment:1.1.1", "value:1.1.1"). */
function inputsOf(data: unknown): Draft {
  if (typeof data !== 'object' || data === null) return {};
  const out: Draft = {};
  for (const [key, raw] of Object.entries(data as Record<string, unknown>)) {
    if (!INPUT_KEY.test(key) || (typeof raw !== 'string' && typeof raw !== 'number')) continue;
    out[key] = String(raw).trim().slice(0, 2_000);
  }
  return out;
}

/** What the form pre-fills each input with: this period's answer, else last period's. */
function shownValues(form: StatusForm): FormValues {
  const shown: FormValues = {};
  for (const m of form.measures) {
    const answer = form.current.get(m.id) ?? form.previous?.get(m.id);
    if (!answer) continue;
    shown[`status:${m.id}`] = answer.status;
    if (answer.comment) shown[`comment:${m.id}`] = answer.comment;
    if (answer.value !== undefined) shown[`value:${m.id}`] = String(answer.value);
  }
  return shown;
}
