/** People for reminder rounds of any size: `count` of them, all answering for measures of Høylandet's plan. */
import type { Directory } from '../../bot/src/app/ports';
import type { Person } from '../../bot/src/domain/responsibility';

export function responsiblePeople(count: number): { people: Person[]; directory: Directory } {
  const people: Person[] = Array.from({ length: count }, (_, i) => ({
    userId: `u${i}`,
    name: `Person ${i}`,
    roles: ['Fagleder digitalisering'],
    coordinatorOf: [],
  }));
  const byId = new Map(people.map((p) => [p.userId, p]));
  return {
    people,
    directory: { findPerson: async (id) => byId.get(id), listPeople: async () => people },
  };
}
