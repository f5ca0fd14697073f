import { parseStatusSubmission } from '../../bot/src/adapters/teams/submission';

const base = { submissionId: 'sub-00000001', planId: 'hoylandet-2023-2027', periodId: '2027-01' };

describe('reading a submitted card', () => {
  it('turns inputs into one entry per measure with a status', () => {
    const result = parseStatusSubmission({
      ...base,
      'status:2.2.1': 'on_track',
      'comment:2.2.1': '  Oppdatert  ',
      'status:2.2.2': '',
      'status:9.1': 'done',
      'value:9.1': '1 234,5',
      hostField: 'ignored',
    });
    expect(result).toMatchObject({
      ok: true,
      submission: {
        ...base,
        entries: [
          { measureId: '2.2.1', status: 'on_track', comment: 'Oppdatert' },
          { measureId: '9.1', status: 'done', value: 1234.5 },
        ],
        missingStatus: [],
      },
    });
  });

  it('notices a comment written without choosing a status', () => {
    const result = parseStatusSubmission({ ...base, 'comment:2.2.1': 'Glemte status' });
    expect(result).toMatchObject({ ok: true, submission: { entries: [], missingStatus: ['2.2.1'] } });
  });

  it.each([
    ['not an object', 'status'],
    ['no submission id', { planId: 'p', periodId: '2027-01' }],
    ['an unknown status', { ...base, 'status:1.1.1': 'kinda_done' }],
    ['a value that is not a number', { ...base, 'status:1.1.1': 'done', 'value:1.1.1': 'mange' }],
    ['a nested object', { ...base, 'status:1.1.1': { $ne: 1 } }],
    ['a huge field', { ...base, 'comment:1.1.1': 'x'.repeat(20_001) }],
  ])('refuses %s', (_name, data) => {
    expect(parseStatusSubmission(data).ok).toBe(false);
  });
});

it('reads "unchanged since last period" as an answer', () => {
  const result = parseStatusSubmission({
    submissionId: 'sub-00000001',
    planId: 'p',
    periodId: '2027-01',
    'status:1.1': 'unchanged',
  });
  expect(result).toMatchObject({ ok: true, submission: { entries: [{ measureId: '1.1', status: 'unchanged' }] } });
});
