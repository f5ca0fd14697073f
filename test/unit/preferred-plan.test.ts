/**
 * The plan the tab opens on: the person's own (responsible in it, or its coordinator by name),
 * else the one reported on most recently, else the first — not simply the first alphabetically.
 */
import { preferredPlan } from '../../bot/src/app/preferred-plan';
import type { StatusReportRepository } from '../../bot/src/app/ports';
import type { Actor } from '../../bot/src/domain/access';
import type { StatusReport } from '../../bot/src/domain/status';
import { ALEX, demoDirectory, demoPlans, MEGAN } from '../support/demo';

const plans = demoPlans(); // ardal-laerdal, ddo, hoylandet, sandefjord, stord
const clock = { now: () => new Date('2026-11-22T12:00:00Z') };

function reportsAt(latest: Record<string, string>): StatusReportRepository {
  return {
    appendReports: () => Promise.reject(new Error('read only')),
    listReports: async (planId) =>
      latest[planId] ? [{ planId, reportedAt: latest[planId] } as unknown as StatusReport] : [],
  };
}

async function actorFor(userId: string): Promise<Actor> {
  const person = (await demoDirectory().listPeople()).find((p) => p.userId === userId);
  if (!person) throw new Error(userId);
  return { userId, name: person.name, appRoles: [], person };
}

describe('the plan the tab opens on', () => {
  it('is the plan the person coordinates, though another comes first alphabetically', async () => {
    expect(plans[0]?.id).toBe('ardal-laerdal-2020-2025');
    expect(await preferredPlan({ reports: reportsAt({}), clock }, await actorFor(ALEX.userId), plans)).toBe(
      'hoylandet-2023-2027',
    );
  });

  it('is, among the plans a person is responsible in, the one reported on most recently', async () => {
    // Megan: Teknisk sjef in Høylandet, and in DDØ's sector group for Teknikk og samfunn.
    const megan = await actorFor(MEGAN.userId);
    const deps = (latest: Record<string, string>) => ({ reports: reportsAt(latest), clock });
    expect(await preferredPlan(deps({}), megan, plans)).toBe('ddo-2017-2020');
    expect(
      await preferredPlan(
        deps({ 'hoylandet-2023-2027': '2026-11-20T10:00:00Z', 'ddo-2017-2020': '2026-11-01T10:00:00Z' }),
        megan,
        plans,
      ),
    ).toBe('hoylandet-2023-2027');
    // A plan that is not hers does not win by being reported on later.
    expect(await preferredPlan(deps({ 'stord-2022': '2026-11-21T10:00:00Z' }), megan, plans)).toBe('ddo-2017-2020');
  });

  it('is, for someone with no plan of their own, the one reported on most recently, else the first', async () => {
    const reader: Actor = { userId: 'r', name: 'Lesar', appRoles: [] };
    expect(
      await preferredPlan({ reports: reportsAt({ 'stord-2022': '2026-11-21T10:00:00Z' }), clock }, reader, plans),
    ).toBe('stord-2022');
    expect(await preferredPlan({ reports: reportsAt({}), clock }, reader, plans)).toBe('ardal-laerdal-2020-2025');
    expect(await preferredPlan({ reports: reportsAt({}), clock }, reader, [])).toBeUndefined();
  });
});
