/**
 * The directory with everyone placed in their municipality (domain/responsibility.ts `placePeople`):
 * whether an entry without a municipality holds its roles depends on the rest of its tenant's
 * directory, so each person is read together with the others.
 */
import { placePeople, type Person } from '../domain/responsibility';
import type { Directory } from './ports';

export class PlacedDirectory implements Directory {
  constructor(private readonly inner: Directory) {}

  async findPerson(userId: string): Promise<Person | undefined> {
    const person = await this.inner.findPerson(userId);
    if (!person || person.municipalities?.length) return person;
    return (await this.listPeople()).find((p) => p.userId === userId);
  }

  async listPeople(): Promise<Person[]> {
    return placePeople(await this.inner.listPeople());
  }
}
