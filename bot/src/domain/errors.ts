/**
 * Typed domain errors. Each carries a stable code the adapters translate into a short message
 * in the user's language; details go to the log, not to the user.
 */
export type DomainErrorCode =
  | 'unknown-person'
  | 'unknown-plan'
  | 'unknown-measure'
  | 'unknown-round'
  | 'round-closed'
  | 'round-open'
  | 'invalid-schedule'
  | 'invalid-edit'
  | 'invalid-substitute'
  | 'period-locked'
  | 'period-running'
  | 'period-not-locked'
  | 'reason-required'
  | 'unknown-substitute'
  | 'unknown-period'
  | 'not-allowed'
  | 'nothing-reported'
  | 'nothing-to-carry-over'
  | 'comment-too-long'
  | 'invalid-value'
  | 'plan-exists'
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
