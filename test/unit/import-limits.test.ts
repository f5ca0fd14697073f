/**
 * Hostile files are refused by mechanism, not by luck (issue 13): a zip bomb before anything is
 * inflated (or, when its directory lies, as soon as the inflated bytes pass the limit) in bounded
 * memory; a plan document nested thousands deep before JSON.parse and the schema; a file that
 * takes too long or needs too much memory costs a worker, which is terminated. Each refusal names
 * its limit in the person's language.
 */
import { problemsOf } from '../../bot/src/adapters/files/import-messages';
import { ImportLimitError, MAX_DEPTH, MAX_UNCOMPRESSED_BYTES } from '../../bot/src/adapters/files/limits';
import { parsePlanJson } from '../../bot/src/adapters/files/plan-json-reader';
import { parsePlanFileInWorker } from '../../bot/src/adapters/files/worker-parser';
import { readZipParts } from '../../bot/src/adapters/files/zip-archive';
import { zipBomb } from '../support/zip-bomb';

jest.setTimeout(60_000);

const WORKBOOK_PARTS = {
  '[Content_Types].xml':
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  'xl/workbook.xml': '<?xml version="1.0"?><workbook/>',
};

describe('decompression bombs', () => {
  it.each([
    ['declares its size honestly', false],
    ['lies about its size in the directory', true],
  ])('a workbook whose sharedStrings.xml unpacks to 300 MB (%s) is refused in bounded memory', async (_how, lie) => {
    const bomb = zipBomb('xl/sharedStrings.xml', 300, { lie, others: WORKBOOK_PARTS });
    expect(bomb.length).toBeLessThan(1_000_000);
    global.gc?.();
    const before = process.memoryUsage();
    await expect(readZipParts(bomb, () => true)).rejects.toEqual(
      new ImportLimitError('uncompressed', MAX_UNCOMPRESSED_BYTES),
    );
    const after = process.memoryUsage();
    // The limit is 50 MB; the bomb is 300 MB. Inflating it would have grown the heap past that.
    expect(after.heapUsed - before.heapUsed).toBeLessThan(64 * 1024 * 1024);
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(64 * 1024 * 1024);
  });

  it('is refused through the worker as well, with the limit in the person’s language', async () => {
    const bomb = zipBomb('word/document.xml', 300);
    const error = await parsePlanFileInWorker('plan.docx', bomb).catch((e: unknown) => e);
    expect(error).toEqual(new ImportLimitError('uncompressed', MAX_UNCOMPRESSED_BYTES));
    expect(problemsOf(error, 'nb')[0]?.message).toBe(
      'Filen pakker seg ut til mer enn 50 MB, og så store dokumenter tas ikke imot. Lagre tabellen alene, eller bruk Excel-malen.',
    );
    expect(problemsOf(error, 'en')[0]?.message).toContain('unpacks to more than 50 MB');
  });
});

describe('deep nesting', () => {
  const deep = (levels: number) => `${'{"goals":['.repeat(levels)}${']}'.repeat(levels)}`;

  it('refuses a plan document nested 2 000 levels deep before it is parsed, naming the limit', () => {
    expect(() => parsePlanJson(deep(2000), 'dyp.json')).toThrow(new ImportLimitError('depth', MAX_DEPTH));
    expect(problemsOf(new ImportLimitError('depth', MAX_DEPTH), 'nn')[0]?.message).toBe(
      'Dokumentet er nøsta djupare enn 64 nivå; ein plan har berre nokre få nivå.',
    );
  });

  it('counts brackets inside strings as text, not as nesting', () => {
    const text = JSON.stringify({ id: 'x', title: '['.repeat(5000) });
    expect(() => parsePlanJson(text, 'x.json')).not.toThrow(ImportLimitError);
  });
});

describe('the parse worker', () => {
  const bigTable = () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `Mål ${i} A\t${i}.1 B\t${i}.1.1 Tiltak ${i}\tRektor\t`);
    return Buffer.from(['Hovedmål\tStrategi\tTiltak\tAnsvarlig / Måleindikator\tStatus', ...rows].join('\n'));
  };

  it('is terminated at its deadline, and the person is told the limit', async () => {
    const error = await parsePlanFileInWorker('plan.txt', bigTable(), {}, { deadlineMs: 20, heapMb: 256 }).catch(
      (e: unknown) => e,
    );
    expect(error).toEqual(new ImportLimitError('time', 0.02));
  });

  it('is stopped when the file needs more memory than its heap limit', async () => {
    const error = await parsePlanFileInWorker('plan.txt', bigTable(), {}, { deadlineMs: 60_000, heapMb: 8 }).catch(
      (e: unknown) => e,
    );
    expect(error).toEqual(new ImportLimitError('memory', 8));
  });

  it('keeps working after a worker was terminated', async () => {
    const text =
      'Plan\n2024 – 2025\nTest kommune\nHovedmål\tStrategi\tTiltak\tAnsvarlig\nMål 1 A\t1.1 B\t1.1.1 C\tRektor\n';
    const parsed = await parsePlanFileInWorker('plan.txt', Buffer.from(text));
    expect(parsed.plan.goals[0]?.children[0]?.measures[0]?.responsibleRoles).toEqual(['Rektor']);
  });
});
