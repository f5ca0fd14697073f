/**
 * The errors a file reader may raise, carried across the worker boundary: a worker can post only
 * plain data, so each known error travels as its name and fields and is built again on the other
 * side. An error of any other kind travels as "unexpected", without its message or stack (they
 * are internals), and is logged where it happened.
 */
import { ImportError } from '../../domain/import/import-problems';
import { PdfReadError } from './pdf-reader';
import { FileTypeError, MissingFactsError } from './plan-file-reader';
import { JsonSyntaxError, PlanDocumentError } from './plan-json-reader';
import { ImportLimitError, MAX_DEPTH } from './limits';
import { WorkbookError } from './template-workbook-reader';
import { UnreadableFileError } from './unreadable-file';

export type SerialisedError =
  | { name: 'ImportError'; line: number; code: ImportError['code']; detail: string; at: ImportError['at'] }
  | { name: 'MissingFactsError'; missing: MissingFactsError['missing'] }
  | { name: 'WorkbookError'; problems: WorkbookError['problems'] }
  | { name: 'PlanDocumentError'; where: string; problems: string[] }
  | { name: 'ImportLimitError'; kind: ImportLimitError['kind']; limit: number }
  | { name: 'UnreadableFileError'; format: UnreadableFileError['format'] }
  | { name: 'PdfReadError'; reason: PdfReadError['reason'] }
  | { name: 'FileTypeError'; extension: string }
  | { name: 'JsonSyntaxError'; position: number }
  | { name: 'unexpected' };

export function serialiseError(error: unknown): SerialisedError {
  if (error instanceof ImportError)
    return { name: 'ImportError', line: error.line, code: error.code, detail: error.detail, at: error.at };
  if (error instanceof MissingFactsError) return { name: 'MissingFactsError', missing: error.missing };
  if (error instanceof WorkbookError) return { name: 'WorkbookError', problems: error.problems };
  if (error instanceof PlanDocumentError)
    return { name: 'PlanDocumentError', where: error.where, problems: error.problems };
  if (error instanceof ImportLimitError) return { name: 'ImportLimitError', kind: error.kind, limit: error.limit };
  if (error instanceof UnreadableFileError) return { name: 'UnreadableFileError', format: error.format };
  if (error instanceof PdfReadError) return { name: 'PdfReadError', reason: error.reason };
  if (error instanceof FileTypeError) return { name: 'FileTypeError', extension: error.extension };
  if (error instanceof JsonSyntaxError) return { name: 'JsonSyntaxError', position: error.position };
  // The recursion of a library (a schema, a parser) ran out of stack: the input was nested too deep.
  if (error instanceof RangeError && error.message.includes('call stack'))
    return { name: 'ImportLimitError', kind: 'depth', limit: MAX_DEPTH };
  return { name: 'unexpected' };
}

export class UnexpectedReadError extends Error {
  constructor() {
    super('The file could not be read');
    this.name = 'UnexpectedReadError';
  }
}

export function deserialiseError(error: SerialisedError): Error {
  switch (error.name) {
    case 'ImportError':
      return new ImportError(error.line, error.code, error.detail, error.at);
    case 'MissingFactsError':
      return new MissingFactsError(error.missing);
    case 'WorkbookError':
      return new WorkbookError(error.problems);
    case 'PlanDocumentError':
      return new PlanDocumentError(error.where, error.problems);
    case 'ImportLimitError':
      return new ImportLimitError(error.kind, error.limit);
    case 'UnreadableFileError':
      return new UnreadableFileError(error.format);
    case 'PdfReadError':
      return new PdfReadError(error.reason);
    case 'FileTypeError':
      return new FileTypeError(error.extension);
    case 'JsonSyntaxError':
      return new JsonSyntaxError(error.position);
    default:
      return new UnexpectedReadError();
  }
}
