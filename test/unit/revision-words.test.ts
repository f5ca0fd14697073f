import type { RevisionDiff } from '../../bot/src/contract';
import { adoptConsequences, diffGroups, draftChangesNothing, fieldWords } from '../../tab/src/revision/revision-words';

const diff: RevisionDiff = {
  added: [{ id: 'n1', number: '1.4', text: 'Nytt lavterskeltilbod' }],
  removed: [
    { id: 'r1', number: '2.1', text: 'Kartlegging', reported: true },
    { id: 'r2', number: '2.2', text: 'Brosjyre', reported: false },
    { id: 'r3', number: '2.3', text: 'Kampanje', reported: true },
  ],
  renumbered: [{ id: 'm3', number: '2.1', from: '2.4', text: 'Foreldrekurs' }],
  changed: [{ id: 'm4', number: '3.1', text: 'Tverrfagleg team', fields: ['priority', 'priorityText', 'goal'] }],
  unchanged: 40,
};

describe('the revision’s diff in words', () => {
  it('names new, removed, renumbered and changed measures in that order, each with its count', () => {
    const groups = diffGroups('nn', diff);
    expect(groups.map((g) => g.heading)).toEqual(['Nye tiltak (1)', 'Fjerna (3)', 'Nytt nummer (1)', 'Endra (1)']);
    expect(groups[2]?.items[0]?.text).toBe('Nytt nummer 2.4 → 2.1: Foreldrekurs');
  });

  it('says a removed measure with reports is closed and kept, one without is deleted', () => {
    const removed = diffGroups('nb', diff)
      .find((g) => g.kind === 'removed')
      ?.items.map((i) => i.text);
    expect(removed?.[0]).toContain('har rapporter, avsluttes og beholdes');
    expect(removed?.[1]).toContain('uten rapporter, slettes');
  });

  it('names each changed field once, in the user’s language', () => {
    expect(fieldWords('en', ['priority', 'priorityText', 'goal'])).toBe('priority, moved to another goal');
    expect(diffGroups('en', diff).find((g) => g.kind === 'changed')?.items[0]?.text).toBe(
      'Changed 3.1 Tverrfagleg team (priority, moved to another goal)',
    );
  });

  it('leaves out groups with nothing in them', () => {
    const onlyAdded = { ...diff, removed: [], renumbered: [], changed: [] };
    expect(diffGroups('nb', onlyAdded).map((g) => g.kind)).toEqual(['added']);
    expect(draftChangesNothing(onlyAdded)).toBe(false);
    expect(draftChangesNothing({ ...onlyAdded, added: [] })).toBe(true);
  });

  it('tells before adopting how many measures with reports will be closed and how many deleted', () => {
    const lines = adoptConsequences('nn', diff, 3);
    expect(lines[0]).toContain('versjon 3');
    expect(lines).toContain('2 tiltak med rapportar blir avslutta og tekne vare på med historikken.');
    expect(lines).toContain('1 tiltak utan rapportar blir sletta.');
    expect(adoptConsequences('en', { ...diff, removed: [] }, 1)).toHaveLength(2);
  });
});
