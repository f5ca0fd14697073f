/**
 * What a person asks the bot in chat, understood in bokmål, nynorsk and English. In a channel the
 * text starts with the bot's @mention, which is removed first.
 */
import { collapseWhitespace, trimEndOf } from '../../domain/text';
export type Command = { kind: 'status' } | { kind: 'help' } | { kind: 'unknown'; text: string };

const STATUS_WORDS = new Set([
  'status',
  'mine tiltak',
  'tiltak',
  'tiltaka mine',
  'tiltakene mine',
  'rapport',
  'rapporter',
  'rapportere',
  'my measures',
  'measures',
  'report',
]);
const HELP_WORDS = new Set(['hjelp', 'help', '?', 'hei', 'hallo', 'hello', 'hi']);

export function parseCommand(rawText: string | undefined): Command {
  const text = collapseWhitespace((rawText ?? '').replace(/<at>[^<]*<\/at>/gi, ' '));
  const key = trimEndOf(text.toLocaleLowerCase('nb'), '!.,');
  if (STATUS_WORDS.has(key)) return { kind: 'status' };
  if (key === '' || HELP_WORDS.has(key)) return { kind: 'help' };
  return { kind: 'unknown', text };
}
