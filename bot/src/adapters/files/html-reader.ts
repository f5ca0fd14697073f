/**
 * HTML as the table model — a web page saved as .html, or what the clipboard's `text/html` holds
 * when a table is copied from Word, Excel or a browser. Parsed by htmlparser2 as a stream of tags
 * (no tree, no recursion, so any depth of nesting costs nothing): each `<tr>` is a row (colspan
 * and rowspan laid out into columns), headings and paragraphs outside tables are text, and a
 * table's end is a break. A table inside a cell is read as that cell's text.
 */
import { Parser } from 'htmlparser2';
import type { Block, SourceDocument } from '../../domain/import/source-document';
import { collapseWhitespace } from '../../domain/text';

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'li',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'caption',
  'section',
  'article',
  'blockquote',
  'pre',
  'header',
  'footer',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption']);
const SKIPPED = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'svg']);
const MAX_SPAN = 50;

export function readHtml(html: string, format: SourceDocument['format'] = 'html'): SourceDocument {
  const blocks: Block[] = [];
  let skip = 0;
  let text = '';
  let heading = false;
  let paragraph = 0;
  // Tables: only the outermost is laid out; inner ones add to the current cell.
  let tableDepth = 0;
  let tableCount = 0;
  let rowInTable = 0;
  let row: string[] | undefined;
  let cell: string | undefined;
  let colspan = 1;
  let rowspan = 1;
  let spans: { until: number }[] = []; // per column: rows still covered by a rowspan above
  let spanning = false;

  const flushText = () => {
    const line = collapseWhitespace(text);
    text = '';
    if (!line) return;
    paragraph += 1;
    blocks.push({ kind: 'text', text: line, at: { line: paragraph }, ...(heading ? { heading: true } : {}) });
  };
  const closeCell = () => {
    if (!row || cell === undefined) return;
    while ((spans[row.length]?.until ?? 0) > rowInTable) row.push(''); // cells covered by a rowspan above
    const column = row.length;
    row.push(collapseWhitespace(cell));
    for (let i = 1; i < colspan; i++) row.push('');
    if (rowspan > 1) for (let i = 0; i < colspan; i++) spans[column + i] = { until: rowInTable + rowspan };
    cell = undefined;
  };
  const closeRow = () => {
    closeCell();
    if (!row) return;
    while ((spans[row.length]?.until ?? 0) > rowInTable) row.push('');
    if (row.some((c) => c)) {
      const filled = row.filter((c) => c).length;
      blocks.push({
        kind: 'row',
        cells: row,
        at: { table: tableCount, line: rowInTable },
        ...(spanning && filled === 1 ? { spanning: true } : {}),
      });
    }
    row = undefined;
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (SKIPPED.has(name)) skip++;
        if (skip) return;
        if (name === 'table') {
          tableDepth++;
          if (tableDepth === 1) {
            flushText();
            tableCount++;
            rowInTable = 0;
            spans = [];
          } else if (cell !== undefined) cell += ' ';
          return;
        }
        if (tableDepth > 1) {
          if (cell !== undefined && (name === 'td' || name === 'th' || name === 'br' || BLOCK_TAGS.has(name)))
            cell += ' ';
          return;
        }
        if (tableDepth === 1 && name === 'tr') {
          closeRow();
          rowInTable++;
          row = [];
          spanning = false;
        } else if (tableDepth === 1 && (name === 'td' || name === 'th')) {
          if (!row) {
            rowInTable++;
            row = [];
          }
          closeCell();
          cell = '';
          colspan = span(attributes.colspan);
          rowspan = span(attributes.rowspan);
          spanning = colspan > 1;
        } else if (name === 'br' || BLOCK_TAGS.has(name)) {
          if (cell !== undefined) cell += ' ';
          else {
            flushText();
            heading = HEADINGS.has(name);
          }
        }
      },
      ontext(data) {
        if (skip) return;
        if (cell !== undefined) cell += data;
        else if (tableDepth === 0) text += data;
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (skip) return;
        if (name === 'table') {
          if (tableDepth === 1) {
            closeRow();
            blocks.push({ kind: 'break', what: 'table', at: { table: tableCount, line: rowInTable } });
          }
          tableDepth = Math.max(0, tableDepth - 1);
        } else if (tableDepth === 1 && name === 'tr') closeRow();
        else if (tableDepth === 1 && (name === 'td' || name === 'th')) closeCell();
        else if (tableDepth === 0 && BLOCK_TAGS.has(name)) {
          flushText();
          heading = false;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  closeRow();
  flushText();
  return { format, blocks, exactRows: true };
}

function span(value: string | undefined): number {
  const n = Number(value ?? 1);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}
