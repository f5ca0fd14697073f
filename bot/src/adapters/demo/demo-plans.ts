/**
 * Demo plans shipped with the repo (bot/demo/plans), loaded by `npm start` into an empty store.
 * Each is a JSON file of one of two formats:
 * - "word-table": plan facts plus the name of a text file holding the goal table as pasted from
 *   Word; the table is imported by the Word-table importer, as a coordinator's paste would be;
 * - "curated": the whole plan, transcribed from a prose strategy (see files/plan-json-reader.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseWordGoalTable } from '../../domain/import/word-table';
import { BENEFIT_TYPES, type RealisedBenefit } from '../../domain/benefit';
import type { Plan } from '../../domain/plan';
import { planFromDocument } from '../files/plan-json-reader';

const WordTableDescriptorSchema = z.object({
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

/** A curated demo plan's realised benefits, so its overview shows a return from the start. */
const DemoRealisedSchema = z.object({
  realisedBenefits: z
    .array(
      z.object({
        measure: z.string().min(1),
        type: z.enum(BENEFIT_TYPES),
        periodId: z.string().min(1),
        year: z.number().int(),
        value: z.number().nonnegative().optional(),
        comment: z.string().optional(),
        reportedAt: z.string().datetime(),
      }),
    )
    .optional(),
});

/** The demo's realised benefits of each plan, reported by the demo's coordinator; ids stable, so loading twice adds nothing. */
export function loadDemoRealised(dir: string, planId: string): RealisedBenefit[] {
  const path = join(dir, `${planId}.json`);
  if (!existsSync(path)) return [];
  const parsed = DemoRealisedSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  return (parsed.realisedBenefits ?? []).map((r, i) => ({
    id: `demo-${planId}-${i + 1}`,
    planId,
    measureId: r.measure,
    benefitType: r.type,
    periodId: r.periodId,
    year: r.year,
    ...(r.value !== undefined ? { value: r.value } : {}),
    ...(r.comment ? { comment: r.comment } : {}),
    reportedBy: { userId: 'demo-coordinator', name: 'Demo: koordinator' },
    reportedAt: r.reportedAt,
  }));
}

export function loadDemoPlans(dir: string): Plan[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => loadDemoPlan(join(dir, f)));
}

function loadDemoPlan(path: string): Plan {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { format?: unknown };
  if (raw.format === 'curated') return planFromDocument(raw, path);
  const parsed = WordTableDescriptorSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`Demo plan ${path} is not valid: ${parsed.error.message}`);
  const d = parsed.data;
  const table = parseWordGoalTable(readFileSync(join(path, '..', d.file), 'utf8'));
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
