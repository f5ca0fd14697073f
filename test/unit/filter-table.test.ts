import { randomUUID } from 'node:crypto';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { loadDemoPlans } from '../../bot/src/adapters/demo/demo-plans';
import { ensurePlans } from '../../bot/src/app/ensure-plans';
import { getGoalTable, type GoalTable } from '../../bot/src/app/get-goal-table';
import { overviewFor, type OverviewForActor } from '../../bot/src/app/get-overview';
import type { Actor } from '../../bot/src/domain/access';
import type { GoalNode } from '../../bot/src/domain/plan';
import type { MeasureFilter } from '../../bot/src/domain/measure-filter';
import { filterChoices, filterGoals, measureRows } from '../../tab/src/components/filter-table';
import { DEMO_PLANS_DIR, demoDirectory } from '../support/demo';

/** A leader of every plan: sees every overview. */
const LEADER: Actor = { userId: 'leader', name: 'Leder', appRoles: ['leader'] };

describe("the tab's filters", () => {
  const tables = new Map<string, GoalTable>();
  let overview: (planId: string, filter: MeasureFilter) => Promise<OverviewForActor>;
  const store = openSqliteStore(':memory:');
  beforeAll(async () => {
    await ensurePlans(
      { plans: store.plans, clock: { now: () => new Date() }, ids: { newId: () => randomUUID() } },
      loadDemoPlans(DEMO_PLANS_DIR),
    );
    const deps = { plans: store.plans, reports: store.reports, clock: { now: () => new Date('2026-11-22T12:00:00Z') } };
    for (const id of ['hoylandet-2023-2027', 'ardal-laerdal-2020-2025', 'stord-2022', 'ddo-2017-2020']) {
      tables.set(id, await getGoalTable(deps, id));
    }
    const directory = demoDirectory();
    overview = (planId, filter) =>
      overviewFor({ ...deps, locks: store.locks, directory }, LEADER, planId, undefined, filter);
  });
  afterAll(() => store.close());
  const table = (id: string): GoalTable => {
    const t = tables.get(id);
    if (!t) throw new Error(id);
    return t;
  };
  const numbers = (id: string, filter: Parameters<typeof filterGoals>[1]) =>
    measureRows(filterGoals(table(id).goals, filter)).map((m) => m.number);

  it("shows one role's measures, whatever case the plan wrote the role in", () => {
    expect(numbers('hoylandet-2023-2027', { role: 'Teknisk sjef' })).toEqual(['1.3.1', '1.3.2', '2.3.1', '2.3.2']);
    expect(numbers('hoylandet-2023-2027', { role: 'Fagleder digitalisering' })).toHaveLength(19);
  });

  it('leaves out goal levels with nothing left under them, keeping the numbering', () => {
    const goals = filterGoals(table('hoylandet-2023-2027').goals, { role: 'Teknisk sjef' });
    expect(goals.map((g) => g.number)).toEqual(['1', '2']);
    expect(goals[0]?.children.map((s) => s.number)).toEqual(['1.3']);
  });

  it("shows a municipality of a shared plan the rows for all and its own, not the others'", () => {
    const all = numbers('ardal-laerdal-2020-2025', {});
    expect(all).toContain('5.1.S1'); // applies to Årdal only
    expect(numbers('ardal-laerdal-2020-2025', { owner: 'ardal' })).toEqual(all);
    expect(numbers('ardal-laerdal-2020-2025', { owner: 'laerdal' })).toEqual(all.filter((n) => n !== '5.1.S1'));
  });

  it("shows one sector's measures", () => {
    expect(numbers('stord-2022', { sector: 'Oppvekst og kultur' })).toEqual(['3.1', '3.2', '3.3', '3.4']);
  });

  it('offers only the choices that narrow something', () => {
    expect(filterChoices(table('hoylandet-2023-2027')).owners).toEqual([]);
    expect(filterChoices(table('ardal-laerdal-2020-2025')).owners.map((o) => o.name)).toEqual([
      'Årdal kommune',
      'Lærdal kommune',
    ]);
    expect(filterChoices(table('stord-2022')).sectors).toEqual([
      'Felles',
      'RHO',
      'Oppvekst og kultur',
      'Tekniske tenester',
    ]);
    expect(filterChoices(table('ddo-2017-2020')).roles).toHaveLength(4);
    expect(filterChoices(table('hoylandet-2023-2027')).roles).toContain('Fagleder digitalisering');
  });

  describe('the overview narrows by the same rule, so header and cards agree', () => {
    const counted = (o: OverviewForActor) => Object.values(o.totals).reduce((a, b) => a + b, 0);
    const cards = (o: OverviewForActor) => o.goals.flatMap((g) => g.measures.map((m) => m.number));

    it("counts one sector's measures in a department's channel tab (Stord, Felles: 9, not 29)", async () => {
      const whole = await overview('stord-2022', {});
      const felles = await overview('stord-2022', { sector: 'Felles' });
      expect(counted(whole)).toBe(29);
      expect(counted(felles)).toBe(9);
      expect(cards(felles)).toEqual(numbers('stord-2022', { sector: 'Felles' }));
      expect(felles.goals.map((g) => g.text)).toEqual(['Felles']);
    });

    it('narrows by municipality and by role as the table does, per goal and in total', async () => {
      for (const [planId, filter] of [
        ['ardal-laerdal-2020-2025', { owner: 'laerdal' }],
        ['hoylandet-2023-2027', { role: 'teknisk sjef' }],
        ['ddo-2017-2020', { owner: 'risor', role: filterChoices(table('ddo-2017-2020')).roles[0] }],
      ] as const) {
        const narrowed = await overview(planId, filter);
        const rows = numbers(planId, filter);
        expect(cards(narrowed)).toEqual(rows);
        expect(counted(narrowed)).toBe(rows.length);
        for (const goal of narrowed.goals) {
          expect(Object.values(goal.counts).reduce((a, b) => a + b, 0)).toBe(goal.measures.length);
        }
      }
    });

    it('leaves out the indicators of measures the filter does not keep', async () => {
      // Sandefjord's numeric targets under goal 3 given a sector, so that a filter narrows them.
      const plan = (await store.plans.getPlan('sandefjord-2021-2024'))!;
      const sectored = (node: GoalNode): GoalNode => ({
        ...node,
        measures: node.measures.map((m) => ({ ...m, sector: 'Kultur' })),
        children: node.children.map(sectored),
      });
      await store.plans.savePlan({ ...plan, goals: plan.goals.map((g) => (g.number === '3' ? sectored(g) : g)) });
      const whole = await overview('sandefjord-2021-2024', {});
      const narrowed = await overview('sandefjord-2021-2024', { sector: 'Kultur' });
      expect(whole.indicators.map((i) => i.number)).toEqual(['3.M3', '3.T1', '4.T1', 'B.M2', 'B.M3', 'D.M1']);
      expect(narrowed.indicators.map((i) => i.number)).toEqual(['3.M3', '3.T1']);
      expect(narrowed.goals.map((g) => g.number)).toEqual(['3']);
    });
  });
});
