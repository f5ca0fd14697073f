/**
 * The plan's structure kept up in the tab: a new measure is offered the number after its siblings'
 * (unique in the plan, and the coordinator may write another), a goal goes under a goal level, a
 * moved measure keeps its id (and so its reports), and only a measure without reports may be deleted.
 */
import { DomainError } from '../../bot/src/domain/errors';
import { allMeasures, findMeasure, replaceMeasure, type Plan } from '../../bot/src/domain/plan';
import {
  addGoal,
  addMeasure,
  deleteMeasure,
  findGoal,
  moveMeasure,
  proposeGoalNumber,
  proposeMeasureNumber,
} from '../../bot/src/domain/plan-upkeep';
import { demoPlans, hoylandet } from '../support/demo';

const plan = hoylandet();
const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
};

describe('numbering something new', () => {
  it('proposes the number after the last sibling, and the goal’s own with .1 under an empty goal', () => {
    expect(proposeMeasureNumber(plan, 'g1.2')).toBe('1.2.3');
    const { plan: withGoal } = addGoal(plan, 'g1', { number: '1.6', text: 'Ny strategi' });
    expect(proposeMeasureNumber(withGoal, 'g1.6')).toBe('1.6.1');
  });

  it('follows numbers with letters in them (Sandefjord’s 1.T3 → 1.T4)', () => {
    const sandefjord = demoPlans().find((p) => p.id.startsWith('sandefjord')) as Plan;
    const goal = sandefjord.goals[0]!;
    const last = goal.measures.at(-1)!.number;
    expect(last).toMatch(/^1\.T\d+$/);
    expect(proposeMeasureNumber(sandefjord, goal.id)).toBe(`1.T${Number(last.slice(3)) + 1}`);
  });

  it('never proposes a number the plan uses, even when a moved measure holds it', () => {
    const moved = moveMeasure(plan, '1.1.1', 'g1.2'); // 1.2 now ends with 1.1.1
    expect(findGoal(moved, 'g1.1')?.measures).toEqual([]);
    expect(proposeMeasureNumber(moved, 'g1.1')).toBe('1.1.2');
  });

  it('proposes a goal number after the last sibling goal', () => {
    expect(proposeGoalNumber(plan, 'g1')).toBe('1.6');
    expect(proposeGoalNumber(plan, undefined)).toBe('8');
  });
});

describe('adding', () => {
  it('adds a measure last under its goal, its id its number, asked for like any other', () => {
    const { plan: next, measure } = addMeasure(plan, 'g1.2', {
      number: ' 1.2.3 ',
      text: 'Nytt tiltak',
      responsibleText: 'Rektor',
    });
    expect(measure).toMatchObject({ id: '1.2.3', number: '1.2.3', responsibleRoles: ['Rektor'] });
    expect(findGoal(next, 'g1.2')?.measures.at(-1)?.id).toBe('1.2.3');
    expect(allMeasures(next)).toHaveLength(allMeasures(plan).length + 1);
    expect(allMeasures(plan)).toHaveLength(44); // the plan itself is not changed
  });

  it('refuses a number in use, an empty one, an empty text and an unknown goal', () => {
    expect(codeOf(() => addMeasure(plan, 'g1.2', { number: '1.1.1', text: 'x' }))).toBe('number-taken');
    expect(codeOf(() => addMeasure(plan, 'g1.2', { number: ' ', text: 'x' }))).toBe('invalid-field');
    expect(codeOf(() => addMeasure(plan, 'g1.2', { number: '1.2.9', text: '' }))).toBe('invalid-edit');
    expect(codeOf(() => addMeasure(plan, 'g9', { number: '9.1', text: 'x' }))).toBe('unknown-goal');
  });

  it('gives a new measure another id when an older measure holds its number as id', () => {
    // 1.1.1 renumbered 1.1.7 keeps its id, so its reports stay with it; a new 1.1.1 is not that one.
    const renumbered = replaceMeasure(plan, { ...findMeasure(plan, '1.1.1')!, number: '1.1.7' });
    const { measure } = addMeasure(renumbered, 'g1.1', { number: '1.1.1', text: 'Nytt' });
    expect(measure.id).not.toBe('1.1.1');
    expect(measure.number).toBe('1.1.1');
  });

  it('adds a goal under a goal level, not under the last one, with a unique number', () => {
    const { plan: next, goal } = addGoal(plan, 'g1', { number: '1.6', text: 'Ny strategi' });
    expect(goal).toMatchObject({ id: 'g1.6', level: 1, number: '1.6', children: [], measures: [] });
    expect(findGoal(next, 'g1')?.children.at(-1)?.id).toBe('g1.6');
    expect(addGoal(plan, undefined, { number: '8', text: 'Nytt hovedmål' }).goal.level).toBe(0);
    expect(codeOf(() => addGoal(plan, 'g1.1', { number: '1.1.9', text: 'x' }))).toBe('invalid-field');
    expect(codeOf(() => addGoal(plan, 'g1', { number: '1.1', text: 'x' }))).toBe('number-taken');
  });
});

describe('moving and deleting', () => {
  it('moves a measure to another goal keeping its id and number', () => {
    const next = moveMeasure(plan, '1.1.1', 'g2.1');
    expect(findGoal(next, 'g1.1')?.measures.map((m) => m.id)).toEqual([]);
    expect(findGoal(next, 'g2.1')?.measures.at(-1)).toEqual(findMeasure(plan, '1.1.1'));
    expect(codeOf(() => moveMeasure(plan, '1.1.1', 'g9'))).toBe('unknown-goal');
    expect(codeOf(() => moveMeasure(plan, '9.9.9', 'g2.1'))).toBe('unknown-measure');
  });

  it('deletes a measure only without reports; one with reports is to be closed instead', () => {
    expect(findMeasure(deleteMeasure(plan, '1.1.1', 0), '1.1.1')).toBeUndefined();
    expect(codeOf(() => deleteMeasure(plan, '1.1.1', 3))).toBe('measure-has-reports');
  });
});
