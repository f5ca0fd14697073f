/**
 * Every regular expression over user text runs in linear time (issue 13): the inputs that made
 * the old expressions quadratic — long runs of spaces, commas and digits where a pattern keeps
 * restarting — parse in time proportional to their size. 20 KB against 160 KB.
 */
import { parseCommand } from '../../bot/src/adapters/teams/commands';
import { readTitleBlock } from '../../bot/src/domain/import/title-block';
import { parseWordGoalTable } from '../../bot/src/domain/import/word-table';
import { splitRoles } from '../../bot/src/domain/roles';
import { slug } from '../../bot/src/domain/slug';
import { growthRatio, LINEAR_BOUND } from '../support/linear-time';

jest.setTimeout(60_000);
const KB = 1024;
const run = (n: number, unit: string) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const HEADER = 'Hovedmål\tStrategi\tTiltak\tAnsvarlig / Måleindikator\tStatus';

const cases: [string, (size: number) => string, (input: string) => unknown][] = [
  ['a responsible cell with a long run of commas', (n) => `Rektor${run(n, ',')}x`, splitRoles],
  ['a responsible cell with a long run of spaces and no "og"', (n) => `Rektor${run(n, ' ')}x`, splitRoles],
  ['a responsible cell of spaces after "og"', (n) => `Rektor og${run(n, ' ')}x`, splitRoles],
  ['a front-page line of spaces before a word', (n) => `Plan for${run(n, ' ')}x\n`, readTitleBlock],
  ['a front-page line of owners with spaces', (n) => `For kommunane${run(n, ' ')}A og B\n`, readTitleBlock],
  ['a name with a long run of spaces', (n) => `Høylandet${run(n, ' ')}x`, slug],
  ['a chat message of exclamation marks', (n) => `status${run(n, '!')}x`, parseCommand],
  [
    'a goal table whose header cell ends in a long run of spaces',
    (n) => `${HEADER.replace('Tiltak', `Tiltak${run(n, ' ')}x`)}\nMål 1 A\t1.1 B\t1.1.1 C\tRektor\t\n`,
    parseWordGoalTable,
  ],
  [
    'a goal table whose responsible cell holds a long run of commas',
    (n) => `${HEADER}\nMål 1 A\t1.1 B\t1.1.1 C\tRektor${run(n, ',')}x\t\n`,
    parseWordGoalTable,
  ],
  [
    'a goal table whose number cell holds a long run of digits and dots',
    (n) => `${HEADER}\nMål 1 A\t1.1 B\t${run(n, '1.')}x\tRektor\t\n`,
    (text) => {
      try {
        return parseWordGoalTable(text);
      } catch {
        return undefined; // refusing is fine; only the time matters here
      }
    },
  ],
];

describe('parsing time grows linearly with hostile input', () => {
  it.each(cases)('%s', (_name, make, parse) => {
    expect(growthRatio(make, parse, 20 * KB)).toBeLessThan(LINEAR_BOUND);
  });
});
