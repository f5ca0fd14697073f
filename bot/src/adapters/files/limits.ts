/**
 * What the importers accept, in one place, so the README, the messages and the code agree
 * (issue 13: no upload may freeze or exhaust the service). A plan's table is a few hundred
 * kilobytes; every limit is far above what a real plan needs and far below what hurts.
 */

/** An uploaded or pasted file, before base64. */
export const MAX_UPLOAD_BYTES = 1_500_000;
/** Zip-based files (.xlsx, .docx): what all their parts may unpack to together, and any one part. */
export const MAX_UNCOMPRESSED_BYTES = 50_000_000;
export const MAX_ENTRY_BYTES = 30_000_000;
export const MAX_ZIP_ENTRIES = 5_000;
/** Nesting of a plan document (.json) or an HTML/Word document's elements; a plan has a handful of levels. */
export const MAX_DEPTH = 64;
export const MAX_PDF_PAGES = 300;
/** Reading one file, in a worker thread of its own: wall time and heap. */
export const PARSE_DEADLINE_MS = 30_000;
export const PARSE_HEAP_MB = 384;

export type LimitKind = 'upload' | 'uncompressed' | 'entries' | 'depth' | 'time' | 'memory' | 'pages';

/** A file refused for its size or shape, before (or instead of) reading it; `limit` in the kind's unit. */
export class ImportLimitError extends Error {
  constructor(
    readonly kind: LimitKind,
    readonly limit: number,
  ) {
    super(`The file passes the import limit (${kind}: ${limit})`);
    this.name = 'ImportLimitError';
  }
}

/** The unit a limit is shown in: bytes for sizes, a count for the others, seconds for time. */
export function limitUnit(kind: LimitKind): 'bytes' | 'count' | 'seconds' | 'megabytes' {
  if (kind === 'upload' || kind === 'uncompressed') return 'bytes';
  if (kind === 'time') return 'seconds';
  if (kind === 'memory') return 'megabytes';
  return 'count';
}
