/**
 * What the interpreter tells about a document: warnings (it imported, and here is what to check)
 * and errors (it cannot be imported as it is; the code says why, the place says where). Each
 * is tied to a place in the document, so the message can send the person to the fix.
 */
import type { Where } from './source-document';

export type ImportWarningCode =
  | 'row-continued'
  | 'cell-continued'
  | 'text-without-table-cells'
  | 'empty-text'
  | 'missing-responsible'
  | 'missing-indicator'
  | 'number-mismatch'
  | 'numbered-by-us'
  | 'number-qualified'
  | 'one-group'
  | 'priority-unread'
  | 'deadline-unread'
  | 'status-unread'
  | 'outline';

export interface ImportWarning extends Where {
  code: ImportWarningCode;
  /** The node the warning is about, by its number ("7.3.1"), when there is one. */
  number?: string;
  /** The text the warning is about (an unread value, the heading a column had). */
  detail?: string;
}

export type ImportErrorCode = 'no-header' | 'near-header' | 'no-rows' | 'row-before-goal' | 'duplicate-number';

export class ImportError extends Error {
  constructor(
    readonly line: number,
    readonly code: ImportErrorCode,
    readonly detail = '',
    readonly at: Omit<Where, 'line'> = {},
  ) {
    super(`Line ${line}: ${code}${detail ? ` (${detail})` : ''}`);
    this.name = 'ImportError';
  }
}

export function warningAt(at: Where, code: ImportWarningCode, number?: string, detail?: string): ImportWarning {
  return {
    line: at.line,
    ...(at.page !== undefined ? { page: at.page } : {}),
    ...(at.sheet !== undefined ? { sheet: at.sheet } : {}),
    ...(at.table !== undefined ? { table: at.table } : {}),
    code,
    ...(number !== undefined ? { number } : {}),
    ...(detail !== undefined ? { detail } : {}),
  };
}

export function errorAt(at: Where, code: ImportErrorCode, detail = ''): ImportError {
  const { line, ...place } = at;
  return new ImportError(line, code, detail, place);
}
