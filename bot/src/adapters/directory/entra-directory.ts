/**
 * The directory in production: who holds which role comes from a role file the municipality keeps
 * (people by user principal name, or whole Entra ID groups per role — a plan's roles are positions,
 * which Entra ID does not know), and who they are — object id, name, manager — from Entra ID through
 * Graph. Read at start and again every `refreshMs`; when Graph fails, the last good picture stays.
 *
 * Graph calls: `GET /users/{upn}?$select=id,displayName&$expand=manager($select=id)` in $batch
 * envelopes of 20, and `GET /groups/{id}/transitiveMembers/microsoft.graph.user` (paged). Application
 * permissions: User.Read.All (users and their manager) and GroupMember.Read.All (groups).
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Directory } from '../../app/ports';
import type { Person } from '../../domain/responsibility';
import type { BatchRequest, GraphApi } from '../sharepoint/graph-http';
import { readJsonFile } from './read-json-file';

const Assignment = z.object({
  roles: z.array(z.string().min(1)).default([]),
  coordinatorOf: z.array(z.string().min(1)).default([]),
  leaderOf: z.array(z.string().min(1)).optional(),
  municipalities: z.array(z.string().min(1)).optional(),
});

const RoleFileSchema = z.object({
  people: z.array(Assignment.extend({ upn: z.string().min(3) })).default([]),
  groups: z.array(Assignment.extend({ groupId: z.string().min(1) })).default([]),
});

export type RoleFile = z.infer<typeof RoleFileSchema>;

export function loadRoleFile(path: string): RoleFile {
  return readJsonFile(path, RoleFileSchema, 'role file');
}

interface GraphUser {
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
  /** The mailbox's address; null for someone without one. */
  mail?: string | null;
  manager?: { id: string } | null;
}

export class EntraDirectory implements Directory {
  private people = new Map<string, Person>();
  private loaded: Promise<void> | undefined;
  private loadedAt = 0;

  constructor(
    private readonly graph: GraphApi,
    private readonly roles: RoleFile,
    private readonly logger: Logger,
    private readonly options: { refreshMs: number; now?: () => number } = { refreshMs: 15 * 60_000 },
  ) {}

  async findPerson(userId: string): Promise<Person | undefined> {
    await this.fresh();
    return this.people.get(userId);
  }

  async listPeople(): Promise<Person[]> {
    await this.fresh();
    return [...this.people.values()];
  }

  /** Reads Entra ID again now (e.g. after the role file changed). */
  async refresh(): Promise<void> {
    this.loaded = this.read().then(
      (people) => {
        this.people = people;
        this.loadedAt = this.now();
      },
      (error: unknown) => {
        // Keep whom we knew: a Graph outage must not make everyone unknown.
        this.logger.warn({ err: error }, 'could not read the directory from Entra ID; keeping the last one');
        if (this.loadedAt === 0) throw error;
      },
    );
    return this.loaded;
  }

  private fresh(): Promise<void> {
    if (!this.loaded || this.now() - this.loadedAt > this.options.refreshMs) return this.refresh();
    return this.loaded;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private async read(): Promise<Map<string, Person>> {
    const people = new Map<string, Person>();
    const add = (user: GraphUser, assignment: z.infer<typeof Assignment>) => {
      const known = people.get(user.id);
      const union = (a: string[] = [], b: string[] = []) => [...new Set([...a, ...b])];
      const municipalities = union(known?.municipalities, assignment.municipalities);
      const leaderOf = union(known?.leaderOf, assignment.leaderOf);
      people.set(user.id, {
        userId: user.id,
        name: user.displayName || user.userPrincipalName || user.id,
        roles: union(known?.roles, assignment.roles),
        coordinatorOf: union(known?.coordinatorOf, assignment.coordinatorOf),
        ...(leaderOf.length ? { leaderOf } : {}),
        ...(municipalities.length ? { municipalities } : {}),
        ...(user.mail ? { mail: user.mail } : known?.mail ? { mail: known.mail } : {}),
        ...(user.manager?.id ? { managerId: user.manager.id } : known?.managerId ? { managerId: known.managerId } : {}),
      });
    };

    const named = await this.usersByKey(this.roles.people.map((p) => p.upn));
    this.roles.people.forEach((assignment) => {
      const user = named.get(assignment.upn);
      if (user) add(user, assignment);
      else this.logger.warn({ upn: assignment.upn }, 'a person in the role file is not in Entra ID; left out');
    });

    for (const group of this.roles.groups) {
      const members = await this.graph.getAll<GraphUser>(
        `/groups/${encodeURIComponent(group.groupId)}/transitiveMembers/microsoft.graph.user?$select=id,displayName,userPrincipalName,mail&$top=999`,
      );
      // Members come without their manager: fetch it for those not already read by name.
      const missing = members.filter((m) => !people.has(m.id)).map((m) => m.id);
      const withManager = await this.usersByKey(missing);
      for (const m of members) add(withManager.get(m.id) ?? m, group);
    }
    return people;
  }

  /** Users by UPN or object id, with their manager's id, 20 to a $batch; unknown ones are absent. */
  private async usersByKey(keys: string[]): Promise<Map<string, GraphUser>> {
    const requests: BatchRequest[] = keys.map((key, i) => ({
      id: String(i),
      method: 'GET',
      url: `/users/${encodeURIComponent(key)}?$select=id,displayName,userPrincipalName,mail&$expand=manager($select=id)`,
    }));
    const responses = await this.graph.batch(requests);
    const users = new Map<string, GraphUser>();
    keys.forEach((key, i) => {
      const response = responses.get(String(i));
      if (response?.status === 200) users.set(key, response.body as GraphUser);
      else if (response && response.status !== 404)
        throw new Error(`Graph answered ${response.status} for user ${key}`);
    });
    return users;
  }
}
