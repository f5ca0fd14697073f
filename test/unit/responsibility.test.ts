/** Who answers for a measure: roles scoped to the municipality, named people, and what no one reaches. */
import { answerersOf, measuresOwnedBy, placePeople, reachOf, type Person } from '../../bot/src/domain/responsibility';
import { findMeasure, type Plan } from '../../bot/src/domain/plan';
import { hoylandet } from '../support/demo';

const person = (userId: string, roles: string[], extra: Partial<Person> = {}): Person => ({
  userId,
  name: userId,
  roles,
  coordinatorOf: [],
  ...extra,
});
const fagleder = (extra: Partial<Person> = {}) => person('alex', ['Fagleder digitalisering'], extra);
const høylandet = hoylandet();
/** Another municipality's plan with the same role, imported into the same tenant. */
const other: Plan = { ...hoylandet(), id: 'sandefjord', owners: [{ id: 'sandefjord', name: 'Sandefjord kommune' }] };
const shared: Plan = {
  ...hoylandet(),
  id: 'shared',
  owners: [
    { id: 'ardal', name: 'Årdal kommune' },
    { id: 'laerdal', name: 'Lærdal kommune' },
  ],
};

describe('roles scoped per municipality', () => {
  it('counts a role only in plans the person’s municipality owns', () => {
    const alex = fagleder({ municipalities: ['hoylandet'] });
    expect(measuresOwnedBy(alex, høylandet)).toHaveLength(19);
    expect(measuresOwnedBy(alex, other)).toHaveLength(0); // the leak: another municipality's plan
  });

  it('places an entry without a municipality in its directory’s only one', () => {
    const [alex] = placePeople([fagleder(), person('kari', ['Rektor'], { municipalities: ['hoylandet'] })]);
    expect(alex?.municipalities).toEqual(['hoylandet']);
    expect(measuresOwnedBy(alex as Person, høylandet)).toHaveLength(19);
    expect(measuresOwnedBy(alex as Person, other)).toHaveLength(0);
  });

  it('leaves an entry without a municipality unplaced where the directory names several', () => {
    const people = placePeople([
      fagleder(),
      person('kari', ['Rektor'], { municipalities: ['hoylandet'] }),
      person('siri', ['Rektor'], { municipalities: ['sandefjord'] }),
    ]);
    expect(people[0]).toMatchObject({ unplaced: true });
    expect(people[0]?.municipalities).toBeUndefined();
    expect(measuresOwnedBy(people[0] as Person, høylandet)).toHaveLength(0);
    expect(reachOf(høylandet, people).unplaced).toEqual([{ name: 'alex', roles: ['Fagleder digitalisering'] }]);
  });

  it('places by tenant: another tenant’s municipalities do not unplace anyone', () => {
    const people = placePeople([fagleder(), person('siri', ['Rektor'], { municipalities: ['x'], tenantId: 't2' })]);
    expect(people[0]?.unplaced).toBeUndefined();
    expect(measuresOwnedBy(people[0] as Person, høylandet)).toHaveLength(19);
  });

  it('in a directory naming no municipality, an entry holds its roles in single-owner plans only', () => {
    const [alex] = placePeople([fagleder()]);
    expect(measuresOwnedBy(alex as Person, høylandet)).toHaveLength(19);
    expect(measuresOwnedBy(alex as Person, shared)).toHaveLength(0);
    expect(reachOf(shared, [alex as Person]).unplaced).toEqual([{ name: 'alex', roles: ['Fagleder digitalisering'] }]);
  });

  it('counts a role only in the tenant of the person', () => {
    expect(measuresOwnedBy(fagleder({ tenantId: 't2' }), høylandet)).toHaveLength(0);
  });
});

describe('people named on a measure', () => {
  const m = findMeasure(høylandet, '7.3.1');
  if (!m) throw new Error('7.3.1');
  const named = { ...m, responsiblePeople: [{ userId: 'kari', name: 'Kari' }] };
  const plan: Plan = { ...høylandet, goals: [{ ...høylandet.goals[0]!, children: [], measures: [named] }] };

  it('answer for it whatever their roles and municipality', () => {
    const kari = person('kari', [], { unplaced: true });
    expect(measuresOwnedBy(kari, plan).map((x) => x.number)).toEqual(['7.3.1']);
    expect(answerersOf(named, plan, [kari, fagleder()]).map((p) => p.userId)).toEqual(['kari']);
  });

  it('but only in their own tenant', () => {
    expect(measuresOwnedBy(person('kari', [], { tenantId: 't2' }), plan)).toHaveLength(0);
  });
});

describe('what no round reaches', () => {
  it('lists the measures no one answers for', () => {
    const alex = fagleder({ municipalities: ['hoylandet'] });
    const unreached = reachOf(høylandet, [alex]).unreached.map((m) => m.number);
    expect(unreached).toContain('7.3.1'); // no responsible at all
    expect(unreached).toContain('1.3.1'); // Teknisk sjef: no one holds it
    expect(unreached).not.toContain('1.3.2'); // Teknisk sjef, fagleder digitalisering
    expect(reachOf(other, [alex]).unreached).toHaveLength(19 + unreached.length);
  });
});
