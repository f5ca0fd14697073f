/**
 * Typed domain errors and the one table that says what each means to the people who meet it: the
 * HTTP status and code the tab API answers, how loudly it is logged, the message in the user's
 * language, and — for the errors a card answer can meet — what the chat card says instead. A code
 * without a row does not compile; both faces (the tab API and the bot) read this table and no other.
 */
import type { MessageKey } from '../i18n';

export type DomainErrorCode =
  | 'unknown-person'
  | 'unknown-plan'
  | 'unknown-measure'
  | 'unknown-round'
  | 'round-closed'
  | 'round-open'
  | 'invalid-schedule'
  | 'invalid-edit'
  | 'invalid-field'
  | 'unknown-goal'
  | 'number-taken'
  | 'measure-has-reports'
  | 'unknown-assignee'
  | 'invalid-substitute'
  | 'invalid-decision'
  | 'invalid-benefit'
  | 'period-locked'
  | 'period-running'
  | 'period-busy'
  | 'report-too-large'
  | 'period-not-locked'
  | 'report-not-frozen'
  | 'reason-required'
  | 'unknown-substitute'
  | 'unknown-period'
  | 'not-allowed'
  | 'not-your-municipality'
  | 'choose-municipality'
  | 'nothing-reported'
  | 'nothing-to-carry-over'
  | 'comment-too-long'
  | 'invalid-value'
  | 'plan-exists'
  | 'no-revision'
  | 'revision-exists'
  | 'unknown-version'
  | 'forbidden';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    /** Values for the user-facing message, e.g. the measure numbers that were refused. */
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'DomainError';
  }
}

export interface ErrorMeaning {
  /** The HTTP status the tab API answers with. */
  status: number;
  /** The stable code in the API's error body, which clients may branch on. */
  api: string;
  /**
   * 'info' for refusals that are part of normal use, 'warn' for what suggests a fault or an attack,
   * 'debug' for what a flood repeats thousands of times a second (a log line each would be the attack).
   */
  log: 'debug' | 'info' | 'warn';
  /** What the person is told, in their language; the error's params fill it. */
  message: MessageKey;
  /** What a status card says when a card answer meets this error; absent: it is not raised by answers. */
  card?: MessageKey;
}

export const DOMAIN_ERRORS = {
  'unknown-person': {
    status: 403,
    api: 'unknown_person',
    log: 'info',
    message: 'bot.unknownUser',
    card: 'bot.unknownUser',
  },
  'unknown-plan': {
    status: 404,
    api: 'plan_not_found',
    log: 'info',
    message: 'error.unknown-plan',
    card: 'card.error.unknownPlan',
  },
  'unknown-measure': {
    status: 404,
    api: 'measure_not_found',
    log: 'info',
    message: 'error.unknown-measure',
    card: 'card.error.invalid',
  },
  'unknown-round': { status: 404, api: 'no_round', log: 'info', message: 'error.unknown-round' },
  'round-closed': { status: 409, api: 'round_closed', log: 'info', message: 'error.round-closed' },
  'round-open': { status: 409, api: 'round_open', log: 'info', message: 'error.round-open' },
  'invalid-schedule': { status: 400, api: 'bad_schedule', log: 'info', message: 'error.invalid-schedule' },
  'invalid-edit': { status: 400, api: 'bad_edit', log: 'info', message: 'error.invalid-edit' },
  'invalid-field': { status: 400, api: 'bad_field', log: 'info', message: 'error.invalid-field' },
  'unknown-goal': { status: 404, api: 'goal_not_found', log: 'info', message: 'error.unknown-goal' },
  'number-taken': { status: 409, api: 'number_taken', log: 'info', message: 'error.number-taken' },
  'measure-has-reports': {
    status: 409,
    api: 'measure_has_reports',
    log: 'info',
    message: 'error.measure-has-reports',
  },
  'unknown-assignee': { status: 400, api: 'unknown_assignee', log: 'info', message: 'error.unknown-assignee' },
  'invalid-substitute': { status: 400, api: 'bad_substitute', log: 'info', message: 'error.invalid-substitute' },
  'invalid-decision': { status: 400, api: 'bad_decision', log: 'info', message: 'error.invalid-decision' },
  'invalid-benefit': {
    status: 400,
    api: 'invalid_benefit',
    log: 'info',
    message: 'error.invalid-benefit',
    card: 'error.invalid-benefit',
  },
  'period-locked': {
    status: 409,
    api: 'period_locked',
    log: 'info',
    message: 'error.period-locked',
    card: 'card.error.periodLocked',
  },
  'period-running': { status: 409, api: 'period_running', log: 'info', message: 'error.period-running' },
  'period-busy': { status: 409, api: 'period_busy', log: 'warn', message: 'error.period-busy' },
  'report-too-large': { status: 409, api: 'report_too_large', log: 'warn', message: 'error.report-too-large' },
  'period-not-locked': { status: 409, api: 'period_not_locked', log: 'info', message: 'error.period-not-locked' },
  'report-not-frozen': { status: 409, api: 'report_not_frozen', log: 'info', message: 'error.report-not-frozen' },
  'reason-required': { status: 400, api: 'reason_required', log: 'info', message: 'error.reason-required' },
  'unknown-substitute': {
    status: 404,
    api: 'substitute_not_found',
    log: 'info',
    message: 'error.unknown-substitute',
  },
  'unknown-period': {
    status: 400,
    api: 'bad_period',
    log: 'info',
    message: 'error.unknown-period',
    card: 'card.error.invalid',
  },
  'not-allowed': {
    status: 403,
    api: 'not_allowed',
    log: 'warn',
    message: 'card.error.notAllowed',
    card: 'card.error.notAllowed',
  },
  'not-your-municipality': {
    status: 403,
    api: 'not_your_municipality',
    log: 'warn',
    message: 'card.error.notYourMunicipality',
    card: 'card.error.notYourMunicipality',
  },
  'choose-municipality': {
    status: 400,
    api: 'choose_municipality',
    log: 'info',
    message: 'card.error.chooseMunicipality',
    card: 'card.error.chooseMunicipality',
  },
  'nothing-reported': {
    status: 400,
    api: 'nothing_reported',
    log: 'info',
    message: 'card.error.nothingChosen',
    card: 'card.error.nothingChosen',
  },
  'nothing-to-carry-over': {
    status: 400,
    api: 'nothing_to_carry_over',
    log: 'info',
    message: 'card.error.nothingToCarryOver',
    card: 'card.error.nothingToCarryOver',
  },
  'comment-too-long': {
    status: 400,
    api: 'comment_too_long',
    log: 'info',
    message: 'card.error.commentTooLong',
    card: 'card.error.commentTooLong',
  },
  'invalid-value': {
    status: 400,
    api: 'invalid_value',
    log: 'info',
    message: 'error.invalid-value',
    card: 'card.error.invalid',
  },
  'plan-exists': { status: 409, api: 'plan_exists', log: 'info', message: 'error.plan-exists' },
  'no-revision': { status: 404, api: 'revision_not_found', log: 'info', message: 'error.no-revision' },
  'revision-exists': { status: 409, api: 'revision_exists', log: 'info', message: 'error.revision-exists' },
  'unknown-version': { status: 404, api: 'version_not_found', log: 'info', message: 'error.unknown-version' },
  forbidden: { status: 403, api: 'forbidden', log: 'info', message: 'error.forbidden' },
} as const satisfies Record<DomainErrorCode, ErrorMeaning>;

/** The meaning of a domain error (typed as the table row, whichever code it is). */
export function meaningOf(code: DomainErrorCode): ErrorMeaning {
  return DOMAIN_ERRORS[code];
}
