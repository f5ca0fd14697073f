/**
 * Plain text as the table model: a line with tabs is a row (Word pastes a table that way, one
 * cell per tab), any other non-blank line is text, a form feed is a page break. Places are line
 * numbers, which is how a person finds them in a text file. The text is
 * already decoded (the reader detects its encoding).
 */
import type { Block, SourceDocument } from './source-document';
import { isWhitespace, trimEndWhere } from '../text';

export function textDocument(text: string, encoding?: string): SourceDocument {
  const blocks: Block[] = [];
  let page = 1;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, i) => {
    const at = { line: i + 1 };
    const pages = raw.split('\f');
    pages.forEach((part, k) => {
      if (k > 0) {
        page += 1;
        blocks.push({ kind: 'break', what: 'page', at });
      }
      if (part.trim() === '') return;
      if (part.includes('\t')) blocks.push({ kind: 'row', cells: part.split('\t'), at });
      else blocks.push({ kind: 'text', text: trimEndWhere(part, isWhitespace), at });
    });
  });
  return {
    format: 'text',
    blocks,
    exactRows: false,
    ...(encoding ? { encoding } : {}),
    ...(page > 1 ? { pages: page } : {}),
  };
}
