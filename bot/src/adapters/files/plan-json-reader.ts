/**
 * Plans written as JSON documents (the curated demo plans transcribed from prose strategies, and
 * later plans exchanged as files): validated with a schema, then turned into the domain model.
 * Authors write numbers, texts and the responsible cell as in the source; ids, levels and the
 * parsed roles are derived here so they cannot disagree with the text.
 */
import { z } from 'zod';
import { BENEFIT_UNITS } from '../../domain/benefit';
import { BENEFIT_TYPES, newMeasure, type GoalNode, type Measure, type Plan } from '../../domain/plan';
import { ImportLimitError, MAX_DEPTH } from './limits';

const LabelledTextSchema = z.object({ label: z.string().min(1), text: z.string().min(1) });

const IndicatorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deliverable'), text: z.string() }),
  z.object({
    kind: z.literal('numeric'),
    text: z.string(),
    unit: z.string().optional(),
    baseline: z.number().optional(),
    target: z.number().optional(),
    direction: z.enum(['higher', 'lower']),
    targetDate: z.iso.date().optional(),
  }),
]);

const YEAR = z.number().int().min(1900).max(2200);
const DeadlineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: z.iso.date(), text: z.string() }),
  z.object({ kind: z.literal('month'), month: z.string().regex(/^\d{4}-\d{2}$/), text: z.string() }),
  z.object({ kind: z.literal('year'), year: YEAR, text: z.string() }),
  z.object({ kind: z.literal('years'), fromYear: YEAR, toYear: YEAR, text: z.string() }),
  z.object({
    kind: z.literal('category'),
    label: z.string().min(1),
    code: z.string().optional(),
    fromYear: YEAR.optional(),
    toYear: YEAR.optional(),
    text: z.string(),
  }),
  z.object({ kind: z.literal('text'), text: z.string() }),
]);

/** A benefit as plans write it (domain/benefit.ts); also the Excel export's details column. */
export const BenefitSchema = z.object({
  type: z.enum(BENEFIT_TYPES),
  text: z.string(),
  owner: z.string().optional(),
  unit: z.enum(BENEFIT_UNITS).optional(),
  baseline: z.string().optional(),
  expectedPerYear: z.number().nonnegative().optional(),
  target: z.string().optional(),
  firstYear: z.number().int().optional(),
  expectedNok: z.number().optional(),
  realisedNok: z.number().optional(),
});

const MeasureSchema = z.object({
  number: z.string().min(1),
  text: z.string().min(1),
  responsible: z.string().optional(),
  indicator: IndicatorSchema.optional(),
  kind: z.enum(['measure', 'goal']).optional(),
  appliesTo: z.array(z.string().min(1)).min(1).optional(),
  sector: z.string().min(1).optional(),
  priority: z.number().int().positive().optional(),
  benefits: z.array(BenefitSchema).optional(),
  priorityText: z.string().optional(),
  investmentNok: z.number().nonnegative().optional(),
  deadline: DeadlineSchema.optional(),
  feasibility: z.string().optional(),
  quickWin: z.boolean().optional(),
  notes: z.string().optional(),
});

interface NodeInput {
  number: string;
  text: string;
  details?: { label: string; text: string }[] | undefined;
  measures?: z.infer<typeof MeasureSchema>[] | undefined;
  children?: NodeInput[] | undefined;
}

const NodeSchema: z.ZodType<NodeInput> = z.lazy(() =>
  z.object({
    number: z.string().min(1),
    text: z.string().min(1),
    details: z.array(LabelledTextSchema).optional(),
    measures: z.array(MeasureSchema).optional(),
    children: z.array(NodeSchema).optional(),
  }),
);

export const PlanDocumentSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,100}$/),
  title: z.string().min(1),
  owners: z.array(z.object({ id: z.string().min(1), name: z.string().min(1) })).min(1),
  hostOwnerId: z.string().optional(),
  language: z.enum(['nb', 'nn']),
  period: z.object({ fromYear: z.number().int(), toYear: z.number().int().optional() }),
  adoptedBy: z.string().optional(),
  cadence: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('yearly'), dueMonth: z.number().int().min(1).max(12) }),
    z.object({ kind: z.literal('tertial') }),
    z.object({ kind: z.literal('quarterly') }),
  ]),
  levels: z.array(z.string().min(1)).min(2),
  details: z.array(LabelledTextSchema).optional(),
  source: z.string().min(1),
  goals: z.array(NodeSchema).min(1),
  /** How reminders after the first card go (domain/plan.ts); absent: as the service can. */
  reminderStyle: z.enum(['card', 'activity']).optional(),
  /** The return the plan aims at, the x in 1:x (DDØ: 3); absent: 3. */
  returnTarget: z.number().positive().optional(),
  /** Kroner per hour, when saved hours count as kroner. */
  hourlyRateNok: z.number().positive().optional(),
});

export type PlanDocument = z.infer<typeof PlanDocumentSchema>;

export class PlanDocumentError extends Error {
  constructor(
    readonly where: string,
    readonly problems: string[],
  ) {
    super(`${where} is not a valid plan:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PlanDocumentError';
  }
}

/** A JSON syntax error, at a character position of the document. */
export class JsonSyntaxError extends Error {
  constructor(readonly position: number) {
    super(`Not valid JSON at position ${position}`);
    this.name = 'JsonSyntaxError';
  }
}

/**
 * Parses an uploaded plan document. Its nesting is measured first, in one pass: a document
 * nested deeper than a plan can be (thousands of levels) never reaches JSON.parse or the schema,
 * whose recursion it would exhaust.
 */
export function parsePlanJson(text: string, where: string): Plan {
  if (nestingDepth(text) > MAX_DEPTH) throw new ImportLimitError('depth', MAX_DEPTH);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new JsonSyntaxError(Number(position ?? 0));
  }
  return planFromDocument(input, where);
}

/** The deepest nesting of arrays and objects, strings skipped. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // a backslash escapes the next character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) deepest = Math.max(deepest, ++depth);
    else if (ch === 125 || ch === 93) depth--;
  }
  return deepest;
}

export function planFromDocument(input: unknown, where: string): Plan {
  const parsed = PlanDocumentSchema.safeParse(input);
  if (!parsed.success) {
    throw new PlanDocumentError(
      where,
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  }
  const doc = parsed.data;
  const problems: string[] = [];
  const ownerIds = new Set(doc.owners.map((o) => o.id));
  const seen = new Set<string>();
  const deepestGoalLevel = doc.levels.length - 2;

  const toNode = (node: NodeInput, level: number): GoalNode => {
    if (level > deepestGoalLevel) problems.push(`${node.number}: deeper than the plan's ${doc.levels.length} levels`);
    return {
      id: `g${node.number}`,
      level,
      number: node.number,
      text: node.text,
      ...(node.details?.length ? { details: node.details } : {}),
      children: (node.children ?? []).map((c) => toNode(c, level + 1)),
      measures: (node.measures ?? []).map((m) => toMeasure(m)),
    };
  };

  const toMeasure = (m: z.infer<typeof MeasureSchema>): Measure => {
    if (seen.has(m.number)) problems.push(`${m.number}: the number is used twice`);
    seen.add(m.number);
    const types = (m.benefits ?? []).map((b) => b.type);
    if (new Set(types).size !== types.length) problems.push(`${m.number}: at most one benefit of each type`);
    for (const owner of m.appliesTo ?? []) {
      if (!ownerIds.has(owner))
        problems.push(`${m.number}: appliesTo names ${owner}, which is not an owner of the plan`);
    }
    const { number, text, responsible, indicator, benefits, ...optional } = m;
    return newMeasure({
      number,
      text,
      responsibleText: responsible ?? '',
      indicator: indicator ?? { kind: 'deliverable', text: '' },
      ...optional,
      ...(benefits
        ? { benefits: [...benefits].sort((a, b) => BENEFIT_TYPES.indexOf(a.type) - BENEFIT_TYPES.indexOf(b.type)) }
        : {}),
    });
  };

  const goals = doc.goals.map((g) => toNode(g, 0));
  if (doc.hostOwnerId && !ownerIds.has(doc.hostOwnerId))
    problems.push(`hostOwnerId ${doc.hostOwnerId} is not an owner`);
  if (problems.length > 0) throw new PlanDocumentError(where, problems);

  return {
    id: doc.id,
    title: doc.title,
    owners: doc.owners,
    ...(doc.hostOwnerId ? { hostOwnerId: doc.hostOwnerId } : {}),
    language: doc.language,
    period: doc.period,
    ...(doc.adoptedBy ? { adoptedBy: doc.adoptedBy } : {}),
    cadence: doc.cadence,
    levels: doc.levels,
    ...(doc.details?.length ? { details: doc.details } : {}),
    goals,
    source: doc.source,
    ...(doc.reminderStyle ? { reminderStyle: doc.reminderStyle } : {}),
    ...(doc.returnTarget !== undefined ? { returnTarget: doc.returnTarget } : {}),
    ...(doc.hourlyRateNok !== undefined ? { hourlyRateNok: doc.hourlyRateNok } : {}),
  };
}
