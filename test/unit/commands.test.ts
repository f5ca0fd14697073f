import { parseCommand } from '../../bot/src/adapters/teams/commands';
import { escapeMarkdown } from '../../bot/src/adapters/teams/markdown';

describe('chat commands', () => {
  it.each(['status', 'Status', 'mine tiltak', 'Mine tiltak!', 'tiltaka mine', 'my measures', '<at>Tiltak</at> status'])(
    'understands "%s" as a request for the status card',
    (text) => expect(parseCommand(text)).toEqual({ kind: 'status' }),
  );
  it.each(['hjelp', 'help', 'Hei', '?', '', '<at>Tiltak</at>'])('understands "%s" as asking for help', (text) =>
    expect(parseCommand(text)).toEqual({ kind: 'help' }),
  );
  it('passes anything else back as unknown, mention removed', () => {
    expect(parseCommand('<at>Tiltak</at> hva er klokka')).toEqual({ kind: 'unknown', text: 'hva er klokka' });
  });
  it('escapes Markdown in text echoed back to the user', () => {
    expect(escapeMarkdown('[x](https://evil) **b**')).toBe('\\[x\\]\\(https://evil\\) \\*\\*b\\*\\*');
  });
});
