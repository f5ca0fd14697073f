import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportError, parseWordGoalTable } from '../../bot/src/domain/import/word-table';
import type { GoalNode, Measure } from '../../bot/src/domain/plan';

const seed = readFileSync(join(__dirname, '../../bot/demo/plans/hoylandet-2023-2027.txt'), 'utf8');

function measures(goals: GoalNode[]): Measure[] {
  return goals.flatMap((g) => [...g.measures, ...measures(g.children)]);
}
function byNumber(goals: GoalNode[], n: string): Measure {
  const m = measures(goals).find((x) => x.number === n);
  if (!m) throw new Error(`no measure ${n}`);
  return m;
}

describe('Word goal table: the Høylandet seed', () => {
  const parsed = parseWordGoalTable(seed);

  it('finds the levels as the table names them and the yearly January cadence', () => {
    expect(parsed.levels).toEqual(['Hovedmål', 'Strategi', 'Tiltak']);
    expect(parsed.statusColumnLabel).toBe('Status pr. Januar hvert år');
    expect(parsed.cadence).toEqual({ kind: 'yearly', dueMonth: 1 });
  });

  it('has 7 hovedmål, 25 strategier and 44 tiltak with the council numbering', () => {
    expect(parsed.goals.map((g) => g.number)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(parsed.goals.flatMap((g) => g.children)).toHaveLength(25);
    const all = measures(parsed.goals);
    expect(all).toHaveLength(44);
    expect(all[0]?.number).toBe('1.1.1');
    expect(all.at(-1)?.number).toBe('7.3.1');
    expect(parsed.goals.map((g) => g.children.length)).toEqual([5, 4, 2, 5, 5, 1, 3]);
  });

  it('keeps texts, responsible and indicator as written', () => {
    expect(parsed.goals[0]?.text).toBe(
      'Digitalisere på en åpen, inkluderende og tillitsvekkende måte som bidrar til god tjenesteutvikling',
    );
    const m = byNumber(parsed.goals, '1.3.2');
    expect(m.text).toBe('Opplæring av ansatte og innbyggere/tjenestemottagere');
    expect(m.responsibleText).toBe('Teknisk sjef, fagleder digitalisering');
    expect(m.responsibleRoles).toEqual(['Teknisk sjef', 'fagleder digitalisering']);
    expect(m.indicator).toEqual({ kind: 'deliverable', text: 'Opplæring gjennomført' });
    // "1.3.1." with a trailing dot is still 1.3.1; "Teknisk sjef." loses the separator.
    expect(byNumber(parsed.goals, '1.3.1').text).toBe('Innføre bruk av innbyggerdialog');
    expect(byNumber(parsed.goals, '2.3.1').responsibleText).toBe('Teknisk sjef');
    expect(byNumber(parsed.goals, '5.2.6').responsibleRoles).toEqual(['IKTIN', 'OVIT']);
    expect(byNumber(parsed.goals, '5.4.1').responsibleRoles).toEqual(['Kommunalsjefer', 'fagleder digitalisering']);
  });

  it('joins the strategy text that Word put on the next row (4.3)', () => {
    const s43 = parsed.goals[3]?.children.find((s) => s.number === '4.3');
    expect(s43?.text).toBe('Inneha en høyere andel av ansatte som benytter digitale verktøy - trygge brukere.');
    expect(s43?.measures.map((m) => m.number)).toEqual(['4.3.1', '4.3.2']);
  });

  it('mends goal 7, split by a page break, without inventing anything', () => {
    const goal7 = parsed.goals[6];
    expect(goal7?.text).toBe(
      'Ha bedre digital samhandling og mer sammenhengende tjenester i et felles digitalt økosystem',
    );
    expect(goal7?.children[1]?.text).toBe('Overordnet samarbeid ang. system og opplæring');
    const m721 = byNumber(parsed.goals, '7.2.1');
    expect(m721.text).toBe('Oppretting av en digital ressursgruppe på tvers av avdelingene');
    expect(m721.responsibleText).toBe('Fagleder digitalisering');
    expect(m721.indicator.text).toBe('Digital ressursgruppe opprettet');
    const m731 = byNumber(parsed.goals, '7.3.1');
    expect(m731.responsibleRoles).toEqual([]);
    expect(m731.indicator.text).toBe('');
  });

  it('ties every gap to its source line', () => {
    const lineOf = (number: string): number => seed.split('\n').findIndex((l) => l.includes(`\t${number} `)) + 1;
    expect(parsed.warnings).toEqual(
      expect.arrayContaining([
        { line: lineOf('7.3.1'), code: 'missing-responsible', number: '7.3.1' },
        { line: lineOf('7.3.1'), code: 'missing-indicator', number: '7.3.1' },
        { line: lineOf('4.4.1'), code: 'missing-indicator', number: '4.4.1' },
        expect.objectContaining({ code: 'row-continued', number: '7.2.1' }),
        expect.objectContaining({ code: 'cell-continued', number: '4.3' }),
      ]),
    );
    expect(parsed.warnings.every((w) => w.line > 0)).toBe(true);
  });
});

describe('Word goal table: bad input', () => {
  it('names the line when a measure comes before any goal', () => {
    const text = 'Hovedmål\tStrategi\tTiltak\tAnsvarlig / Måleindikator\tStatus\n\t\t1.1.1 Noe\tRektor\t\n';
    expect(() => parseWordGoalTable(text)).toThrow(ImportError);
    try {
      parseWordGoalTable(text);
    } catch (e) {
      expect((e as ImportError).line).toBe(2);
    }
  });

  it('refuses text without a goal table', () => {
    expect(() => parseWordGoalTable('Bare litt tekst\nuten tabell')).toThrow(/no-header/);
  });

  it('refuses a measure number used twice', () => {
    const text = [
      'Hovedmål\tStrategi\tTiltak\tAnsvarlig / Måleindikator\tStatus',
      'Mål 1 A\t1.1 B\t1.1.1 C\tRektor Måleindikator: x\t',
      '\t\t1.1.1 D\tRektor Måleindikator: y\t',
    ].join('\n');
    expect(() => parseWordGoalTable(text)).toThrow(expect.objectContaining({ line: 3, code: 'duplicate-number' }));
  });
});
