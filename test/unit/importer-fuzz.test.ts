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
import { readCsv } from '../../bot/src/adapters/files/csv-reader';
import { readHtml } from '../../bot/src/adapters/files/html-reader';
import { UnreadableFileError } from '../../bot/src/adapters/files/unreadable-file';
import { interpretDocument } from '../../bot/src/domain/import/interpret';
import type { SourceDocument } from '../../bot/src/domain/import/source-document';
import { textDocument } from '../../bot/src/domain/import/text-blocks';
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

  /** Runs of what makes a careless pattern backtrack: whitespace, separators, digits, dots, ids. */
  const hostileRun = fc
    .tuple(
      fc.constantFrom(' ', '\t', ',', ';', '.', '1', '1.', 'A.', ':', '-', '=', 'og ', '\u00a0', '…', '<td>', '"'),
      fc.integer({ min: 1, max: 20_000 }),
    )
    .map(([unit, n]) => unit.repeat(n));
  const hostileText = fc
    .array(
      fc.oneof(
        hostileRun,
        cellText,
        fc.constantFrom('Tiltak\tAnsvar\tFrist\n', 'Tiltak Prioritet Tidsfrist Ansvar\n', 'K = 2024–2025\n', '2.1.A '),
      ),
      {
        maxLength: 12,
      },
    )
    .map((parts) => parts.join(''));
  const readers: [string, (text: string) => SourceDocument][] = [
    ['text', (text) => textDocument(text)],
    [
      'HTML',
      (text) =>
        readHtml(`<table><tr><th>Tiltak</th><th>Ansvar</th></tr><tr><td>${text}</td><td>${text}</td></tr></table>`),
    ],
    ['CSV', (text) => readCsv(Buffer.from(`Tiltak;Ansvar\n${text}`))],
  ];

  it.each(readers)(
    'the interpreter reads %s with long runs of whitespace, separators and digits within a time budget per input',
    (_name, read) => {
      const BUDGET_MS = 2_000; // an input is at most ~240 KB here; linear work takes milliseconds
      fc.assert(
        fc.property(hostileText, (text) => {
          const started = performance.now();
          parsesOrExplains(() => interpretDocument(read(text)), [ImportError, UnreadableFileError]);
          const took = performance.now() - started;
          if (took > BUDGET_MS) throw new Error(`took ${Math.round(took)} ms for ${text.length} characters`);
          return true;
        }),
        { numRuns: 60 },
      );
    },
  );
});
