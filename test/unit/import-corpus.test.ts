/**
 * The import corpus (test/fixtures/import/, made by make-fixtures.ts): every document, in every
 * format it comes in, is read through the worker as the service reads it, and gives the plan its
 * author wrote — measures with their numbers and texts, responsible roles, priority, deadline and
 * status — not only the right counts. `CORPUS_TABLE=1` prints the corpus table (document ×
 * measures found, fields right).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedImport } from '../../bot/src/adapters/files/plan-file-reader';
import { parsePlanFileInWorker } from '../../bot/src/adapters/files/worker-parser';
import { allMeasures, planCounts } from '../../bot/src/domain/plan';
import type { Expected, ExpectedMeasure } from '../fixtures/import/make-fixtures';
import { ROOT } from '../support/demo';

jest.setTimeout(120_000);
const DIR = join(ROOT, 'test/fixtures/import');

/** Each document and the expected plan it must give. */
function corpus(): [string, string][] {
  const files = readdirSync(DIR).filter(
    (f) => !f.endsWith('.expected.json') && !f.endsWith('.ts') && !f.endsWith('.md'),
  );
  return files.map((file) => {
    const base = file.replace(/\.(pasted\.html|docx|pdf|html|xlsx|csv|txt)$/, '');
    const expected = base.startsWith('hoylandet-') && !base.includes('2023') ? 'hoylandet-2023-2027' : base;
    return [file, `${expected}.expected.json`];
  });
}

const results: { file: string; found: number; expected: number; right: number }[] = [];

afterAll(() => {
  if (!process.env.CORPUS_TABLE) return;
  console.log(
    [
      '| document | measures found / expected | fields right |',
      '|---|---|---|',
      ...results.map((r) => `| ${r.file} | ${r.found} / ${r.expected} | ${r.right} / ${r.expected} |`),
    ].join('\n'),
  );
});

describe('the import corpus', () => {
  it.each(corpus())('%s gives the plan in %s', async (file, expectedFile) => {
    const expected = JSON.parse(readFileSync(join(DIR, expectedFile), 'utf8')) as Expected;
    const parsed = await parsePlanFileInWorker(file, readFileSync(join(DIR, file)), { facts: expected.facts ?? {} });
    const measures = new Map(allMeasures(parsed.plan).map((m) => [m.number, m]));
    const right = expected.measures.filter((e) => fieldsRight(parsed, e)).length;
    results.push({ file, found: measures.size, expected: expected.measures.length, right });

    expect(planCounts(parsed.plan).perLevel).toEqual(expected.counts);
    for (const e of expected.measures) {
      const m = measures.get(e.number);
      expect({ number: e.number, text: m?.text }).toEqual({ number: e.number, text: e.text });
      if (e.responsible)
        expect({ number: e.number, roles: m?.responsibleRoles }).toEqual({ number: e.number, roles: e.responsible });
      expect({ number: e.number, priority: m?.priority }).toEqual({ number: e.number, priority: e.priority });
      if (e.deadline)
        expect({ number: e.number, deadline: m?.deadline }).toEqual({ number: e.number, deadline: e.deadline });
      if (e.status)
        expect(parsed.statuses).toContainEqual(expect.objectContaining({ measureId: e.number, status: e.status }));
    }
  });
});

function fieldsRight(parsed: ParsedImport, e: ExpectedMeasure): boolean {
  const m = allMeasures(parsed.plan).find((x) => x.number === e.number);
  if (!m || m.text !== e.text || m.priority !== e.priority) return false;
  if (e.responsible && JSON.stringify(m.responsibleRoles) !== JSON.stringify(e.responsible)) return false;
  if (e.deadline && JSON.stringify(m.deadline) !== JSON.stringify(e.deadline)) return false;
  return !e.status || parsed.statuses.some((s) => s.measureId === e.number && s.status === e.status);
}
