import { DOMAIN_ERRORS, type DomainErrorCode } from '../../bot/src/domain/errors';
import { HTTP_ERRORS, HttpError } from '../../bot/src/http/http-errors';
import { errorResponse } from '../../bot/src/http/error-response';
import { DomainError } from '../../bot/src/domain/errors';
import { t } from '../../bot/src/i18n';

describe('the error table', () => {
  const rows = [...Object.values(DOMAIN_ERRORS), ...Object.values(HTTP_ERRORS)];

  it('gives every refusal its own API code, so that clients can tell them apart', () => {
    const codes = rows.map((r) => r.api);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('has a message in bokmål, nynorsk and English for every row, the card text included', () => {
    for (const row of rows) {
      for (const key of [row.message, ...('card' in row && row.card ? [row.card] : [])]) {
        const texts = (['nb', 'nn', 'en'] as const).map((lang) => t(lang, key));
        expect(new Set(texts).size).toBeGreaterThan(1); // translated, not copied
      }
    }
  });

  // Clients (the tab, scripts a municipality writes) branch on these: a change is a breaking change.
  it.each([
    ['unknown-plan', 404, 'plan_not_found'],
    ['period-locked', 409, 'period_locked'],
    ['period-busy', 409, 'period_busy'],
    ['not-allowed', 403, 'not_allowed'],
    ['forbidden', 403, 'forbidden'],
    ['invalid-edit', 400, 'bad_edit'],
    ['comment-too-long', 400, 'comment_too_long'],
  ] as const)('keeps %s answered as %i %s', (code, status, api) => {
    expect(errorResponse(new DomainError(code), 'nb')).toMatchObject({ status, body: { error: api } });
  });

  it.each([
    ['sign-in-required', 401, 'sign_in_required'],
    ['version-required', 428, 'version_required'],
    ['changed-by-someone-else', 412, 'changed_by_someone_else'],
    ['too-many-requests', 429, 'too_many_requests'],
    ['body-too-large', 413, 'body_too_large'],
    ['store-busy', 503, 'store_busy'],
  ] as const)('keeps the HTTP refusal %s answered as %i %s', (code, status, api) => {
    expect(errorResponse(new HttpError(code), 'nb')).toMatchObject({ status, body: { error: api } });
  });

  it('answers the unexpected with 500 and nothing of its message', () => {
    const answer = errorResponse(new Error('SQLITE_CORRUPT at /srv/tiltak/data.db'), 'en');
    expect(answer).toMatchObject({ status: 500, body: { error: 'internal_error' }, log: 'error' });
    expect(JSON.stringify(answer.body)).not.toContain('SQLITE');
  });

  it('answers each domain error with its row: status, code, and the message with its values', () => {
    for (const code of Object.keys(DOMAIN_ERRORS) as DomainErrorCode[]) {
      const answer = errorResponse(new DomainError(code, { number: '1.1.1', end: '2027-01-31', max: 500 }), 'nn');
      expect(answer.status).toBe(DOMAIN_ERRORS[code].status);
      expect(answer.body.error).toBe(DOMAIN_ERRORS[code].api);
      expect(JSON.stringify(answer.body)).not.toMatch(/\{(number|end|max)\}/);
    }
    expect(errorResponse(new DomainError('period-running', { end: '2027-01-31' }), 'nb').body).toMatchObject({
      error: 'period_running',
      message: expect.stringContaining('2027-01-31'),
    });
  });
});
