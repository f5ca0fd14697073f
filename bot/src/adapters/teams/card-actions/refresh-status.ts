/**
 * Teams asks for the status card as it stands now (Universal Actions' refresh, `refresh.action`
 * of the card; card-refresh.ts): answered from the store, authorised as an answer would be.
 */
import { z } from 'zod';
import { currentStatusForm } from '../../../app/current-status-form';
import { t } from '../../../i18n';
import { DraftSchema } from '../form-drafts';
import { cardResponse, messageResponse } from '../invoke-response';
import { refreshedStatusCard } from '../refresh-cards';
import type { CardAction } from './card-action';

const RefreshDataSchema = z.object({
  planId: z.string().min(1).max(200),
  personId: z.string().min(1).max(200),
  periodId: z.string().min(4).max(20).optional(),
  page: z.number().int().min(0).max(1000).optional(),
  missingOnly: z.boolean().optional(),
  draft: DraftSchema,
});

export const refreshStatus: CardAction = async (deps, context, data, log, lang) => {
  const parsed = RefreshDataSchema.safeParse(data);
  if (!parsed.success) {
    log.warn(
      { reason: parsed.error.issues.map((i) => i.path.join('.')).join(',') },
      'refused a malformed refresh request',
    );
    return messageResponse(t(lang, 'card.error.invalid'));
  }
  const { planId, personId, periodId, page, missingOnly, draft } = parsed.data;
  const state = await currentStatusForm(deps, {
    userId: context.activity.from?.aadObjectId ?? '',
    planId,
    personId,
    ...(periodId ? { periodId } : {}),
  });
  log.info({ planId, periodId, state: state.kind }, 'refreshed a status card');
  return cardResponse(
    refreshedStatusCard(state, lang, {
      ...(page !== undefined ? { page } : {}),
      ...(missingOnly ? { missingOnly } : {}),
      ...(draft ? { draft } : {}),
    }),
  );
};
