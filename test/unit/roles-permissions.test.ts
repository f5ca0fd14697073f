import { actorOf, mayReportOn as mayActorReportOn } from '../../bot/src/domain/access';
import { isResponsibleFor, measuresOwnedBy, type Person } from '../../bot/src/domain/responsibility';
import { findMeasure } from '../../bot/src/domain/plan';
import { roleKey, splitRoles } from '../../bot/src/domain/roles';
import { hoylandet } from '../support/demo';

/** A person from the directory reporting in the chat. */
const mayReportOn = (
  person: Person,
  ...rest: Parameters<typeof mayActorReportOn> extends [unknown, ...infer R] ? R : never
) => mayActorReportOn(actorOf(person), ...rest);

describe('responsible roles', () => {
  it('splits two roles joined by a comma or "og", but not a sector name', () => {
    expect(splitRoles('Teknisk sjef, fagleder digitalisering')).toEqual(['Teknisk sjef', 'fagleder digitalisering']);
    expect(splitRoles('Mellomledere og kommunalsjefer')).toEqual(['Mellomledere', 'kommunalsjefer']);
    expect(splitRoles('Kommunalsjef Oppvekst og kultur')).toEqual(['Kommunalsjef Oppvekst og kultur']);
    expect(splitRoles('Kommunalsjef helse og omsorg og fagleder digitalisering')).toEqual([
      'Kommunalsjef helse og omsorg',
      'fagleder digitalisering',
    ]);
    expect(splitRoles('Ansvarlig: IKTIN, OVIT')).toEqual(['IKTIN', 'OVIT']);
    expect(splitRoles('Sektorgruppe Utdanning, oppvekst og kultur')).toEqual([
      'Sektorgruppe Utdanning, oppvekst og kultur',
    ]);
    expect(splitRoles('Rektor, Kommunalsjef helse, sosial og omsorg')).toEqual([
      'Rektor',
      'Kommunalsjef helse, sosial og omsorg',
    ]);
    expect(splitRoles('')).toEqual([]);
  });

  it('matches a role whatever its case and trailing punctuation', () => {
    expect(roleKey('Teknisk sjef.')).toBe(roleKey('teknisk  sjef'));
    expect(roleKey('Fagleder digitalisering,')).toBe('fagleder digitalisering');
  });
});

describe('who may report on what', () => {
  const plan = hoylandet();
  const measure = (n: string) => {
    const m = findMeasure(plan, n);
    if (!m) throw new Error(n);
    return m;
  };
  const teknisk: Person = { userId: 'u1', name: 'Teknisk', roles: ['Teknisk sjef'], coordinatorOf: [] };
  const coordinator: Person = { userId: 'u2', name: 'Koordinator', roles: [], coordinatorOf: [plan.id] };
  const outsider: Person = { userId: 'u3', name: 'Annen', roles: ['Rektor'], coordinatorOf: ['another-plan'] };

  it('lets the responsible role report, including a shared measure', () => {
    expect(mayReportOn(teknisk, plan, measure('1.3.1'))).toBe(true);
    expect(mayReportOn(teknisk, plan, measure('1.3.2'))).toBe(true); // "Teknisk sjef, fagleder digitalisering"
    expect(mayReportOn(teknisk, plan, measure('2.3.1'))).toBe(true); // written "Teknisk sjef."
    expect(mayReportOn(teknisk, plan, measure('4.1.1'))).toBe(false);
  });

  it("lets the plan's coordinator report on any measure, and nobody else", () => {
    expect(mayReportOn(coordinator, plan, measure('4.1.1'))).toBe(true);
    expect(mayReportOn(coordinator, plan, measure('7.3.1'))).toBe(true); // no responsible at all
    expect(mayReportOn(outsider, plan, measure('4.1.1'))).toBe(false);
    expect(isResponsibleFor(coordinator, plan, measure('4.1.1'))).toBe(false);
  });

  it('in a shared plan, gives a person the rows of their own municipality only', () => {
    const shared = {
      ...plan,
      owners: [
        { id: 'ardal', name: 'Årdal kommune' },
        { id: 'laerdal', name: 'Lærdal kommune' },
      ],
    };
    const onlyArdal = { ...measure('1.3.1'), appliesTo: ['ardal'] };
    const inLaerdal: Person = { ...teknisk, municipalities: ['laerdal'] };
    const inArdal: Person = { ...teknisk, municipalities: ['ardal'] };
    expect(mayReportOn(inArdal, shared, onlyArdal)).toBe(true);
    expect(mayReportOn(inLaerdal, shared, onlyArdal)).toBe(false);
    expect(mayReportOn(inLaerdal, shared, measure('1.3.2'))).toBe(true); // applies to all owners
    // No municipality given: in a shared plan the person's roles count nowhere (docs/directory.md).
    expect(mayReportOn(teknisk, shared, onlyArdal)).toBe(false);
  });

  it('gives each person exactly their own measures for the card', () => {
    expect(measuresOwnedBy(teknisk, plan).map((m) => m.number)).toEqual(['1.3.1', '1.3.2', '2.3.1', '2.3.2']);
    const fagleder: Person = { userId: 'u4', name: 'F', roles: ['Fagleder digitalisering'], coordinatorOf: [] };
    expect(measuresOwnedBy(fagleder, plan)).toHaveLength(19);
  });
});
