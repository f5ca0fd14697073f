/** The building blocks every card of the bot is made of: the card itself, text runs, headings, banners. */

export const CARD_VERSION = '1.5';

export type CardElement = Record<string, unknown>;
export interface AdaptiveCard extends CardElement {
  type: 'AdaptiveCard';
  version: string;
  body: CardElement[];
}

/**
 * No `lang` on the card: the adaptivecards parser validates it with a global regex whose state
 * makes every second check fail, so hosts built on it may reject a valid "nb". Texts are already
 * in the plan's language.
 */
export function card(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions.length ? { actions } : {}),
  };
}

export interface Run {
  text: string;
  weight?: 'Bolder';
  isSubtle?: boolean;
  color?: 'Attention';
}

export function richText(runs: Run[]): CardElement {
  return { type: 'RichTextBlock', inlines: runs.map((r) => ({ type: 'TextRun', ...r })) };
}

export function heading(text: string): CardElement {
  return {
    type: 'RichTextBlock',
    inlines: [{ type: 'TextRun', text, weight: 'Bolder', size: 'Medium' }],
  };
}

export function errorBanner(text: string): CardElement {
  return {
    type: 'Container',
    style: 'attention',
    items: [richText([{ text, weight: 'Bolder', color: 'Attention' }])],
  };
}

export function withValue(value: string | number | undefined): { value?: string } {
  return value === undefined || value === '' ? {} : { value: String(value) };
}
