/**
 * Hostile and broken input for the importers: random and mutated documents must give a plan or a
 * located error — never a crash of another kind, never a hang. (Saving is all-or-nothing already:
 * a plan is one row.)
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportLimitError } from '../../bot/src/adapters/files/limits';
import { readPlanWorkbook, WorkbookError } from '../../bot/src/adapters/files/template-workbook-reader';
import { writePlanWorkbook } from '../../bot/src/adapters/files/workbook-writer';
import { planFromDocument, PlanDocumentError } from '../../bot/src/adapters/files/plan-json-reader';
import { ImportError, parseWordGoalTable } from '../../bot/src/domain/import/word-table';
import { readTitleBlock } from '../../bot/src/domain/import/title-block';
import { hoylandet, ROOT } from '../support/demo';

jest.setTimeout(120_000);

const SEED = readFileSync(join(ROOT, 'bot/demo/plans/hoylandet-2023-2027.txt'), 'utf8');
const SEED_LINES = SEED.split('\n');
const STORD = JSON.parse(readFileSync(join(ROOT, 'bot/demo/plans/stord-2022.json'), 'utf8')) as Record<string, unknown>;

/** Runs `parse` and accepts only a result or one of the expected, located errors. */
function parsesOrExplains(parse: () => unknown, errors: (new (...args: never[]) => Error)[]): boolean {
  try {
    parse();
    return true;
  } catch (error) {
    if (errors.some((E) => error instanceof E)) return true;
    throw error;
  }
}

const cellText = fc.string({
  maxLength: 40,
  unit: fc.constantFrom('a', 'Å', ' ', '1', '.', '\t', 'Mål ', '1.1 ', '1.1.1 ', 'Måleindikator:', ',', ' og ', '\n'),
});

describe('importer fuzzing', () => {
  it('the Word-table importer survives random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) =>
        parsesOrExplains(() => parseWordGoalTable(text), [ImportError]),
      ),
      { numRuns: 500 },
    );
  });

  it('the Word-table importer survives tables made of table-like cells', () => {
    const header = 'Hovedmål\tStrategi\tTiltak\tAnsvarlig / Måleindikator\tStatus';
    fc.assert(
      fc.property(fc.array(fc.array(cellText, { maxLength: 6 }), { maxLength: 60 }), (rows) =>
        parsesOrExplains(
          () => parseWordGoalTable([header, ...rows.map((r) => r.join('\t'))].join('\n')),
          [ImportError],
        ),
      ),
      { numRuns: 500 },
    );
  });

  it('the Word-table importer survives the Høylandet seed with lines dropped, duplicated, swapped and cut', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('drop'), at: fc.nat() }),
      fc.record({ kind: fc.constant('duplicate'), at: fc.nat() }),
      fc.record({ kind: fc.constant('swap'), at: fc.nat(), to: fc.nat() }),
      fc.record({ kind: fc.constant('cut'), at: fc.nat(), length: fc.nat({ max: 50 }) }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 20 }), (mutations) => {
        const lines = [...SEED_LINES];
        for (const m of mutations) {
          const i = m.at % lines.length;
          if (m.kind === 'drop') lines.splice(i, 1);
          else if (m.kind === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
          else if (m.kind === 'swap') {
            const j = m.to % lines.length;
            [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
          } else lines[i] = (lines[i] ?? '').slice(0, m.length);
        }
        const text = lines.join('\n');
        readTitleBlock(text);
        return parsesOrExplains(() => parseWordGoalTable(text), [ImportError]);
      }),
      { numRuns: 300 },
    );
  });

  it('the plan-document reader survives mutated documents', () => {
    const paths = ['id', 'title', 'owners', 'language', 'period', 'cadence', 'levels', 'goals', 'source'];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.anything(), (path, value) => {
        const doc = { ...STORD, [path]: value };
        return parsesOrExplains(() => planFromDocument(doc, 'fuzz.json'), [PlanDocumentError]);
      }),
      { numRuns: 400 },
    );
  });

  it('the workbook reader survives random bytes and damaged workbooks', async () => {
    const good = await writePlanWorkbook(hoylandet());
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 4000 }).map((b) => Buffer.from(b)),
          fc.record({ at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }).map(({ at, bytes }) => {
            const damaged = Buffer.from(good);
            damaged.set(bytes, at % (damaged.length - bytes.length));
            return damaged;
          }),
        ),
        async (content) => {
          try {
            await readPlanWorkbook(content);
          } catch (error) {
            // A damaged part may unpack to more than it declares: refused as over the limit.
            if (!(error instanceof WorkbookError || error instanceof ImportLimitError)) throw error;
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
