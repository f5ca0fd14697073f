/**
 * The local directory: people, the roles they hold and the plans they coordinate, from a JSON file
 * (the demo maps the Agents Playground's users to Høylandet's roles). In production Entra ID takes
 * this place through the same Directory port.
 */
import { z } from 'zod';
import type { Directory } from '../../app/ports';
import type { Person } from '../../domain/responsibility';
import { readJsonFile } from './read-json-file';

const DirectoryFileSchema = z.object({
  people: z.array(
    z.object({
      userId: z.string().min(1),
      name: z.string().min(1),
      roles: z.array(z.string().min(1)).default([]),
      coordinatorOf: z.array(z.string().min(1)).default([]),
      leaderOf: z.array(z.string().min(1)).optional(),
      municipalities: z.array(z.string().min(1)).optional(),
      managerId: z.string().min(1).optional(),
      mail: z.email().optional(),
      tenantId: z.string().min(1).optional(),
    }),
  ),
});

export class FileDirectory implements Directory {
  private readonly people: Map<string, Person>;

  constructor(people: Person[]) {
    this.people = new Map(people.map((p) => [p.userId, p]));
  }

  static load(path: string): FileDirectory {
    return new FileDirectory(readJsonFile(path, DirectoryFileSchema, 'directory file').people);
  }

  async findPerson(userId: string): Promise<Person | undefined> {
    return this.people.get(userId);
  }

  async listPeople(): Promise<Person[]> {
    return [...this.people.values()];
  }
}
