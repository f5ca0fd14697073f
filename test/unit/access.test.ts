import {
  actorOf,
  appRolesFromClaims,
  can,
  importsPlans,
  mayAnswerFormOf,
  type Actor,
} from '../../bot/src/domain/access';
import { allMeasures, type Plan } from '../../bot/src/domain/plan';
import { hoylandet } from '../support/demo';

/** Plans by id, in the deployment's home tenant. */
const planOf = (id: string) => ({ id }) as Plan;

const person = (over: Partial<NonNullable<Actor['person']>> = {}) => ({
  userId: 'u',
  name: 'N',
  roles: [],
  coordinatorOf: [],
  ...over,
});

describe('who may do what with a plan', () => {
  const reader: Actor = { userId: 'r', name: 'R', appRoles: [] };
  const planLeader: Actor = { userId: 'l', name: 'L', appRoles: [], person: person({ leaderOf: ['a'] }) };
  const planCoordinator: Actor = { userId: 'c', name: 'C', appRoles: [], person: person({ coordinatorOf: ['a'] }) };
  const tenantCoordinator: Actor = { userId: 't', name: 'T', appRoles: ['coordinator'] };

  it.each([
    ['reader', reader, [true, false, false, false]],
    ['leader of plan a', planLeader, [true, true, false, false]],
    ['coordinator of plan a', planCoordinator, [true, true, true, false]],
    ['tenant coordinator', tenantCoordinator, [true, true, true, true]],
  ] as const)('%s', (_name, actor, expected) => {
    expect([
      can(actor, 'view-plan', planOf('a')),
      can(actor, 'export-plan', planOf('a')),
      can(actor, 'replace-plan', planOf('a')),
      can(actor, 'import-new-plan'),
    ]).toEqual(expected);
  });

  it("gives a plan's roles for that plan only", () => {
    expect(can(planCoordinator, 'replace-plan', planOf('b'))).toBe(false);
    expect(can(planLeader, 'export-plan', planOf('b'))).toBe(false);
    expect(importsPlans(planCoordinator)).toBe(true);
    expect(importsPlans(planLeader)).toBe(false);
  });

  it('reads Entra ID app roles and ignores others', () => {
    expect(appRolesFromClaims(['Tiltak.Leader', 'Something.Else', 'Tiltak.Coordinator'])).toEqual([
      'coordinator',
      'leader',
    ]);
    expect(appRolesFromClaims([])).toEqual([]);
  });
});

describe("who may see and answer someone's status form (a card refreshed or opened again)", () => {
  const plan = hoylandet();
  const measure = allMeasures(plan).find((m) => m.responsibleRoles.includes('Teknisk sjef'))!;
  const kari = person({ userId: 'kari', roles: ['Teknisk sjef'] });
  const ola = person({ userId: 'ola', roles: ['Personalsjef'] });
  const elsewhere = { ...kari, tenantId: 'other-tenant' };

  it('the owner while responsible, and the substitute standing in for them today; nobody else', () => {
    expect(mayAnswerFormOf(actorOf(kari), kari, plan, measure, undefined)).toBe(true);
    expect(mayAnswerFormOf(actorOf(ola), kari, plan, measure, 'ola')).toBe(true);
    expect(mayAnswerFormOf(actorOf(ola), kari, plan, measure, undefined)).toBe(false);
    expect(mayAnswerFormOf(actorOf(ola), kari, plan, measure, 'per')).toBe(false);
    expect(mayAnswerFormOf(actorOf(ola), ola, plan, measure, undefined)).toBe(false);
  });

  it('never across tenants', () => {
    expect(mayAnswerFormOf(actorOf(elsewhere), elsewhere, plan, measure, undefined)).toBe(false);
    expect(mayAnswerFormOf({ ...actorOf(ola), tenantId: 'other-tenant' }, kari, plan, measure, 'ola')).toBe(false);
  });
});
