/**
 * Turns a file a coordinator brings into a plan, whatever it is: a Word document, a PDF, a web
 * page or pasted HTML, a workbook (Tiltak's own, or any layout), CSV, text in any encoding, or a
 * plan document (.json). Each format's reader makes the table model; the one interpreter
 * (domain/import) reads it, with the coordinator's choices. The plan's facts come from the
 * document's front page; facts the coordinator gives win; a fact nobody gives is named in the
 * error, never invented. Runs inside the parse worker (worker-parser.ts), never on the event loop.
 */
import { extname } from 'node:path';
import type { PlanFacts } from '../../app/plan-import';
import type { ImportChoices } from '../../domain/import/choices';
import { interpretDocument, type DocumentStatus, type Reading } from '../../domain/import/interpret';
import type { ImportWarning } from '../../domain/import/import-problems';
import { guessLanguage } from '../../domain/import/language';
import type { SourceDocument } from '../../domain/import/source-document';
import { textDocument } from '../../domain/import/text-blocks';
import { readTitleBlock } from '../../domain/import/title-block';
import type { Plan } from '../../domain/plan';
import { slug } from '../../domain/slug';
import { readCsv } from './csv-reader';
import { readDocx } from './docx-reader';
import { readHtml } from './html-reader';
import { loadWorkbook } from './load-workbook';
import { parsePlanJson } from './plan-json-reader';
import { readPdf } from './pdf-reader';
import { sheetDocument } from './sheet-reader';
import { isTemplateWorkbook, readTemplateWorkbook, type WorkbookProblem } from './template-workbook-reader';
import { decodeText } from './text-decoder';
import { UnreadableFileError } from './unreadable-file';

export type { PlanFacts };

export interface ParsedImport {
  plan: Plan;
  /** Warnings tied to a place in the document, or (Tiltak's workbook) to a cell. */
  warnings: (ImportWarning | WorkbookProblem)[];
  /** How an interpreted document was read (absent for Tiltak's workbook and plan documents). */
  reading?: Reading & { encodingGuessed?: boolean; titleFromDocument?: boolean };
  statuses: DocumentStatus[];
}

export interface ReadProgress {
  page: number;
  pages: number;
}

export interface ReadOptions {
  facts?: PlanFacts;
  choices?: ImportChoices;
  onProgress?: (progress: ReadProgress) => void;
}

export class MissingFactsError extends Error {
  constructor(readonly missing: ('title' | 'owners' | 'fromYear')[]) {
    super(`The document does not say, and nobody gave: ${missing.join(', ')}`);
    this.name = 'MissingFactsError';
  }
}

export class FileTypeError extends Error {
  constructor(readonly extension: string) {
    super(`Files of type ${extension} cannot be read`);
    this.name = 'FileTypeError';
  }
}

export const READABLE_EXTENSIONS = [
  '.txt',
  '.tsv',
  '.csv',
  '.xlsx',
  '.docx',
  '.pdf',
  '.html',
  '.htm',
  '.json',
] as const;

export async function parsePlanFile(
  fileName: string,
  content: Buffer,
  options: ReadOptions = {},
): Promise<ParsedImport> {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.json') {
    return { plan: parsePlanJson(decodeText(content).text, fileName), warnings: [], statuses: [] };
  }
  if (extension === '.xlsx') {
    const workbook = await loadWorkbook(content);
    if (isTemplateWorkbook(workbook)) return { ...readTemplateWorkbook(workbook), statuses: [] };
    return interpreted(fileName, sheetDocument(workbook), options);
  }
  const document = await readDocument(extension, content, options);
  return interpreted(fileName, document.doc, options, document.guessed);
}

async function readDocument(
  extension: string,
  content: Buffer,
  options: ReadOptions,
): Promise<{ doc: SourceDocument; guessed?: boolean }> {
  switch (extension) {
    case '.docx':
      try {
        return { doc: await readDocx(content) };
      } catch (error) {
        throw error instanceof Error && error.name === 'NotAZipError' ? new UnreadableFileError('docx') : error;
      }
    case '.pdf':
      return { doc: await readPdf(content, (page, pages) => options.onProgress?.({ page, pages })) };
    case '.csv':
      return { doc: readCsv(content) };
    case '.html':
    case '.htm': {
      const { text, encoding, guessed } = decodeText(content);
      return { doc: { ...readHtml(text), encoding }, guessed };
    }
    case '.txt':
    case '.tsv': {
      const { text, encoding, guessed } = decodeText(content);
      return { doc: textDocument(text, encoding), guessed };
    }
    default:
      throw new FileTypeError(extension);
  }
}

function interpreted(fileName: string, doc: SourceDocument, options: ReadOptions, guessed?: boolean): ParsedImport {
  const table = interpretDocument(doc, options.choices);
  const facts = options.facts ?? {};
  const frontText = frontPage(doc);
  const front = readTitleBlock(frontText);
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
    language: facts.language ?? guessLanguage(allText(doc)),
    period: { fromYear, ...(toYear ? { toYear } : {}) },
    ...(adoptedBy ? { adoptedBy } : {}),
    cadence: table.cadence,
    levels: table.levels,
    goals: table.goals,
    source: `Imported from ${fileName}`,
  };
  return {
    plan,
    warnings: table.warnings,
    statuses: table.statuses,
    reading: {
      ...table.reading,
      ...(guessed ? { encodingGuessed: true } : {}),
      ...(!facts.title ? { titleFromDocument: true } : {}),
    },
  };
}

/** The document's lines before its first table: where the title, period and municipality stand. */
function frontPage(doc: SourceDocument): string {
  const lines: string[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'row') {
      const filled = block.cells.filter((c) => c.trim());
      if (doc.format === 'text') lines.push(block.cells.join('\t'));
      else if (filled.length === 1 && filled[0])
        lines.push(filled[0]); // a title row of a sheet
      else break;
    } else if (block.kind === 'text') lines.push(block.text);
    if (lines.length >= 40) break;
  }
  return lines.join('\n');
}

function allText(doc: SourceDocument): string {
  return doc.blocks
    .slice(0, 2000)
    .map((b) => (b.kind === 'text' ? b.text : b.kind === 'row' ? b.cells.join(' ') : ''))
    .join('\n');
}
