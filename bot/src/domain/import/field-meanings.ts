/** What a column of a plan's table can mean (see vocabulary.ts); shared with the tab's preview, where the coordinator picks one. */
export const FIELD_MEANINGS = [
  'goal',
  'measure',
  'number',
  'responsible',
  'indicator',
  'responsible-indicator',
  'priority',
  'deadline',
  'status',
  'benefit',
  'cost',
  'note',
  'ignore',
] as const;
export type FieldMeaning = (typeof FIELD_MEANINGS)[number];
