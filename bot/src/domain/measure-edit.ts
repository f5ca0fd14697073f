/**
 * A coordinator's change to one measure, every field of it, checked here so that the tab, the CLI
 * and any later face refuse the same things: numbers that are numbers, dates that are dates, the
 * municipalities it applies to among the plan's owners, at most one benefit of each type. A field
 * left out is kept; `null` clears an optional field. Who is named responsible is looked up in the
 * directory by the use case (app/edit-measure.ts), not here: the domain does no I/O.
 */
import { BENEFIT_UNITS } from './benefit';
import { DomainError } from './errors';
import { readDeadline } from './import/deadline';
import {
  allMeasures,
  BENEFIT_TYPES,
  type Benefit,
  type BenefitType,
  type Indicator,
  type Measure,
  type Plan,
} from './plan';
import { splitRoles } from './roles';

/** An indicator as the coordinator writes it: a deliverable, or a number with unit, baseline and target. */
export interface IndicatorEdit {
  kind: 'deliverable' | 'numeric';
  text: string;
  unit?: string;
  baseline?: number;
  target?: number;
  direction?: 'higher' | 'lower';
  /** YYYY-MM-DD. */
  targetDate?: string;
}

export interface MeasureFieldsEdit {
  text?: string;
  responsibleText?: string;
  /** Only the indicator's text, keeping its kind and numbers (the older, shorter edit). */
  indicatorText?: string;
  indicator?: IndicatorEdit;
  /** The deadline as the coordinator writes it ("31.12.2025", "2025", "2025–2026", "våren 2026"). */
  deadline?: string | null;
  priority?: number | null;
  priorityText?: string | null;
  /** One of the plan's sectors or a new one; a new spelling of an existing one takes the plan's. */
  sector?: string | null;
  /** Owner ids; all of the plan's owners (or null) means the measure applies to all. */
  appliesTo?: string[] | null;
  benefits?: Benefit[];
  /** What the measure costs in kroner, the investment its benefits are held against; null clears it. */
  investmentNok?: number | null;
  feasibility?: string | null;
  quickWin?: boolean;
  notes?: string | null;
  /** Close the measure (avsluttet) with a reason, or reopen it with null. */
  closed?: { reason: string } | null;
}

/** The longest text each field takes: longer is a paste gone wrong, not a plan. */
export const MAX_LENGTH = {
  text: 2000,
  responsibleText: 500,
  indicatorText: 1000,
  unit: 40,
  deadline: 100,
  priorityText: 40,
  sector: 200,
  benefit: 1000,
  feasibility: 200,
  notes: 4000,
  reason: 1000,
} as const;

/** Larger than any count, sum of kroner or rank a plan writes: beyond it the number is a typo. */
const MAX_NUMBER = 1e12;

export interface AppliedEdit {
  measure: Measure;
  /** The fields that were changed, in the order of the edit, for the audit trail. */
  changed: string[];
}

/**
 * The measure with the edit applied, or a DomainError naming the first field that is wrong.
 * `today` (YYYY-MM-DD) dates a closing.
 */
export function applyMeasureEdit(plan: Plan, measure: Measure, edit: MeasureFieldsEdit, today: string): AppliedEdit {
  const next: Measure = { ...measure };
  const changed: string[] = [];
  const set = <K extends keyof Measure>(field: string, key: K, value: Measure[K] | undefined): void => {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
    else next[key] = value;
    changed.push(field);
  };
  if (edit.text !== undefined) set('text', 'text', requiredText('text', edit.text, MAX_LENGTH.text));
  if (edit.responsibleText !== undefined) {
    const responsible = text('responsibleText', edit.responsibleText, MAX_LENGTH.responsibleText);
    next.responsibleText = responsible;
    next.responsibleRoles = splitRoles(responsible);
    changed.push('responsibleText');
  }
  if (edit.indicator !== undefined) set('indicator', 'indicator', indicatorOf(edit.indicator));
  else if (edit.indicatorText !== undefined)
    set('indicator', 'indicator', {
      ...measure.indicator,
      text: text('indicatorText', edit.indicatorText, MAX_LENGTH.indicatorText),
    });
  if (edit.deadline !== undefined) set('deadline', 'deadline', deadlineOf(measure, edit.deadline));
  if (edit.priority !== undefined)
    set('priority', 'priority', edit.priority === null ? undefined : rank(edit.priority));
  if (edit.priorityText !== undefined)
    set('priorityText', 'priorityText', optionalText('priorityText', edit.priorityText, MAX_LENGTH.priorityText));
  if (edit.sector !== undefined) set('sector', 'sector', sectorOf(plan, edit.sector));
  if (edit.appliesTo !== undefined) set('appliesTo', 'appliesTo', appliesToOf(plan, edit.appliesTo));
  if (edit.benefits !== undefined) set('benefits', 'benefits', benefitsOf(edit.benefits));
  if (edit.investmentNok !== undefined)
    set(
      'investmentNok',
      'investmentNok',
      edit.investmentNok === null ? undefined : amount('investmentNok', edit.investmentNok),
    );
  if (edit.feasibility !== undefined)
    set('feasibility', 'feasibility', optionalText('feasibility', edit.feasibility, MAX_LENGTH.feasibility));
  if (edit.quickWin !== undefined) set('quickWin', 'quickWin', edit.quickWin || undefined);
  if (edit.notes !== undefined) set('notes', 'notes', optionalText('notes', edit.notes, MAX_LENGTH.notes));
  if (edit.closed !== undefined)
    set(
      'closed',
      'closed',
      edit.closed === null
        ? undefined
        : { reason: requiredText('reason', edit.closed.reason, MAX_LENGTH.reason), on: today },
    );
  return { measure: next, changed };
}

/** The sectors the plan's measures name, in the order they first appear: what the tab offers. */
export function sectorsOf(plan: Plan): string[] {
  const seen = new Map<string, string>();
  for (const m of allMeasures(plan)) if (m.sector && !seen.has(key(m.sector))) seen.set(key(m.sector), m.sector);
  return [...seen.values()];
}

function invalid(field: string, max?: number): DomainError {
  return max === undefined
    ? new DomainError('invalid-field', { field })
    : new DomainError('invalid-edit', { field, max });
}

function text(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length > max) throw invalid(field, max);
  return trimmed;
}

function requiredText(field: string, value: string, max: number): string {
  const trimmed = text(field, value, max);
  if (!trimmed) throw invalid(field, max);
  return trimmed;
}

function optionalText(field: string, value: string | null, max: number): string | undefined {
  return value === null ? undefined : text(field, value, max) || undefined;
}

function number(field: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || Math.abs(value) > MAX_NUMBER) throw invalid(field);
  return value;
}

function rank(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 10_000) throw invalid('priority');
  return value;
}

/** A real calendar day, YYYY-MM-DD (2025-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function indicatorOf(edit: IndicatorEdit): Indicator {
  const indicatorText = text('indicatorText', edit.text, MAX_LENGTH.indicatorText);
  if (edit.kind === 'deliverable') return { kind: 'deliverable', text: indicatorText };
  if (edit.targetDate !== undefined && !isCalendarDate(edit.targetDate)) throw invalid('targetDate');
  const unit = edit.unit === undefined ? undefined : text('unit', edit.unit, MAX_LENGTH.unit) || undefined;
  const baseline = number('baseline', edit.baseline);
  const target = number('target', edit.target);
  return {
    kind: 'numeric',
    text: indicatorText,
    ...(unit ? { unit } : {}),
    ...(baseline !== undefined ? { baseline } : {}),
    ...(target !== undefined ? { target } : {}),
    direction: edit.direction ?? 'higher',
    ...(edit.targetDate ? { targetDate: edit.targetDate } : {}),
  };
}

/** Read as an import reads a deadline cell; the same words as before keep what they meant (a legend's code). */
function deadlineOf(measure: Measure, value: string | null): Measure['deadline'] {
  if (value === null) return undefined;
  const written = text('deadline', value, MAX_LENGTH.deadline);
  if (measure.deadline && measure.deadline.text === written) return measure.deadline;
  const deadline = readDeadline(written, []);
  // Written as a day but not one ("31.02.2025"): a typo to correct, not words to keep as they are.
  const looksLikeDay = /^\d{1,2}\.\d{1,2}\.\d{4}$|^\d{4}-\d{2}-\d{2}$/.test(written);
  if (looksLikeDay && (deadline?.kind !== 'date' || !isCalendarDate(deadline.date))) throw invalid('deadline');
  return deadline;
}

function key(sector: string): string {
  return sector.trim().toLocaleLowerCase('nb');
}

function sectorOf(plan: Plan, value: string | null): string | undefined {
  const written = optionalText('sector', value, MAX_LENGTH.sector);
  if (!written) return undefined;
  return sectorsOf(plan).find((s) => key(s) === key(written)) ?? written;
}

function appliesToOf(plan: Plan, value: string[] | null): string[] | undefined {
  if (value === null) return undefined;
  const owners = new Set(plan.owners.map((o) => o.id));
  const chosen = [...new Set(value)];
  if (chosen.length === 0 || chosen.some((id) => !owners.has(id))) throw invalid('appliesTo');
  // All of them is what "absent" says already: keep one way of saying it.
  return chosen.length === owners.size ? undefined : plan.owners.map((o) => o.id).filter((id) => chosen.includes(id));
}

function benefitsOf(value: Benefit[]): Benefit[] {
  const byType = new Map<BenefitType, Benefit>();
  for (const b of value) {
    if (!(BENEFIT_TYPES as readonly string[]).includes(b.type) || byType.has(b.type)) throw invalid('benefits');
    if (b.unit !== undefined && !(BENEFIT_UNITS as readonly string[]).includes(b.unit)) throw invalid('benefits');
    const expectedNok = amount('benefits', b.expectedNok);
    const realisedNok = amount('benefits', b.realisedNok);
    const expectedPerYear = amount('benefits', b.expectedPerYear);
    const firstYear = b.firstYear === undefined ? undefined : year(b.firstYear);
    const optional = (name: 'owner' | 'baseline' | 'target'): Partial<Benefit> => {
      const written = b[name] === undefined ? undefined : optionalText('benefits', b[name] ?? null, MAX_LENGTH.benefit);
      return written ? { [name]: written } : {};
    };
    byType.set(b.type, {
      type: b.type,
      text: text('benefits', b.text, MAX_LENGTH.benefit),
      ...optional('owner'),
      ...(b.unit !== undefined ? { unit: b.unit } : {}),
      ...optional('baseline'),
      ...(expectedPerYear !== undefined && b.unit !== 'qualitative' ? { expectedPerYear } : {}),
      ...optional('target'),
      ...(firstYear !== undefined ? { firstYear } : {}),
      ...(expectedNok !== undefined ? { expectedNok } : {}),
      ...(realisedNok !== undefined ? { realisedNok } : {}),
    });
  }
  return BENEFIT_TYPES.flatMap((t) => byType.get(t) ?? []);
}

/** A sum of kroner or hours: a number, not negative. */
function amount(field: string, value: number | undefined): number | undefined {
  const n = number(field, value);
  if ((n ?? 0) < 0) throw invalid(field);
  return n;
}

function year(value: number): number {
  if (!Number.isInteger(value) || value < 1900 || value > 2200) throw invalid('benefits');
  return value;
}
