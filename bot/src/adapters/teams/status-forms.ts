/** The status forms of the person a turn comes from: what "status" answers and a refused card shows again. */
import type { TurnContext } from 'botbuilder';
import { prepareStatusForms, type PrepareStatusFormsDeps } from '../../app/prepare-status-forms';
import type { StatusForm } from '../../domain/status-form';
import { DomainError } from '../../domain/errors';
import { answerProgress } from '../../domain/responsibility';

export async function formsFor(
  deps: PrepareStatusFormsDeps,
  context: TurnContext,
): Promise<StatusForm[] | 'unknown-person'> {
  try {
    return await prepareStatusForms(deps, context.activity.from?.aadObjectId ?? '');
  } catch (error) {
    if (error instanceof DomainError && error.code === 'unknown-person') return 'unknown-person';
    throw error;
  }
}

/**
 * The form for one plan again, keeping the submission id the person's card carries. A substitute
 * has two for the plan (their own and the absent person's): the one holding the measures sent.
 */
export async function formFor(
  deps: PrepareStatusFormsDeps,
  context: TurnContext,
  planId: string,
  submissionId: string,
  measureIds: string[],
): Promise<StatusForm | undefined> {
  const forms = await formsFor(deps, context);
  if (forms === 'unknown-person') return undefined;
  const overlap = (f: StatusForm) => f.measures.filter((m) => measureIds.includes(m.id)).length;
  const form = forms
    .filter((f) => f.plan.id === planId)
    .reduce<StatusForm | undefined>((best, f) => (!best || overlap(f) > overlap(best) ? f : best), undefined);
  return form ? { ...form, submissionId } : undefined;
}

/** The form narrowed to the measures still without an answer, saying how many of all they are. */
export function narrowToMissing(form: StatusForm): StatusForm {
  const progress = answerProgress(form.person, form.plan, form.current);
  const asked = new Set(form.measures.map((m) => m.id));
  const missing = progress.missing.filter((m) => asked.has(m.id));
  return missing.length > 0
    ? { ...form, measures: missing, remaining: { missing: missing.length, total: progress.total } }
    : form;
}
