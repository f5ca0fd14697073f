import { DOMAIN_ERRORS, type DomainErrorCode } from '../../bot/src/domain/errors';
import { HTTP_ERRORS } from '../../bot/src/http/http-errors';
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
