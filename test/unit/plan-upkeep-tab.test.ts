import { appliesToChange, appliesToDraftOf } from '../../tab/src/components/applies-to';
import { takesSubGoals } from '../../tab/src/components/upkeep/upkeep-action';

const OWNERS = [
  { id: 'ardal', name: 'Årdal kommune' },
  { id: 'laerdal', name: 'Lærdal kommune' },
];

describe('the applies-to field', () => {
  it('starts with every owner ticked for a measure that names none', () => {
    expect(appliesToDraftOf(undefined, OWNERS)).toEqual(['ardal', 'laerdal']);
    expect(appliesToDraftOf(['laerdal'], OWNERS)).toEqual(['laerdal']);
  });
  it('sends nothing when unchanged, the owners in plan order when narrowed, and null for all', () => {
    expect(appliesToChange(['ardal', 'laerdal'], ['laerdal', 'ardal'], OWNERS)).toEqual({});
    expect(appliesToChange(['ardal', 'laerdal'], ['laerdal'], OWNERS)).toEqual({ appliesTo: ['laerdal'] });
    expect(appliesToChange(['laerdal'], ['laerdal', 'ardal'], OWNERS)).toEqual({ appliesTo: null });
  });
});

it('offers a new sub-goal only above the last goal level, as the service proposes numbers', () => {
  const levels = ['Satsingsområde', 'Delområde', 'Tiltak'];
  expect(takesSubGoals(0, levels)).toBe(true);
  expect(takesSubGoals(1, levels)).toBe(false);
  expect(takesSubGoals(0, ['Mål', 'Tiltak'])).toBe(false);
});
