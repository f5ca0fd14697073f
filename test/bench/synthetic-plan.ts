/** Plans of a given size for the benchmarks: goals of `perGoal` measures each, yearly cadence. */
import type { Plan } from '../../bot/src/domain/plan';

export function syntheticPlan(options: {
  id: string;
  measures: number;
  perGoal: number;
  fromYear: number;
  toYear: number;
}): Plan {
  const { measures, perGoal } = options;
  const goals = Array.from({ length: Math.ceil(measures / perGoal) }, (_, g) => ({
    id: `g${g + 1}`,
    level: 0,
    number: String(g + 1),
    text: `Mål ${g + 1}`,
    children: [],
    measures: Array.from({ length: Math.min(perGoal, measures - g * perGoal) }, (_, m) => ({
      id: `${g + 1}.${m + 1}`,
      number: `${g + 1}.${m + 1}`,
      text: `Tiltak ${g + 1}.${m + 1}: et tiltak med en beskrivelse av rimelig lengde for en kommunal plan`,
      responsibleText: 'Fagleder digitalisering',
      responsibleRoles: ['Fagleder digitalisering'],
      indicator: { kind: 'deliverable' as const, text: 'Levert' },
    })),
  }));
  return {
    id: options.id,
    title: `Benchmark ${measures}`,
    owners: [{ id: 'bench', name: 'Benchmark kommune' }],
    language: 'nb',
    period: { fromYear: options.fromYear, toYear: options.toYear },
    cadence: { kind: 'yearly', dueMonth: 1 },
    levels: ['Mål', 'Tiltak'],
    goals,
  } as Plan;
}
