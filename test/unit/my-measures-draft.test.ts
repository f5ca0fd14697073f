/** "Mine tiltak"'s drafts: what counts as changed, numbers as people type them, and what is refused before sending. */
import { draftOf, entryOf, isChanged, parseValue } from '../../tab/src/data/my-measures';

const answer = { status: 'on_track' as const, comment: 'Bestilt', value: 12.5, reportedBy: 'Kari', reportedAt: '' };
const measure = { id: '1.2.3', number: '1.2.3' };

describe("Mine tiltak's drafts", () => {
  it('start from the stored answer, and count as changed only when they say something else', () => {
    expect(draftOf(undefined)).toEqual({ status: '', comment: '', value: '' });
    const draft = draftOf(answer);
    expect(draft).toEqual({ status: 'on_track', comment: 'Bestilt', value: '12.5' });
    expect(isChanged(draft, answer)).toBe(false);
    expect(isChanged({ ...draft, comment: ' Bestilt ', value: '12,5' }, answer)).toBe(false);
    expect(isChanged({ ...draft, comment: '' }, answer)).toBe(true);
    expect(isChanged({ ...draft, status: 'done' }, answer)).toBe(true);
    expect(isChanged(draftOf(undefined), undefined)).toBe(false);
  });

  it('read numbers with a decimal comma or point and spaces between thousands, and nothing else', () => {
    expect(parseValue('')).toBeUndefined();
    expect(parseValue(' 30 000 ')).toBe(30000);
    expect(parseValue('12,5')).toBe(12.5);
    expect(parseValue('-0.5')).toBe(-0.5);
    expect(parseValue('12 %')).toBeNaN();
    expect(parseValue('1e3')).toBeNaN();
  });

  it('make the entry to send, or say in the person’s language what is missing', () => {
    expect(entryOf('nb', measure, { status: '', comment: 'x', value: '' })).toEqual({
      problem: { field: 'status', text: 'Velg status for 1.2.3.' },
    });
    expect(entryOf('en', measure, { status: 'done', comment: '', value: 'mye' })).toEqual({
      problem: { field: 'value', text: 'The value for 1.2.3 must be a number.' },
    });
    expect(entryOf('nn', measure, { status: 'delayed', comment: '  Venter  ', value: '7' })).toEqual({
      entry: { measureId: '1.2.3', status: 'delayed', comment: 'Venter', value: 7 },
    });
  });

  it('in a shared plan, send the municipality chosen, or the default, and ask for one where there is none', () => {
    const municipalities = [
      { id: 'gjerstad', name: 'Gjerstad kommune' },
      { id: 'vegarshei', name: 'Vegårshei kommune' },
    ];
    const draft = { status: 'done' as const, comment: '', value: '' };
    const theirs = { ...measure, municipalities, organisationId: 'gjerstad' };
    expect(entryOf('nb', theirs, draft)).toEqual({
      entry: { measureId: '1.2.3', status: 'done', organisationId: 'gjerstad' },
    });
    expect(entryOf('nb', theirs, { ...draft, organisationId: 'vegarshei' })).toEqual({
      entry: { measureId: '1.2.3', status: 'done', organisationId: 'vegarshei' },
    });
    expect(entryOf('en', { ...measure, municipalities }, draft)).toEqual({
      problem: { field: 'organisation', text: 'Choose the municipality the answer on 1.2.3 is for.' },
    });
    // Choosing another municipality is a change, though the status shown is the same.
    expect(isChanged({ ...draftOf(answer), organisationId: 'vegarshei' }, answer)).toBe(true);
  });
});
