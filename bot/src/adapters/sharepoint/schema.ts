/**
 * The SharePoint lists the app keeps its data in: the one place that names them, their columns,
 * and the type of what is read back from them. Internal column names are ASCII (they appear in
 * URLs and $filter); display names are what people see when they open the list on the site.
 *
 * - Every column the app filters on is indexed, and each read filters on one of them only: Graph
 *   "can only filter one indexed field at a time" (https://learn.microsoft.com/graph/api/listitem-list),
 *   and SharePoint refuses other filters once a list passes 5 000 items. Where a read needs two
 *   things at once (a plan's reports for one period) one column holds both (PeriodKey).
 * - Each list has one unique key column, so a create retried after a lost response is refused
 *   instead of stored twice. SharePoint compares unique values without regard to case, so key
 *   values are written case-safe (keys.ts).
 * - Items created in one $batch get their ids in no promised order ("the server … process[es]
 *   requests in the batch in the most efficient order", https://learn.microsoft.com/graph/json-batching),
 *   and SharePoint keeps times to the second: reports and audit entries carry a Sequence, in the
 *   order they were written, to keep that order among equal times.
 * - A list may have at most 20 indexed columns (SharePoint limits, "Indexed columns: 20 per list",
 *   https://learn.microsoft.com/office365/servicedescriptions/sharepoint-online-service-description/sharepoint-online-limits).
 */
import { z } from 'zod';
import { BENEFIT_TYPES } from '../../domain/benefit';
import { DECISION_KINDS } from '../../domain/decision';
import { STATUS_CODES } from '../../domain/status';

export type ColumnType = 'text' | 'note' | 'number' | 'dateTime' | 'choice';

export interface ColumnSpec {
  name: string;
  displayName: string;
  type: ColumnType;
  indexed?: boolean;
  unique?: boolean;
  choices?: readonly string[];
  /** Absent or null on some items. */
  optional?: boolean;
}

type ColumnDraft<T> = Omit<ColumnSpec, 'name'> & { parse: z.ZodType<T> };

interface ColumnOptions {
  indexed?: boolean;
  unique?: boolean;
}

const required =
  <T>(type: ColumnType, parse: z.ZodType<T>) =>
  (displayName: string, options: ColumnOptions = {}) =>
    ({ displayName, type, ...options, parse }) satisfies ColumnDraft<T>;
const optional =
  <T>(type: ColumnType, parse: z.ZodType<T>) =>
  (displayName: string, options: ColumnOptions = {}) =>
    ({ displayName, type, ...options, optional: true, parse: parse.nullish() }) satisfies ColumnDraft<
      T | null | undefined
    >;

const text = required('text', z.string());
const optionalText = optional('text', z.string());
const note = required('note', z.string());
const optionalNote = optional('note', z.string());
const number = required('number', z.number());
const optionalNumber = optional('number', z.number());
/** SharePoint keeps date and time to the second and gives it back as ISO 8601 UTC. */
const dateTime = required('dateTime', z.string());
function choice<const C extends readonly [string, ...string[]]>(displayName: string, choices: C) {
  return { displayName, type: 'choice', choices, parse: z.enum(choices) } satisfies ColumnDraft<C[number]>;
}

export interface ListSpec<F = unknown> {
  /** What the app calls it in code. */
  key: 'plans' | 'nodes' | 'reports' | 'audit' | 'decisions' | 'versions' | 'version-nodes' | 'realised-benefits';
  displayName: string;
  description: string;
  columns: ColumnSpec[];
  /** The unique key column (one of F's): a create that meets an existing key stored nothing new. */
  keyColumn: string;
  /** Reads an item's fields as the app expects them (strict: a column changed by hand fails here, named). */
  parse(fields: unknown): F;
}

function defineList<S extends Record<string, ColumnDraft<unknown>>>(list: {
  key: ListSpec['key'];
  displayName: string;
  description: string;
  keyColumn: keyof S & string;
  columns: S;
}): ListSpec<{ [K in keyof S]: z.infer<S[K]['parse']> }> {
  const schema = z.object(Object.fromEntries(Object.entries(list.columns).map(([name, c]) => [name, c.parse])));
  return {
    key: list.key,
    displayName: list.displayName,
    description: list.description,
    keyColumn: list.keyColumn,
    columns: Object.entries(list.columns).map(([name, { parse: _parse, ...column }]) => ({ name, ...column })),
    parse: (fields) => schema.parse(fields) as { [K in keyof S]: z.infer<S[K]['parse']> },
  };
}

/** The fields of a list's items, as read. */
export type FieldsOf<L> = L extends ListSpec<infer F> ? F : never;

export const PLANS_LIST = defineList({
  key: 'plans',
  displayName: 'Tiltak - planer',
  description: 'Digitaliseringsplaner som følges opp i Tiltak (én rad per plan).',
  keyColumn: 'PlanId',
  columns: {
    PlanId: text('Plan-ID', { indexed: true, unique: true }),
    Revision: number('Versjon'),
    Header: note('Planopplysninger (JSON)'),
  },
});

/** The columns of a plan's tree, one item per goal and measure: for plans in force, and for their drafts and versions. */
const NODE_COLUMNS = {
  NodeKey: text('Nøkkel', { indexed: true, unique: true }),
  PlanId: text('Plan-ID', { indexed: true }),
  Revision: number('Versjon'),
  NodeId: text('Element-ID'),
  ParentId: optionalText('Overordnet'),
  Kind: choice('Type', ['goal', 'measure']),
  Position: number('Rekkefølge'),
  Data: note('Innhold (JSON)'),
};

/** Goals and measures: one item per node of the plan's tree, per revision of the plan. */
export const NODES_LIST = defineList({
  key: 'nodes',
  displayName: 'Tiltak - mål og tiltak',
  description: 'Mål, strategier og tiltak i planene (én rad per element).',
  keyColumn: 'NodeKey',
  columns: NODE_COLUMNS,
});

/**
 * Revisions (*rullering*): per plan one draft header (Kind 'draft') and one header per version in
 * force before (Kind 'archived', never changed); their goals and measures are in VERSION_NODES_LIST,
 * apart from the plans' own, so reading the plans in force never reads old versions too.
 */
export const VERSIONS_LIST = defineList({
  key: 'versions',
  displayName: 'Tiltak - planversjoner',
  description: 'Utkast til rullert plan og tidligere versjoner av planene (én rad per versjon).',
  keyColumn: 'VersionKey',
  columns: {
    VersionKey: text('Nøkkel', { indexed: true, unique: true }),
    PlanId: text('Plan-ID', { indexed: true }),
    Kind: choice('Type', ['draft', 'archived']),
    Number: number('Versjonsnummer'),
    Revision: number('Revisjon'),
    Header: note('Planopplysninger (JSON)'),
    At: dateTime('Tidspunkt'),
    ById: text('Utført av (ID)'),
    ByName: text('Utført av'),
    /** On an archived version: the draft token whose adoption archived it (a retried adoption finds it). */
    FromDraft: optionalText('Fra utkast'),
  },
});

export const VERSION_NODES_LIST = defineList({
  key: 'version-nodes',
  displayName: 'Tiltak - mål og tiltak i planversjoner',
  description: 'Mål og tiltak i utkast og tidligere versjoner av planene (én rad per element).',
  keyColumn: 'NodeKey',
  columns: NODE_COLUMNS,
});

export const REPORTS_LIST = defineList({
  key: 'reports',
  displayName: 'Tiltak - statusrapporter',
  description: 'Statusrapporter per tiltak og periode. Rader legges bare til; historikken endres aldri.',
  keyColumn: 'ReportKey',
  columns: {
    ReportKey: text('Nøkkel', { indexed: true, unique: true }),
    ReportId: text('Rapport-ID'),
    PlanId: text('Plan-ID', { indexed: true }),
    PeriodId: text('Periode'),
    /** Plan and period in one indexed column: a goal table reads one period of one plan. */
    PeriodKey: optionalText('Plan og periode', { indexed: true }),
    MeasureId: text('Tiltak'),
    Status: choice('Status', STATUS_CODES),
    Comment: optionalNote('Kommentar'),
    Value: optionalNumber('Verdi'),
    ReportedById: text('Rapportert av (ID)', { indexed: true }),
    ReportedByName: text('Rapportert av'),
    AnsweredForId: optionalText('Svart for (ID)', { indexed: true }),
    AnsweredForName: optionalText('Svart for (stedfortreder)'),
    /** In a shared plan, the municipality (owner id) the report is for; empty: every owner. */
    OrganisationId: optionalText('Kommune (ID)'),
    ReportedAt: dateTime('Rapportert'),
    SubmissionId: text('Innsending'),
    Sequence: optionalNumber('Rekkefølge'),
  },
});

export const AUDIT_LIST = defineList({
  key: 'audit',
  displayName: 'Tiltak - endringslogg',
  description: 'Hvem endret hva og når. Rader legges bare til.',
  keyColumn: 'EntryId',
  columns: {
    EntryId: text('Logg-ID', { indexed: true, unique: true }),
    PlanId: text('Plan-ID', { indexed: true }),
    At: dateTime('Tidspunkt'),
    Action: text('Handling'),
    ActorId: text('Utført av (ID)', { indexed: true }),
    ActorName: text('Utført av'),
    Details: note('Detaljer (JSON)'),
    Sequence: optionalNumber('Rekkefølge'),
  },
});

/** The leadership meeting's decisions and follow-ups: one item per decision, never changed. */
export const DECISIONS_LIST = defineList({
  key: 'decisions',
  displayName: 'Tiltak - vedtak og oppfølgingspunkter',
  description: 'Vedtak og oppfølgingspunkter fra ledermøtet, per tiltak og periode. Rader legges bare til.',
  keyColumn: 'DecisionId',
  columns: {
    DecisionId: text('Vedtak-ID', { indexed: true, unique: true }),
    PlanId: text('Plan-ID', { indexed: true }),
    /** Plan and period in one indexed column: a report reads one period of one plan. */
    PeriodKey: text('Plan og periode', { indexed: true }),
    PeriodId: text('Periode'),
    MeasureId: text('Tiltak'),
    Kind: choice('Type', DECISION_KINDS),
    Text: note('Tekst'),
    AssigneeId: optionalText('Følges opp av (ID)', { indexed: true }),
    AssigneeName: optionalText('Følges opp av'),
    DueDate: optionalText('Frist'),
    RecordedById: text('Registrert av (ID)', { indexed: true }),
    RecordedByName: text('Registrert av'),
    RecordedAt: dateTime('Registrert'),
    Sequence: optionalNumber('Rekkefølge'),
  },
});

/**
 * Realised benefits: one item per report of what a measure's benefit gave in a period, never
 * changed (but for erasing a person); the latest per measure, type, period and organisation counts.
 */
export const REALISED_BENEFITS_LIST = defineList({
  key: 'realised-benefits',
  displayName: 'Tiltak - realiserte gevinster',
  description: 'Realisert gevinst per tiltak, gevinsttype og periode. Rader legges bare til; den siste gjelder.',
  keyColumn: 'RealisedId',
  columns: {
    RealisedId: text('Gevinstrapport-ID', { indexed: true, unique: true }),
    PlanId: text('Plan-ID', { indexed: true }),
    MeasureId: text('Tiltak'),
    BenefitType: choice('Gevinsttype', BENEFIT_TYPES),
    PeriodId: text('Periode'),
    Year: number('År'),
    OrganisationId: optionalText('Kommune'),
    Value: optionalNumber('Verdi'),
    Comment: optionalNote('Kommentar'),
    ReportedById: text('Rapportert av (ID)', { indexed: true }),
    ReportedByName: text('Rapportert av'),
    ReportedAt: dateTime('Rapportert'),
    Sequence: optionalNumber('Rekkefølge'),
  },
});

export type PlanHeaderFields = FieldsOf<typeof PLANS_LIST>;
export type NodeFields = FieldsOf<typeof NODES_LIST>;
export type ReportFields = FieldsOf<typeof REPORTS_LIST>;
export type AuditFields = FieldsOf<typeof AUDIT_LIST>;
export type DecisionFields = FieldsOf<typeof DECISIONS_LIST>;
export type VersionFields = FieldsOf<typeof VERSIONS_LIST>;
export type RealisedBenefitFields = FieldsOf<typeof REALISED_BENEFITS_LIST>;

export const LISTS: readonly ListSpec[] = [
  PLANS_LIST,
  NODES_LIST,
  REPORTS_LIST,
  AUDIT_LIST,
  DECISIONS_LIST,
  VERSIONS_LIST,
  VERSION_NODES_LIST,
  REALISED_BENEFITS_LIST,
] as ListSpec[];

/** The column definition Graph expects when creating the column (https://learn.microsoft.com/graph/api/resources/columndefinition). */
export function columnDefinition(spec: ColumnSpec): Record<string, unknown> {
  const base = {
    name: spec.name,
    displayName: spec.displayName,
    indexed: !!spec.indexed || !!spec.unique,
    enforceUniqueValues: !!spec.unique,
  };
  switch (spec.type) {
    case 'text':
      return { ...base, text: { allowMultipleLines: false, maxLength: 255 } };
    case 'note':
      return { ...base, text: { allowMultipleLines: true, textType: 'plain' } };
    case 'number':
      return { ...base, number: {} };
    case 'dateTime':
      return { ...base, dateTime: { format: 'dateTime' } };
    case 'choice':
      return { ...base, choice: { choices: [...(spec.choices ?? [])], displayAs: 'dropDownMenu' } };
  }
}

/** The `$select` list for reading a list's own columns. */
export function selectOf(spec: ListSpec): string {
  return spec.columns.map((c) => c.name).join(',');
}

/** An OData string literal: quotes doubled, so a name with an apostrophe cannot end the literal. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
