/**
 * "Neste side", "Forrige side" and "Fortsett" on a status card: the bot answers with that page of
 * the person's form as it stands now (answers given since are shown as given). Each page rendered
 * gets its own submission id, so its "Send status" is idempotent for that page alone. What the
 * person typed and did not send comes along as a draft (form-drafts.ts), shown again on its page.
 */
import { z } from 'zod';
import { t } from '../../../i18n';
import { statusFormCard } from '../cards';
import { cardResponse, messageResponse } from '../invoke-response';
import { DraftSchema, mergeDraft } from '../form-drafts';
import { formsFor, narrowToMissing } from '../status-forms';
import type { CardAction } from './card-action';

const PageDataSchema = z.object({
  planId: z.string().min(1).max(200),
  personId: z.string().min(1).max(200),
  page: z.number().int().min(0).max(1000),
  /** Only the measures still missing (a reminder's card, or "continue" after part was sent). */
  missingOnly: z.boolean().optional(),
  /** What was typed on other pages and not sent (form-drafts.ts). */
  draft: DraftSchema,
});

export const statusPage: CardAction = async (deps, context, data, log, lang) => {
  const parsed = PageDataSchema.safeParse(data);
  if (!parsed.success) {
    log.warn(
      { reason: parsed.error.issues.map((i) => i.path.join('.')).join(',') },
      'refused a malformed page request',
    );
    return messageResponse(t(lang, 'card.error.invalid'));
  }
  const { planId, personId, page, missingOnly, draft } = parsed.data;
  const forms = await formsFor(deps, context);
  if (forms === 'unknown-person') return messageResponse(t(lang, 'card.error.invalid'));
  // The person's own form, or the one of someone they stand in for; only forms of the sender's.
  const ofPlan = forms.filter((f) => f.plan.id === planId);
  const form = ofPlan.find((f) => f.person.userId === personId) ?? ofPlan[0];
  if (!form) return messageResponse(t(lang, 'card.error.unknownPlan'));
  const shown = missingOnly ? narrowToMissing(form) : form;
  // The inputs of the page the person leaves come with the action: kept as a draft, not an answer.
  const kept = mergeDraft(form, draft, data);
  return cardResponse(statusFormCard({ ...shown, submissionId: deps.ids.newId() }, { page, draft: kept }));
};
