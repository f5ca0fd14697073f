/**
 * The Teams face of the service: understands chat commands, sends the status card and takes its
 * answer (Universal Actions). It translates between Teams and the use cases and holds no rules.
 */
import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import type {
  Clock,
  ConversationStore,
  PeriodLockStore,
  SubstituteStore,
  Directory,
  IdGenerator,
  PlanRepository,
  StatusReportRepository,
} from '../../app/ports';
import { StoreBusyError } from '../../app/ports';
import { prepareStatusForms, type StatusForm } from '../../app/prepare-status-forms';
import { recordStatusUpdate } from '../../app/record-status-update';
import { DomainError } from '../../domain/errors';
import { languageFromLocale, t, type Language, type MessageKey } from '../../i18n/messages';
import { statusFormCard, statusSummaryCard, SUBMIT_STATUS_VERB, type AdaptiveCard } from './cards';
import { parseCommand } from './commands';
import { escapeMarkdown } from './markdown';
import { parseStatusSubmission } from './submission';

export interface TiltakBotDeps {
  plans: PlanRepository;
  reports: StatusReportRepository;
  directory: Directory;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  conversations: ConversationStore;
  substitutes: SubstituteStore;
  locks: PeriodLockStore;
}

const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
const MESSAGE_CONTENT_TYPE = 'application/vnd.microsoft.activity.message';

const ERROR_MESSAGES: Record<DomainError['code'], MessageKey> = {
  'unknown-person': 'bot.unknownUser',
  'unknown-plan': 'card.error.unknownPlan',
  'unknown-period': 'card.error.invalid',
  'not-allowed': 'card.error.notAllowed',
  'nothing-reported': 'card.error.nothingChosen',
  'nothing-to-carry-over': 'card.error.nothingToCarryOver',
  'comment-too-long': 'card.error.commentTooLong',
  'invalid-value': 'card.error.invalid',
  'plan-exists': 'card.error.failed', // not raised by card answers
  forbidden: 'card.error.failed', // not raised by card answers
  'unknown-measure': 'card.error.invalid',
  'unknown-round': 'card.error.failed', // not raised by card answers
  'round-closed': 'card.error.failed', // not raised by card answers
  'round-open': 'card.error.failed', // not raised by card answers
  'invalid-schedule': 'card.error.failed', // not raised by card answers
  'invalid-edit': 'card.error.failed', // not raised by card answers
  'invalid-substitute': 'card.error.failed', // not raised by card answers
  'unknown-substitute': 'card.error.failed', // not raised by card answers
  'period-locked': 'card.error.periodLocked',
  'period-not-locked': 'card.error.failed', // not raised by card answers
  'period-running': 'card.error.failed', // not raised by card answers
  'reason-required': 'card.error.failed', // not raised by card answers
};

export class TiltakBot extends TeamsActivityHandler {
  constructor(private readonly deps: TiltakBotDeps) {
    super();
    // Every turn from a person's 1:1 chat (installing the app, writing, answering a card) keeps
    // where to reach them, so reminder rounds can find them later.
    this.onTurn(async (context, next) => {
      await this.rememberConversation(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await context.sendActivity(MessageFactory.text(t(uiLanguage(context), 'bot.welcome')));
      await next();
    });
  }

  private async rememberConversation(context: TurnContext): Promise<void> {
    const { from, conversation, serviceUrl, channelData } = context.activity;
    if (!from?.aadObjectId || !serviceUrl || !conversation?.id) return;
    if (conversation.conversationType && conversation.conversationType !== 'personal') return;
    const tenantId = (channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? conversation.tenantId;
    try {
      await this.deps.conversations.saveConversation({
        userId: from.aadObjectId,
        ...(tenantId ? { tenantId } : {}),
        serviceUrl,
        conversationId: conversation.id,
      });
    } catch (error) {
      // Not worth failing the person's turn over; the next turn tries again.
      this.deps.logger.error({ err: error }, 'could not store the conversation reference');
    }
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const lang = uiLanguage(context);
    const command = parseCommand(context.activity.text);
    if (command.kind === 'help') {
      await context.sendActivity(MessageFactory.text(t(lang, 'bot.help')));
      return;
    }
    if (command.kind === 'unknown') {
      const text = escapeMarkdown(command.text.slice(0, 80));
      await context.sendActivity(MessageFactory.text(t(lang, 'bot.unknownCommand', { text })));
      return;
    }
    const forms = await this.formsFor(context);
    if (forms === 'unknown-person') {
      await context.sendActivity(MessageFactory.text(t(lang, 'bot.unknownUser')));
      return;
    }
    if (forms.length === 0) {
      await context.sendActivity(MessageFactory.text(t(lang, 'bot.notResponsible')));
      return;
    }
    for (const form of forms) {
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(statusFormCard(form))] });
    }
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const log = this.deps.logger.child({ activityId: context.activity.id, verb: invokeValue.action?.verb });
    if (invokeValue.action?.verb !== SUBMIT_STATUS_VERB) {
      return {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message: 'Unknown verb' },
      };
    }
    const lang = uiLanguage(context);
    const parsed = parseStatusSubmission(invokeValue.action.data);
    if (!parsed.ok) {
      log.warn({ reason: parsed.reason }, 'refused a malformed status submission');
      return messageResponse(t(lang, 'card.error.invalid'));
    }
    const submission = parsed.submission;
    const userId = context.activity.from?.aadObjectId ?? '';

    // Shows the form again with the error and what the person entered; if even that fails (the
    // store is down), a short message instead: the person must always learn nothing was saved.
    const reshow = async (key: MessageKey, params: Record<string, string | number> = {}) => {
      try {
        const measureIds = [...submission.entries.map((e) => e.measureId), ...submission.missingStatus];
        const form = await this.formFor(context, submission.planId, submission.submissionId, measureIds);
        if (form) {
          const error = t(form.plan.language, key, params);
          return cardResponse(statusFormCard(form, { error, values: submission.values }));
        }
      } catch (error) {
        log.error({ err: error }, 'could not show the form again');
      }
      return messageResponse(t(lang, key, params));
    };

    if (submission.missingStatus.length > 0) {
      return reshow('card.error.statusMissing', { numbers: submission.missingStatus.join(', ') });
    }
    try {
      const result = await recordStatusUpdate(this.deps, { userId, ...submission });
      log.info(
        {
          planId: submission.planId,
          periodId: submission.periodId,
          count: result.reports.length,
          repeat: result.alreadyStored,
        },
        'status recorded',
      );
      return cardResponse(statusSummaryCard(result.plan, result.reports));
    } catch (error) {
      if (error instanceof DomainError) {
        log.warn({ code: error.code, params: error.params, userId }, 'refused a status submission');
        if (error.code === 'unknown-person' || error.code === 'unknown-plan') {
          return messageResponse(t(lang, ERROR_MESSAGES[error.code], error.params));
        }
        return reshow(ERROR_MESSAGES[error.code], error.params);
      }
      if (error instanceof StoreBusyError) {
        // Reading the form again would wait on the same store: say so at once.
        log.warn({ retryAfterMs: error.retryAfterMs }, 'the store is throttled; a status submission was not saved');
        return messageResponse(t(lang, 'card.error.storeBusy', { minutes: Math.ceil(error.retryAfterMs / 60_000) }));
      }
      log.error({ err: error }, 'failed to record a status submission');
      return reshow('card.error.failed');
    }
  }

  private async formsFor(context: TurnContext): Promise<StatusForm[] | 'unknown-person'> {
    try {
      return await prepareStatusForms(this.deps, context.activity.from?.aadObjectId ?? '');
    } catch (error) {
      if (error instanceof DomainError && error.code === 'unknown-person') return 'unknown-person';
      throw error;
    }
  }

  /**
   * The form for one plan again, keeping the submission id the person's card carries. A substitute
   * has two for the plan (their own and the absent person's): the one holding the measures sent.
   */
  private async formFor(
    context: TurnContext,
    planId: string,
    submissionId: string,
    measureIds: string[],
  ): Promise<StatusForm | undefined> {
    const forms = await this.formsFor(context);
    if (forms === 'unknown-person') return undefined;
    const candidates = forms.filter((f) => f.plan.id === planId);
    const overlap = (f: StatusForm) => f.measures.filter((m) => measureIds.includes(m.id)).length;
    const form = candidates.reduce<StatusForm | undefined>(
      (best, f) => (!best || overlap(f) > overlap(best) ? f : best),
      undefined,
    );
    return form ? { ...form, submissionId } : undefined;
  }
}

/** The language for the bot's own words: the person's Teams locale. Cards speak the plan's language. */
function uiLanguage(context: TurnContext): Language {
  return languageFromLocale(context.activity.locale);
}

function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: CARD_CONTENT_TYPE, value: card };
}

/** A short message Teams shows on the card instead of replacing it (the value is a plain string). */
function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: MESSAGE_CONTENT_TYPE, value: text as unknown as Record<string, unknown> };
}
