import { randomUUID } from 'node:crypto';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { loadDemoPlans } from '../../bot/src/adapters/demo/demo-plans';
import { ensurePlans } from '../../bot/src/app/ensure-plans';
import { getGoalTable, type GoalTable } from '../../bot/src/app/get-goal-table';
import { filterChoices, filterGoals, measureRows } from '../../tab/src/components/filter-table';
import { DEMO_PLANS_DIR } from '../support/demo';

describe("the tab's filters", () => {
  const tables = new Map<string, GoalTable>();
  beforeAll(async () => {
    const store = openSqliteStore(':memory:');
    await ensurePlans(
      { plans: store.plans, clock: { now: () => new Date() }, ids: { newId: () => randomUUID() } },
      loadDemoPlans(DEMO_PLANS_DIR),
    );
    const deps = { plans: store.plans, reports: store.reports, clock: { now: () => new Date('2026-11-22T12:00:00Z') } };
    for (const id of ['hoylandet-2023-2027', 'ardal-laerdal-2020-2025', 'stord-2022', 'ddo-2017-2020']) {
      tables.set(id, await getGoalTable(deps, id));
    }
    store.close();
  });
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
});
