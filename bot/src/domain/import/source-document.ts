/**
 * The one table model every document becomes before it is interpreted: a sequence of blocks —
 * table rows of cells, lines of text, page and table breaks — each with the place a person finds
 * it at. Format readers (Word, PDF, HTML, workbooks, CSV, text) only produce this; the
 * interpreter (interpret.ts) alone decides what the rows mean.
 */

/** Where a block is, in the words a person uses for that kind of file. */
export interface Where {
  /** Line of a text, row of a table in a Word or HTML document, row of a sheet: 1-based. */
  line: number;
  page?: number;
  sheet?: string;
  /** The table of a Word or HTML document, 1-based; `line` is then its row. */
  table?: number;
}

export type Block =
  | {
      kind: 'row';
      cells: string[];
      at: Where;
      /** One cell spans the whole table (colspan/gridSpan): a heading inside the table. */
      spanning?: boolean;
    }
  | { kind: 'text'; text: string; at: Where; heading?: boolean }
  | { kind: 'break'; what: 'page' | 'table'; at: Where };

export type SourceFormat = 'text' | 'docx' | 'pdf' | 'html' | 'workbook' | 'csv';

export interface SourceDocument {
  format: SourceFormat;
  blocks: Block[];
  /**
   * True when each row is one of the document's own table rows (Word, HTML, workbooks, CSV);
   * false when a row may be a fragment of one, wrapped or cut by a page break (text, PDF).
   */
  exactRows: boolean;
  /** What the reader found out about the file itself (its encoding), for the preview. */
  encoding?: string;
  pages?: number;
}
