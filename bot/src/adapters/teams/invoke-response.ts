/** The answers a card action gives Teams: a card that replaces the old one, or a short message on it. */
import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { AdaptiveCard } from './cards';

const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
const MESSAGE_CONTENT_TYPE = 'application/vnd.microsoft.activity.message';
const ERROR_CONTENT_TYPE = 'application/vnd.microsoft.error';

export function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: CARD_CONTENT_TYPE, value: card };
}

/** A short message Teams shows on the card instead of replacing it (the value is a plain string). */
export function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: MESSAGE_CONTENT_TYPE, value: text as unknown as Record<string, unknown> };
}

/** An action the bot does not know: Teams shows its own error. */
export function unknownActionResponse(): AdaptiveCardInvokeResponse {
  return { statusCode: 400, type: ERROR_CONTENT_TYPE, value: { code: 'BadRequest', message: 'Unknown verb' } };
}
