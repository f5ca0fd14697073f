/**
 * The SharePoint lists the app keeps its data in: the one place that names them. Internal column
 * names are ASCII (they appear in URLs and $filter); display names are what people see when they
 * open the list on the site. Every column the app filters on is indexed, since SharePoint refuses
 * filters on other columns once a list passes 5 000 items. Each list has one unique key column, so
 * a create that is retried after a lost response is refused (409) instead of stored twice.
 */
import { STATUS_CODES } from '../../domain/status';

export interface ColumnSpec {
  name: string;
  displayName: string;
  type: 'text' | 'note' | 'number' | 'dateTime' | 'choice';
  indexed?: boolean;
  unique?: boolean;
  choices?: readonly string[];
}

export interface ListSpec {
  /** What the app calls it in code. */
  key: 'plans' | 'nodes' | 'reports' | 'audit';
  displayName: string;
  description: string;
  columns: ColumnSpec[];
}

export const PLANS_LIST: ListSpec = {
  key: 'plans',
  displayName: 'Tiltak - planer',
  description: 'Digitaliseringsplaner som følges opp i Tiltak (én rad per plan).',
  columns: [
    { name: 'PlanId', displayName: 'Plan-ID', type: 'text', indexed: true, unique: true },
    { name: 'Revision', displayName: 'Versjon', type: 'number' },
    { name: 'Header', displayName: 'Planopplysninger (JSON)', type: 'note' },
  ],
};

/** Goals and measures: one item per node of the plan's tree, per revision of the plan. */
export const NODES_LIST: ListSpec = {
  key: 'nodes',
  displayName: 'Tiltak - mål og tiltak',
  description: 'Mål, strategier og tiltak i planene (én rad per element).',
  columns: [
    { name: 'NodeKey', displayName: 'Nøkkel', type: 'text', indexed: true, unique: true },
    { name: 'PlanId', displayName: 'Plan-ID', type: 'text', indexed: true },
    { name: 'Revision', displayName: 'Versjon', type: 'number' },
    { name: 'NodeId', displayName: 'Element-ID', type: 'text' },
    { name: 'ParentId', displayName: 'Overordnet', type: 'text' },
    { name: 'Kind', displayName: 'Type', type: 'choice', choices: ['goal', 'measure'] },
    { name: 'Position', displayName: 'Rekkefølge', type: 'number' },
    { name: 'Data', displayName: 'Innhold (JSON)', type: 'note' },
  ],
};

export const REPORTS_LIST: ListSpec = {
  key: 'reports',
  displayName: 'Tiltak - statusrapporter',
  description: 'Statusrapporter per tiltak og periode. Rader legges bare til; historikken endres aldri.',
  columns: [
    { name: 'ReportKey', displayName: 'Nøkkel', type: 'text', indexed: true, unique: true },
    { name: 'ReportId', displayName: 'Rapport-ID', type: 'text' },
    { name: 'PlanId', displayName: 'Plan-ID', type: 'text', indexed: true },
    { name: 'PeriodId', displayName: 'Periode', type: 'text', indexed: true },
    { name: 'MeasureId', displayName: 'Tiltak', type: 'text' },
    { name: 'Status', displayName: 'Status', type: 'choice', choices: STATUS_CODES },
    { name: 'Comment', displayName: 'Kommentar', type: 'note' },
    { name: 'Value', displayName: 'Verdi', type: 'number' },
    { name: 'ReportedById', displayName: 'Rapportert av (ID)', type: 'text', indexed: true },
    { name: 'ReportedByName', displayName: 'Rapportert av', type: 'text' },
    { name: 'AnsweredForId', displayName: 'Svart for (ID)', type: 'text', indexed: true },
    { name: 'AnsweredForName', displayName: 'Svart for (stedfortreder)', type: 'text' },
    { name: 'ReportedAt', displayName: 'Rapportert', type: 'dateTime' },
    { name: 'SubmissionId', displayName: 'Innsending', type: 'text' },
  ],
};

export const AUDIT_LIST: ListSpec = {
  key: 'audit',
  displayName: 'Tiltak - endringslogg',
  description: 'Hvem endret hva og når. Rader legges bare til.',
  columns: [
    { name: 'EntryId', displayName: 'Logg-ID', type: 'text', indexed: true, unique: true },
    { name: 'PlanId', displayName: 'Plan-ID', type: 'text', indexed: true },
    { name: 'At', displayName: 'Tidspunkt', type: 'dateTime' },
    { name: 'Action', displayName: 'Handling', type: 'text' },
    { name: 'ActorId', displayName: 'Utført av (ID)', type: 'text', indexed: true },
    { name: 'ActorName', displayName: 'Utført av', type: 'text' },
    { name: 'Details', displayName: 'Detaljer (JSON)', type: 'note' },
  ],
};

export const LISTS: readonly ListSpec[] = [PLANS_LIST, NODES_LIST, REPORTS_LIST, AUDIT_LIST];

/** The column definition Graph expects when creating the column. */
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
  return ['Title', ...spec.columns.map((c) => c.name)].join(',');
}

/** An OData string literal: quotes doubled, so a name with an apostrophe cannot end the literal. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
