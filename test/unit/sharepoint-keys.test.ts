/** SharePoint compares text without regard to case: the lists' keys keep ids that differ in case apart. */
import fc from 'fast-check';
import { caseSafe, fromCaseSafe, nodeKey, sequences } from '../../bot/src/adapters/sharepoint/keys';

describe('case-safe keys', () => {
  it('leaves lower-case ids as they were, so lists written before read on', () => {
    for (const id of ['hoylandet-2023-2027', '1.2.3', '8f7e6d5c-4b3a-4291-8a7b-6c5d4e3f2a10', 'status pr. januar'])
      expect(caseSafe(id)).toBe(id);
  });

  it('gives ids that differ only in case keys that differ without regard to case, and gives the id back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(fromCaseSafe(caseSafe(a))).toBe(a);
        if (a !== b) expect(caseSafe(a).toLowerCase()).not.toBe(caseSafe(b).toLowerCase());
      }),
    );
    expect(caseSafe('Plan-A')).toBe('^plan-^a');
    expect(nodeKey('Plan-A', 3, 'measure', '1A')).not.toBe(nodeKey('plan-a', 3, 'measure', '1a'));
  });

  it('numbers items written together in their order, after those written before', () => {
    const first = sequences(3, 1_000);
    const later = sequences(2, 1_001);
    expect(first).toEqual([...first].sort((x, y) => x - y));
    expect(Math.min(...later)).toBeGreaterThan(Math.max(...first));
  });
});
