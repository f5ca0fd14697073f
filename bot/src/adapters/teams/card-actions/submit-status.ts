/**
 * The status card's "Send status": records the answers, then replaces the card with what was
 * stored. A refused answer shows the form again with the reason and what the person entered; if
 * even that fails, a short message instead — the person must always learn nothing was saved.
 */
import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { StoreBusyError } from '../../../app/ports';
import { recordStatusUpdate } from '../../../app/record-status-update';
import { DomainError, meaningOf } from '../../../domain/errors';
import { t, type MessageKey, type MessageParams } from '../../../i18n';
import { answerProgress } from '../../../domain/responsibility';
import {
  pageHolding,
  statusFormCard,
  statusRefresh,
  statusSummaryCard,
  type CardElement,
  type RemainingMeasures,
} from '../cards';
import { cardResponse, messageResponse } from '../invoke-response';
import { formFor } from '../status-forms';
import { parseStatusSubmission } from '../submission';
import type { CardAction } from './card-action';

export const submitStatus: CardAction = async (deps, context, data, log, lang) => {
  const parsed = parseStatusSubmission(data);
  if (!parsed.ok) {
    log.warn({ reason: parsed.reason }, 'refused a malformed status submission');
    return messageResponse(t(lang, 'card.error.invalid'));
  }
  const submission = parsed.submission;
  const userId = context.activity.from?.aadObjectId ?? '';

  const measureIds = [...submission.entries.map((e) => e.measureId), ...submission.missingStatus];
  const reshow = async (key: MessageKey, params: MessageParams = {}): Promise<AdaptiveCardInvokeResponse> => {
    try {
      const form = await formFor(deps, context, submission.planId, submission.submissionId, measureIds);
      if (form) {
        const error = t(form.plan.language, key, params);
        // The page the person sent, with what they entered.
        const page = pageHolding(form, measureIds);
        return cardResponse(statusFormCard(form, { error, values: submission.values, page }));
      }
    } catch (error) {
      log.error({ err: error }, 'could not show the form again');
    }
    return messageResponse(t(lang, key, params));
  };

  /**
   * After the answer: how much is left, for the card's "continue" after part of a long form, and
   * the refresh that keeps the answered card current. Best effort.
   */
  const afterAnswer = async (): Promise<{ remaining?: RemainingMeasures; refresh?: CardElement }> => {
    try {
      const form = await formFor(deps, context, submission.planId, submission.submissionId, measureIds);
      if (!form) return {};
      const progress = answerProgress(form.person, form.plan, form.current);
      const refresh = statusRefresh(form.plan.language, {
        planId: form.plan.id,
        personId: form.person.userId,
        periodId: submission.periodId,
        recipients: [form.person.userId, form.substitute?.userId ?? ''],
        missingOnly: progress.missing.length > 0,
      });
      return {
        remaining: { personId: form.person.userId, missing: progress.missing.length, total: progress.total },
        refresh,
      };
    } catch (error) {
      log.warn({ err: error }, 'could not tell what is left to answer');
      return {};
    }
  };

  if (submission.missingStatus.length > 0) {
    return reshow('card.error.statusMissing', { numbers: submission.missingStatus.join(', ') });
  }
  try {
    const result = await recordStatusUpdate(deps, { userId, ...submission });
    log.info(
      {
        planId: submission.planId,
        periodId: submission.periodId,
        count: result.reports.length,
        repeat: result.alreadyStored,
      },
      'status recorded',
    );
    const { remaining, refresh } = await afterAnswer();
    return cardResponse(statusSummaryCard(result.plan, result.reports, remaining, refresh));
  } catch (error) {
    if (error instanceof StoreBusyError) {
      // Reading the form again would wait on the same store: say so at once.
      log.warn({ retryAfterMs: error.retryAfterMs }, 'the store is throttled; a status submission was not saved');
      return messageResponse(t(lang, 'card.error.storeBusy', { minutes: Math.ceil(error.retryAfterMs / 60_000) }));
    }
    if (!(error instanceof DomainError)) {
      log.error({ err: error }, 'failed to record a status submission');
      return reshow('card.error.failed');
    }
    const meaning = meaningOf(error.code);
    log[meaning.log]({ code: error.code, params: error.params, userId }, 'refused a status submission');
    const key = meaning.card ?? 'card.error.failed';
    // Without a person or a plan there is no form to show again.
    if (error.code === 'unknown-person' || error.code === 'unknown-plan')
      return messageResponse(t(lang, key, error.params));
    return reshow(key, error.params);
  }
};
