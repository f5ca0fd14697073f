/**
 * Importing a plan in two steps, as the tab's import page does it: preview (parse and show,
 * save nothing) and confirm (parse the same file again and save). The server never trusts a plan
 * the browser sends back; it saves what it parsed itself.
 */
import { can, importsPlans, type Actor } from '../domain/access';
import { DomainError } from '../domain/errors';
import { currentPlanPeriod, planPeriods } from '../domain/period';
import type { Plan } from '../domain/plan';
import { goalTableOf, type GoalTable } from './get-goal-table';
import type { Clock, IdGenerator, PlanRepository } from './ports';
import { saveImportedPlan, type ImportOutcome } from './save-imported-plan';

export interface ImportWarningView {
  /** "linje 206" or "Tiltak!C7". */
  where: string;
  message: string;
}

export interface ParsedPlan {
  plan: Plan;
  warnings: ImportWarningView[];
}

/** Facts about the plan the person gives where the document's front page does not. */
export interface PlanFacts {
  id?: string;
  title?: string;
  owners?: string[];
  language?: 'nb' | 'nn';
  fromYear?: number;
  toYear?: number;
  adoptedBy?: string;
}

/** A problem in an uploaded file, located so the person can fix it. */
export interface ImportProblem {
  where: string;
  message: string;
  /** For missing facts: which one, so a form can ask for it. */
  fact?: keyof PlanFacts;
}

export class PlanFileError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(problems.map((p) => `${p.where}: ${p.message}`).join('; '));
    this.name = 'PlanFileError';
  }
}

/** Parses an uploaded file; throws PlanFileError with problems the person can act on. */
export type PlanFileParser = (fileName: string, content: Buffer, facts?: PlanFacts) => Promise<ParsedPlan>;

export interface ImportPreview {
  table: GoalTable;
  warnings: ImportWarningView[];
  /** True when a plan with this id exists: saving then needs an explicit "replace". */
  exists: boolean;
}

export interface PlanImportDeps {
  plans: PlanRepository;
  clock: Clock;
  ids: IdGenerator;
  parse: PlanFileParser;
}

/** Importing is the coordinators' work: a new plan needs the tenant-wide role, replacing one its coordinator. */
async function authorise(deps: PlanImportDeps, actor: Actor, planId: string): Promise<boolean> {
  const existing = await deps.plans.getPlan(planId);
  const allowed = existing ? can(actor, 'replace-plan', existing) : can(actor, 'import-new-plan');
  if (!allowed) throw new DomainError('forbidden', { planId });
  return existing !== undefined;
}

export async function previewPlanImport(
  deps: PlanImportDeps,
  actor: Actor,
  fileName: string,
  content: Buffer,
  facts: PlanFacts = {},
): Promise<ImportPreview> {
  if (!importsPlans(actor)) throw new DomainError('forbidden');
  const { plan, warnings } = await deps.parse(fileName, content, facts);
  const exists = await authorise(deps, actor, plan.id);
  const now = deps.clock.now();
  const table = goalTableOf(
    plan,
    currentPlanPeriod(plan.cadence, plan.period, now),
    planPeriods(plan.cadence, plan.period, now),
  );
  return { table, warnings, exists };
}

export async function confirmPlanImport(
  deps: PlanImportDeps,
  actor: Actor,
  fileName: string,
  content: Buffer,
  facts: PlanFacts,
  options: { replace: boolean },
): Promise<{ id: string; outcome: ImportOutcome }> {
  const { plan } = await deps.parse(fileName, content, facts);
  await authorise(deps, actor, plan.id);
  return { id: plan.id, outcome: await saveImportedPlan(deps, plan, { ...options, actor }) };
}
