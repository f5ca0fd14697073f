/**
 * The Teams face of the service: understands chat commands, sends the status card and hands card
 * actions to their handlers (card-actions/). It translates between Teams and the use cases and holds
 * no rules; what an error means to the person comes from the error table (domain/errors.ts).
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
import type { ConversationStore } from '../../app/ports';
import { languageFromLocale, t, type Language } from '../../i18n';
import { CARD_ACTIONS, type CardActionDeps } from './card-actions';
import { statusFormCard } from './cards';
import { parseCommand } from './commands';
import { rememberConversation } from './conversation-memory';
import { unknownActionResponse } from './invoke-response';
import { escapeMarkdown } from './markdown';
import { formsFor } from './status-forms';

export interface TiltakBotDeps extends CardActionDeps {
  logger: Logger;
  conversations: ConversationStore;
}

export class TiltakBot extends TeamsActivityHandler {
  constructor(private readonly deps: TiltakBotDeps) {
    super();
    this.onTurn(async (context, next) => {
      await rememberConversation(context, this.deps.conversations, this.deps.logger);
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
    const forms = await formsFor(this.deps, context);
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
    const verb = invokeValue.action?.verb;
    const action = verb !== undefined && Object.hasOwn(CARD_ACTIONS, verb) ? CARD_ACTIONS[verb] : undefined;
    if (!action) return unknownActionResponse();
    const log = this.deps.logger.child({ activityId: context.activity.id, verb });
    return action(this.deps, context, invokeValue.action.data, log, uiLanguage(context));
  }
}

/** The language for the bot's own words: the person's Teams locale. Cards speak the plan's language. */
function uiLanguage(context: TurnContext): Language {
  return languageFromLocale(context.activity.locale);
}
