/**
 * A Word document (.docx) as the table model, from its document XML (`word/document.xml`, read
 * through zip-archive.ts within the size limits): each `w:tr` of a table is a row (`w:gridSpan`
 * laid out into columns; a cell merged with the one above, `w:vMerge`, is empty, as Word leaves
 * it), paragraphs outside tables are text (heading styles marked), and a table's end is a break.
 * htmlparser2 reads the XML as a stream of tags: no tree, no recursion.
 */
import { Parser } from 'htmlparser2';
import type { Block, SourceDocument } from '../../domain/import/source-document';
import { collapseWhitespace } from '../../domain/text';
import { readZipParts } from './zip-archive';

const DOCUMENT = 'word/document.xml';
const HEADING_STYLE = ['heading', 'overskrift', 'title', 'tittel', 'rubrik'];
const MAX_SPAN = 50;

export class NotAWordDocumentError extends Error {
  constructor() {
    super('Not a Word document');
    this.name = 'NotAWordDocumentError';
  }
}

export async function readDocx(content: Buffer): Promise<SourceDocument> {
  const parts = await readZipParts(content, (name) => name === DOCUMENT);
  const xml = parts.get(DOCUMENT);
  if (!xml) throw new NotAWordDocumentError();
  return { format: 'docx', blocks: documentBlocks(xml.toString('utf8')), exactRows: true };
}

export function documentBlocks(xml: string): Block[] {
  const blocks: Block[] = [];
  let tableDepth = 0;
  let tables = 0;
  let rowInTable = 0;
  let paragraphs = 0;
  let row: string[] | undefined;
  let cell: string[] | undefined;
  let gridSpan = 1;
  let paragraph = '';
  let heading = false;
  let inText = false;
  let skip = 0;

  const closeParagraph = () => {
    const text = collapseWhitespace(paragraph);
    paragraph = '';
    if (cell) {
      if (text) cell.push(text);
    } else if (text && tableDepth === 0) {
      paragraphs++;
      blocks.push({ kind: 'text', text, at: { line: paragraphs }, ...(heading ? { heading: true } : {}) });
    }
    heading = false;
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'w:del' || name === 'w:instrText') skip++;
        if (skip) return;
        switch (name) {
          case 'w:tbl':
            tableDepth++;
            if (tableDepth === 1) {
              tables++;
              rowInTable = 0;
            }
            break;
          case 'w:tr':
            if (tableDepth === 1) {
              rowInTable++;
              row = [];
            }
            break;
          case 'w:tc':
            if (tableDepth === 1) {
              cell = [];
              gridSpan = 1;
            }
            break;
          case 'w:gridSpan':
            if (tableDepth === 1) gridSpan = Math.min(MAX_SPAN, Math.max(1, Number(attributes['w:val']) || 1));
            break;
          case 'w:pStyle': {
            const style = (attributes['w:val'] ?? '').toLocaleLowerCase('nb');
            heading = HEADING_STYLE.some((h) => style.startsWith(h));
            break;
          }
          case 'w:t':
            inText = true;
            break;
          case 'w:tab':
          case 'w:br':
          case 'w:cr':
            paragraph += ' ';
            break;
        }
      },
      ontext(data) {
        if (inText && !skip) paragraph += data;
      },
      onclosetag(name) {
        if (name === 'w:del' || name === 'w:instrText') {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (skip) return;
        switch (name) {
          case 'w:t':
            inText = false;
            break;
          case 'w:p':
            closeParagraph();
            break;
          case 'w:tc':
            if (tableDepth === 1 && row && cell) {
              row.push(cell.join(' '));
              for (let i = 1; i < gridSpan; i++) row.push('');
              cell = undefined;
            }
            break;
          case 'w:tr':
            if (tableDepth === 1 && row) {
              const filled = row.filter((c) => c.trim()).length;
              if (filled > 0) {
                const spanning = filled === 1 && row.length > 1 && row.slice(1).every((c) => c === '') && gridSpan > 1;
                blocks.push({
                  kind: 'row',
                  cells: row,
                  at: { table: tables, line: rowInTable },
                  ...(spanning ? { spanning: true } : {}),
                });
              }
              row = undefined;
            }
            break;
          case 'w:tbl':
            if (tableDepth === 1)
              blocks.push({ kind: 'break', what: 'table', at: { table: tables, line: rowInTable } });
            tableDepth = Math.max(0, tableDepth - 1);
            break;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return blocks;
}
