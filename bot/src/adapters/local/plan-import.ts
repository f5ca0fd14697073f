/**
 * Turns a file a coordinator brings into a plan: a goal table pasted from Word (.txt) with the plan's
 * facts read from its front page, or a plan document (.json). Facts given by the coordinator win
 * over what the front page says; a fact nobody gives is named in the error, never invented.
 */
import { extname } from 'node:path';
import { readPlanWorkbook } from '../excel/plan-workbook';
import { parseWordGoalTable, type ImportWarning } from '../../domain/import/word-table';
import { guessLanguage } from '../../domain/import/language';
import { readTitleBlock } from '../../domain/import/title-block';
import type { Plan } from '../../domain/plan';
import { PlanFileError, type ParsedPlan, type PlanFacts } from '../../app/plan-import';
import { ImportError } from '../../domain/import/word-table';
import { t, type Language } from '../../i18n';
import { PlanDocumentError } from './plan-document';
import { WorkbookError } from '../excel/plan-workbook';
import { planFromDocument } from './plan-document';
import { slug } from '../../domain/slug';

export type { PlanFacts };

export interface ParsedImport {
  plan: Plan;
  /** Warnings tied to a source line (Word table) or a cell (workbook). */
  warnings: (ImportWarning | { where: string; message: string })[];
}

export class MissingFactsError extends Error {
  constructor(readonly missing: ('title' | 'owners' | 'fromYear')[]) {
    super(`The document does not say, and nobody gave: ${missing.join(', ')}`);
    this.name = 'MissingFactsError';
  }
}

export async function parsePlanFile(fileName: string, content: Buffer, facts: PlanFacts = {}): Promise<ParsedImport> {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.xlsx') return readPlanWorkbook(content);
  if (extension === '.json') {
    return { plan: planFromDocument(JSON.parse(content.toString('utf8')) as unknown, fileName), warnings: [] };
  }
  return parseWordTableFile(fileName, content.toString('utf8'), facts);
}

function parseWordTableFile(fileName: string, content: string, facts: PlanFacts): ParsedImport {
  const table = parseWordGoalTable(content);
  const front = readTitleBlock(content);
  const title = facts.title ?? front.title;
  const owners = facts.owners?.length ? facts.owners : front.owners;
  const fromYear = facts.fromYear ?? front.period?.fromYear;
  const toYear = facts.toYear ?? front.period?.toYear;
  const missing: MissingFactsError['missing'] = [];
  if (!title) missing.push('title');
  if (owners.length === 0) missing.push('owners');
  if (fromYear === undefined) missing.push('fromYear');
  if (missing.length > 0 || !title || fromYear === undefined) throw new MissingFactsError(missing);

  const adoptedBy = facts.adoptedBy ?? front.adoptedBy;
  const plan: Plan = {
    id: facts.id ?? slug([owners[0] ?? '', String(fromYear), toYear ? String(toYear) : ''].join(' ')),
    title: toYear && !title.includes(String(fromYear)) ? `${title} ${fromYear}–${toYear}` : title,
    owners: owners.map((name) => ({ id: slug(name), name })),
    language: facts.language ?? guessLanguage(content),
    period: { fromYear, ...(toYear ? { toYear } : {}) },
    ...(adoptedBy ? { adoptedBy } : {}),
    cadence: table.cadence,
    levels: table.levels,
    goals: table.goals,
    source: `Imported from ${fileName}`,
  };
  return { plan, warnings: table.warnings };
}

/**
 * The parser behind the tab's import page: every outcome in the person's language, every problem
 * located (a line of the pasted table, a cell of the workbook, a missing fact).
 */
export function uploadedPlanParser(lang: Language) {
  return async (fileName: string, content: Buffer, facts: PlanFacts = {}): Promise<ParsedPlan> => {
    try {
      const parsed = await parsePlanFile(fileName, content, facts);
      return {
        plan: parsed.plan,
        warnings: parsed.warnings.map((w) =>
          'where' in w
            ? w
            : {
                where: t(lang, 'import.line', { line: w.line }),
                message: t(lang, `import.warning.${w.code}`, { number: w.number ?? '' }),
              },
        ),
      };
    } catch (error) {
      throw toPlanFileError(error, lang);
    }
  };
}

function toPlanFileError(error: unknown, lang: Language): Error {
  if (error instanceof ImportError) {
    return new PlanFileError([
      {
        where: t(lang, 'import.line', { line: error.line }),
        message: t(lang, `import.error.${error.code}`, { detail: error.detail }),
      },
    ]);
  }
  if (error instanceof MissingFactsError) {
    return new PlanFileError(
      error.missing.map((fact) => ({ where: fact, message: t(lang, 'import.missingFact'), fact })),
    );
  }
  if (error instanceof WorkbookError) return new PlanFileError(error.problems);
  if (error instanceof PlanDocumentError)
    return new PlanFileError(error.problems.map((message) => ({ where: error.where, message })));
  if (error instanceof SyntaxError) return new PlanFileError([{ where: 'JSON', message: error.message }]);
  return error instanceof Error ? error : new Error(String(error));
}
