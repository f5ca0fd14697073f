/**
 * The contract between the service and the tab, and the only module of the service the tab imports:
 * the JSON API's request and response types (type-only, nothing of the service's code comes along)
 * and the shared labels (the message catalogs and their formatting, pure data and Intl).
 */
export type * from './api-types';
export * from '../i18n';
export { FIELD_MEANINGS, type FieldMeaning } from '../domain/import/field-meanings';
export { filterGoalTree, isFiltered, keepsMeasure, type MeasureFilter } from '../domain/measure-filter';
export { MAX_COMMENT_LENGTH, STATUS_CODES } from '../domain/status';
export { decisionProblem, DECISION_KINDS, MAX_ASSIGNEE_TEXT, MAX_DECISION_TEXT } from '../domain/decision';
export {
  BENEFIT_TYPES,
  BENEFIT_UNITS,
  unitOf,
  type Benefit,
  type BenefitType,
  type BenefitUnit,
} from '../domain/benefit';
export type { BenefitSummary, BenefitTypeSum } from '../domain/benefit-sums';
export { benefitAmount, benefitReturnSentences } from '../i18n/benefit-text';
