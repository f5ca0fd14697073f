/**
 * The plan model: a strategy as the council adopted it.
 *
 * A plan is a tree of goal levels (Hovedmål → Strategi → …) whose deepest level holds the
 * measures (tiltak) that are followed up. Level names, numbering and texts are kept exactly as
 * written, so the tab can show the table the council recognises.
 */
import type { Cadence } from './period';
import type { ReminderStyle } from './round';
import type { Benefit } from './benefit';
import { splitRoles } from './roles';

export type PlanLanguage = 'nb' | 'nn';

export interface Organisation {
  id: string;
  name: string;
}

export interface DeliverableIndicator {
  kind: 'deliverable';
  /** The indicator as written, e.g. "Kompetanseplan". Empty when the plan left it blank. */
  text: string;
}

export interface NumericIndicator {
  kind: 'numeric';
  text: string;
  unit?: string;
  baseline?: number;
  target?: number;
  /** Whether a higher or a lower value is better. */
  direction: 'higher' | 'lower';
  /** When the target is to be reached, YYYY-MM-DD (Sandefjord: "innen 2024"). */
  targetDate?: string;
}

export type Indicator = DeliverableIndicator | NumericIndicator;

/** Benefits and their types live in benefit.ts; re-exported here, where plans always found them. */
export { BENEFIT_TYPES, type Benefit, type BenefitType } from './benefit';

/**
 * A measure's deadline (*frist, tidsfrist*) as plans write it: a date, a month, a year, a span of
 * years, or a category the document defines in a legend ("Kortsiktig = 2018–2019", code "K").
 * `text` is always what the document said, so nothing is lost when it is not understood.
 */
export type Deadline =
  | { kind: 'date'; date: string; text: string }
  | { kind: 'month'; month: string; text: string }
  | { kind: 'year'; year: number; text: string }
  | { kind: 'years'; fromYear: number; toYear: number; text: string }
  | { kind: 'category'; label: string; code?: string; fromYear?: number; toYear?: number; text: string }
  | { kind: 'text'; text: string };

/** A person a coordinator named for a measure directly, beside (or instead of) its roles. */
export interface NamedPerson {
  /** Entra ID object id. */
  userId: string;
  name: string;
}

/** What a followed-up item is: a measure (tiltak) or a goal with an indicator of its own (Sandefjord's mål). */
export type MeasureKind = 'measure' | 'goal';

export interface Measure {
  /** Stable id within the plan (derived from the numbering). */
  id: string;
  number: string;
  text: string;
  /** The "Ansvarlig" cell exactly as written, e.g. "Teknisk sjef, fagleder digitalisering". */
  responsibleText: string;
  /** The roles parsed from responsibleText, as written (display form). */
  responsibleRoles: string[];
  /** People the coordinator assigned in the tab; they answer for the measure whatever their roles. */
  responsiblePeople?: NamedPerson[];
  indicator: Indicator;
  /** Absent means 'measure'. */
  kind?: MeasureKind;
  /** Ids of the owning municipalities this measure applies to; absent means all of the plan's owners. */
  appliesTo?: string[];
  /** Sector or department (sektor, kommunalområde), as the plan names it. */
  sector?: string;
  /** Priority rank within its group, 1 first (Stord's "Prioritering"). */
  priority?: number;
  /** The priority as the document wrote it when it used words ("Høy"); `priority` is then its rank. */
  priorityText?: string;
  /** When the measure is to be done, as the document says it (see Deadline). */
  deadline?: Deadline;
  /** At most one per type, in the order of BENEFIT_TYPES. */
  benefits?: Benefit[];
  /** What the measure costs, in kroner: the investment its benefits' return is held against. */
  investmentNok?: number;
  /** Feasibility as written (Stord's "Gjennomførleg"). */
  feasibility?: string;
  /** A quick win (*kjappe vinstar*, *raske gevinster*). */
  quickWin?: boolean;
  /** Free notes, e.g. a gap the plan left ("Diana og Birthe fyller ut"). */
  notes?: string;
  /**
   * Set when the coordinator closed the measure (*avsluttet*): why, and the day (YYYY-MM-DD). A
   * closed measure stays in the plan with its history, but no round asks for it and it is never
   * counted as missing an answer.
   */
  closed?: MeasureClosure;
}

export interface MeasureClosure {
  reason: string;
  on: string;
}

export function isClosed(measure: Pick<Measure, 'closed'>): boolean {
  return measure.closed !== undefined;
}

/** A labelled text on a goal node: "No-situasjonen", "Mål", "Strategi" (Årdal og Lærdal). */
export interface LabelledText {
  label: string;
  text: string;
}

export interface GoalNode {
  id: string;
  /** Index into Plan.levels. */
  level: number;
  number: string;
  text: string;
  details?: LabelledText[];
  children: GoalNode[];
  measures: Measure[];
}

/** The years the plan covers; open-ended when the plan names no end (Stord: "2022–"). */
export interface PlanPeriod {
  fromYear: number;
  toYear?: number;
}

export interface Plan {
  /** The Entra ID tenant that owns the plan, where one deployment serves several; absent: its home tenant. */
  tenantId?: string;
  id: string;
  title: string;
  owners: Organisation[];
  /** In a shared plan, the host municipality (vertskommune), when the plan names one. */
  hostOwnerId?: string;
  language: PlanLanguage;
  period: PlanPeriod;
  adoptedBy?: string;
  cadence: Cadence;
  /** The plan's own name for each level, the last one naming the measures: ["Hovedmål", "Strategi", "Tiltak"]. */
  levels: string[];
  /** The plan's overall texts: vision, overall goals (label and text as the plan writes them). */
  details?: LabelledText[];
  goals: GoalNode[];
  /** Where the plan came from (file and a short provenance note). */
  source?: string;
  /**
   * How reminders after the first card reach people: 'card' in the chat only, or 'activity' (card
   * first, then activity feed notifications). Absent: 'activity' where the service can send them
   * (TEAMS_APP_ID and the app's Graph access configured), else 'card'.
   */
  reminderStyle?: ReminderStyle;
  /** The return the plan aims at, the x in "1:x" (DDØ: at least 1:3). Absent: 3. */
  returnTarget?: number;
  /** Kroner per hour, when the plan counts saved hours as kroner; absent: hours stay hours. */
  hourlyRateNok?: number;
}

/** A measure whose id and roles follow from its number and responsible text, as every importer makes them. */
export function newMeasure(fields: Omit<Measure, 'id' | 'responsibleRoles'>): Measure {
  return { id: fields.number, responsibleRoles: splitRoles(fields.responsibleText), ...fields };
}

export function allMeasures(plan: Plan): Measure[] {
  const out: Measure[] = [];
  const walk = (nodes: GoalNode[]): void => {
    for (const node of nodes) {
      out.push(...node.measures);
      walk(node.children);
    }
  };
  walk(plan.goals);
  return out;
}

export function findMeasure(plan: Plan, measureId: string): Measure | undefined {
  return allMeasures(plan).find((m) => m.id === measureId);
}

/** The plan with one measure replaced (matched by id); the plan is not changed. */
export function replaceMeasure(plan: Plan, measure: Measure): Plan {
  const walk = (nodes: GoalNode[]): GoalNode[] =>
    nodes.map((node) => ({
      ...node,
      measures: node.measures.map((m) => (m.id === measure.id ? measure : m)),
      children: walk(node.children),
    }));
  return { ...plan, goals: walk(plan.goals) };
}

/** Counts nodes per level and measures, e.g. for checking an import against its source. */
export function planCounts(plan: Plan): { perLevel: number[]; measures: number } {
  const perLevel = plan.levels.map(() => 0);
  const walk = (nodes: GoalNode[]): void => {
    for (const node of nodes) {
      perLevel[node.level] = (perLevel[node.level] ?? 0) + 1;
      walk(node.children);
    }
  };
  walk(plan.goals);
  const measures = allMeasures(plan).length;
  perLevel[plan.levels.length - 1] = measures;
  return { perLevel, measures };
}
