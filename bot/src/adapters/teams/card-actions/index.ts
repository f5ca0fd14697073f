/** The verbs the bot's cards send, each with its handler. A verb not listed is refused. */
import { REFRESH_STATUS_VERB, STATUS_PAGE_VERB, SUBMIT_STATUS_VERB } from '../cards';
import type { CardAction } from './card-action';
import { refreshStatus } from './refresh-status';
import { statusPage } from './status-page';
import { submitStatus } from './submit-status';

export const CARD_ACTIONS: Readonly<Record<string, CardAction>> = {
  [SUBMIT_STATUS_VERB]: submitStatus,
  [STATUS_PAGE_VERB]: statusPage,
  [REFRESH_STATUS_VERB]: refreshStatus,
};

export type { CardAction, CardActionDeps } from './card-action';
