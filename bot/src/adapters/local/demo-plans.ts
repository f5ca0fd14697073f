/**
 * Demo plans shipped with the repo (bot/demo/plans): a descriptor JSON per plan naming its source
 * document, which is imported with the plan's importer. Loaded by `npm start` into an empty store.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseWordGoalTable } from '../../domain/import/word-table';
import type { Plan } from '../../domain/plan';

const DescriptorSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  owners: z.array(z.object({ id: z.string().min(1), name: z.string().min(1) })).min(1),
  language: z.enum(['nb', 'nn']),
  period: z.object({ fromYear: z.number().int(), toYear: z.number().int() }),
  adoptedBy: z.string().optional(),
  format: z.literal('word-table'),
  file: z.string().min(1),
  source: z.string().min(1),
});

export function loadDemoPlans(dir: string): Plan[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => loadDemoPlan(join(dir, f)));
}

function loadDemoPlan(descriptorPath: string): Plan {
  const parsed = DescriptorSchema.safeParse(JSON.parse(readFileSync(descriptorPath, 'utf8')));
  if (!parsed.success) throw new Error(`Demo plan ${descriptorPath} is not valid: ${parsed.error.message}`);
  const d = parsed.data;
  const table = parseWordGoalTable(readFileSync(join(descriptorPath, '..', d.file), 'utf8'));
  return {
    id: d.id,
    title: d.title,
    owners: d.owners,
    language: d.language,
    period: d.period,
    ...(d.adoptedBy ? { adoptedBy: d.adoptedBy } : {}),
    cadence: table.cadence,
    levels: table.levels,
    goals: table.goals,
    source: d.source,
  };
}
