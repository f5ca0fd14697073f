/** A card action (Universal Actions `Action.Execute` verb): takes the action's data, answers Teams. */
import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { PrepareStatusFormsDeps } from '../../../app/prepare-status-forms';
import type { RecordStatusUpdateDeps } from '../../../app/record-status-update';
import type { Language } from '../../../i18n';

export type CardActionDeps = RecordStatusUpdateDeps & PrepareStatusFormsDeps;

export type CardAction = (
  deps: CardActionDeps,
  context: TurnContext,
  /** The action's data, untrusted. */
  data: unknown,
  log: Logger,
  /** The person's Teams language, for the bot's own words (cards speak the plan's). */
  lang: Language,
) => Promise<AdaptiveCardInvokeResponse>;
