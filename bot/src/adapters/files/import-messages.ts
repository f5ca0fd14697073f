/**
 * What the tab and the CLI tell a coordinator about a file: every warning and every refusal in
 * the person's language, in plain words, tied to the place in the document (a line, a page, a
 * table's row, a sheet's row), with the limits written as the language writes numbers. No error's
 * internals ever reach the person; an unexpected failure is logged and told as "could not be read".
 */
import type { ImportProblem, ParsedPlan, PlanFileParser, ReadingView } from '../../app/plan-import';
import { PlanFileError } from '../../app/plan-import';
import { describeLegend } from '../../domain/import/deadline';
import { ImportError, type ImportWarning } from '../../domain/import/import-problems';
import type { Where } from '../../domain/import/source-document';
import { allMeasures } from '../../domain/plan';
import { t, type Language, type MessageKey } from '../../i18n';
import { ImportLimitError, limitUnit } from './limits';
import { PdfReadError } from './pdf-reader';
import { FileTypeError, MissingFactsError, type ParsedImport, type ReadProgress } from './plan-file-reader';
import { JsonSyntaxError, PlanDocumentError } from './plan-json-reader';
import { WorkbookError } from './template-workbook-reader';
import { UnreadableFileError } from './unreadable-file';
import { parsePlanFileInWorker, type ReadFailureLog, type WorkerLimits } from './worker-parser';

export interface ParserSettings {
  limits?: WorkerLimits;
  log?: ReadFailureLog;
  onProgress?: (progress: ReadProgress) => void;
}

/** The parser behind the tab's import page and the CLI: reads in a worker, answers in the person's language. */
export function uploadedPlanParser(lang: Language, settings: ParserSettings = {}): PlanFileParser {
  return async (fileName, content, options = {}): Promise<ParsedPlan> => {
    let parsed: ParsedImport;
    try {
      parsed = await parsePlanFileInWorker(
        fileName,
        content,
        { ...options, ...(settings.onProgress ? { onProgress: settings.onProgress } : {}) },
        settings.limits,
        settings.log,
      );
    } catch (error) {
      throw new PlanFileError(problemsOf(error, lang));
    }
    if (allMeasures(parsed.plan).length === 0) {
      throw new PlanFileError([
        { where: t(lang, 'import.line', { line: 1 }), message: t(lang, 'import.error.no-rows') },
      ]);
    }
    return {
      plan: parsed.plan,
      warnings: [
        ...(parsed.reading?.encodingGuessed && parsed.reading.encoding
          ? [
              {
                where: fileWord(lang),
                message: t(lang, 'import.encoding.guessed', { encoding: parsed.reading.encoding }),
              },
            ]
          : []),
        ...parsed.warnings.map((w) => ('where' in w ? w : warningView(w, lang))),
      ],
      ...(parsed.reading ? { reading: readingView(parsed.reading, lang) } : {}),
      statuses: parsed.statuses,
    };
  };
}

export function warningView(w: ImportWarning, lang: Language): { where: string; message: string } {
  return {
    where: placeText(w, lang),
    message: t(lang, `import.warning.${w.code}`, { number: w.number ?? '', detail: w.detail ?? '' }),
  };
}

export function placeText(at: Where, lang: Language): string {
  if (at.sheet !== undefined) return t(lang, 'import.sheet', { sheet: at.sheet, line: at.line });
  if (at.table !== undefined) return t(lang, 'import.table', { table: at.table, line: at.line });
  if (at.page !== undefined) return t(lang, 'import.page', { page: at.page, line: at.line });
  return t(lang, 'import.line', { line: at.line });
}

function readingView(reading: NonNullable<ParsedImport['reading']>, lang: Language): ReadingView {
  return {
    method: reading.method,
    format: reading.format,
    ...(reading.encoding ? { encoding: reading.encoding } : {}),
    ...(reading.encodingGuessed ? { encodingGuessed: true } : {}),
    ...(reading.pages ? { pages: reading.pages } : {}),
    ...(reading.headerAt ? { header: placeText(reading.headerAt, lang) } : {}),
    columns: reading.columns,
    levels: reading.levels,
    numberedByUs: reading.numberedByUs,
    legend: describeLegend(reading.legend),
    responsibleCells: reading.responsibleCells,
    ...(reading.titleFromDocument ? { titleFromDocument: true } : {}),
  };
}

/** The problems of a refused file, each located where it can be, in the person's language. */
export function problemsOf(error: unknown, lang: Language): ImportProblem[] {
  if (error instanceof ImportError) {
    return [
      {
        where: placeText({ line: error.line, ...error.at }, lang),
        message: t(lang, `import.error.${error.code}`, { detail: error.detail }),
      },
    ];
  }
  if (error instanceof MissingFactsError) {
    return error.missing.map((fact) => ({ where: fact, message: t(lang, 'import.missingFact'), fact }));
  }
  if (error instanceof WorkbookError) return error.problems;
  if (error instanceof PlanDocumentError) return error.problems.map((message) => ({ where: error.where, message }));
  if (error instanceof ImportLimitError) return [{ where: fileWord(lang), message: limitMessage(error, lang) }];
  if (error instanceof UnreadableFileError) {
    return [
      {
        where: fileWord(lang),
        message: t(lang, 'import.error.unreadable', { format: t(lang, `import.format.${error.format}`) }),
      },
    ];
  }
  if (error instanceof PdfReadError) {
    const key: MessageKey =
      error.reason === 'encrypted'
        ? 'import.error.encrypted'
        : error.reason === 'no-text'
          ? 'import.error.no-text'
          : 'import.error.unreadable';
    return [{ where: fileWord(lang), message: t(lang, key, { format: t(lang, 'import.format.pdf') }) }];
  }
  if (error instanceof FileTypeError) {
    return [{ where: fileWord(lang), message: t(lang, 'import.error.file-type', { type: error.extension || '–' }) }];
  }
  if (error instanceof JsonSyntaxError) {
    return [{ where: 'JSON', message: t(lang, 'import.error.json', { detail: String(error.position) }) }];
  }
  return [{ where: fileWord(lang), message: t(lang, 'import.error.unexpected') }];
}

export function limitMessage(error: ImportLimitError, lang: Language): string {
  return t(lang, `import.limit.${error.kind}`, { limit: limitText(error, lang) });
}

/** 1 500 000 bytes → "1,5 MB" in Norwegian, "1.5 MB" in English. */
function limitText(error: ImportLimitError, lang: Language): string {
  const locale = lang === 'en' ? 'en-GB' : 'nb-NO';
  const unit = limitUnit(error.kind);
  if (unit === 'bytes') {
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(
      error.limit / 1_000_000,
    );
  }
  if (unit === 'megabytes')
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte' }).format(error.limit);
  return new Intl.NumberFormat(locale).format(error.limit);
}

function fileWord(lang: Language): string {
  return t(lang, 'import.file').toLocaleLowerCase(lang === 'en' ? 'en' : 'nb');
}
