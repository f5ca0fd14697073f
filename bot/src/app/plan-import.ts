/**
 * Importing a plan in two steps, as the tab's import page does it: preview (parse and show,
 * save nothing) and confirm (parse the same file again and save). The server never trusts a plan
 * the browser sends back; it saves what it parsed itself.
 */
import { can, importsPlans, type Actor } from '../domain/access';
import type { ImportChoices } from '../domain/import/choices';
import type { DocumentStatus, ReadingColumn } from '../domain/import/interpret';
import { DomainError } from '../domain/errors';
import { currentPlanPeriod, planPeriods } from '../domain/period';
import type { Plan } from '../domain/plan';
import { goalTableOf, type GoalTable } from './get-goal-table';
import type { Clock, IdGenerator, PlanRepository, StatusReportRepository } from './ports';
import { saveImportedPlan, type ImportOutcome } from './save-imported-plan';

export type { ImportChoices, ReadingColumn };

export interface ImportWarningView {
  /** "linje 206" or "Tiltak!C7". */
  where: string;
  message: string;
}

/** How the document was read, in the person's words, for the preview (see domain/import/interpret.ts). */
export interface ReadingView {
  method: 'table' | 'spaces' | 'outline';
  /** "docx", "pdf", "html", "workbook", "csv", "text". */
  format: string;
  encoding?: string;
  encodingGuessed?: boolean;
  pages?: number;
  /** Where the header row is ("linje 14", "side 2, linje 3"). */
  header?: string;
  columns: ReadingColumn[];
  levels: string[];
  numberedByUs: boolean;
  /** The deadline legend as the document defines it ("K = kortsiktig (2018–2019)"). */
  legend: string[];
  responsibleCells: { text: string; roles: string[] }[];
  /** The title was read from the document (its banner line): shown for the person to confirm. */
  titleFromDocument?: boolean;
}

export interface ParsedPlan {
  plan: Plan;
  warnings: ImportWarningView[];
  reading?: ReadingView;
  statuses: DocumentStatus[];
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
export type PlanFileParser = (
  fileName: string,
  content: Buffer,
  options?: { facts?: PlanFacts; choices?: ImportChoices },
) => Promise<ParsedPlan>;

export interface ImportPreview {
  table: GoalTable;
  warnings: ImportWarningView[];
  /** True when a plan with this id exists: saving then needs an explicit "replace". */
  exists: boolean;
  reading?: ReadingView;
  /** Statuses the document gives, to be stored for this period as taken from the document. */
  statuses: { count: number; periodId: string };
}

export interface PlanImportDeps {
  plans: PlanRepository;
  reports: Pick<StatusReportRepository, 'appendReports'>;
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
  choices: ImportChoices = {},
): Promise<ImportPreview> {
  if (!importsPlans(actor)) throw new DomainError('forbidden');
  const { plan, warnings, reading, statuses } = await deps.parse(fileName, content, { facts, choices });
  const exists = await authorise(deps, actor, plan.id);
  const now = deps.clock.now();
  const period = currentPlanPeriod(plan.cadence, plan.period, now);
  const table = goalTableOf(plan, period, planPeriods(plan.cadence, plan.period, now), new Map(), { now });
  return {
    table,
    warnings,
    exists,
    ...(reading ? { reading } : {}),
    statuses: { count: statuses.length, periodId: period.id },
  };
}

export async function confirmPlanImport(
  deps: PlanImportDeps,
  actor: Actor,
  fileName: string,
  content: Buffer,
  facts: PlanFacts,
  options: { replace: boolean; choices?: ImportChoices },
): Promise<{ id: string; outcome: ImportOutcome }> {
  const { plan, statuses } = await deps.parse(fileName, content, {
    facts,
    ...(options.choices ? { choices: options.choices } : {}),
  });
  await authorise(deps, actor, plan.id);
  return { id: plan.id, outcome: await saveImportedPlan(deps, plan, { replace: options.replace, actor, statuses }) };
}
