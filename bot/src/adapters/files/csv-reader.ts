/**
 * CSV as the table model: the separator is the one of `;`, `,` or tab that the first lines use
 * most (Norwegian Excel writes `;`), quotes and line breaks inside cells as RFC 4180 says, the
 * parsing by csv-parse. Every record is a row of the sheet, numbered as Excel numbers them.
 */
import { parse } from 'csv-parse/sync';
import type { SourceDocument } from '../../domain/import/source-document';
import { decodeText } from './text-decoder';
import { UnreadableFileError } from './unreadable-file';

const SEPARATORS = [';', ',', '\t'];

export function readCsv(bytes: Buffer): SourceDocument {
  const { text, encoding } = decodeText(bytes);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: separatorOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch {
    throw new UnreadableFileError('csv');
  }
  const blocks = records.flatMap((cells, i) =>
    cells.some((c) => c.trim()) ? [{ kind: 'row' as const, cells, at: { line: i + 1 } }] : [],
  );
  return { format: 'csv', blocks, exactRows: true, encoding };
}

function separatorOf(text: string): string {
  const head = text.slice(0, 4096);
  const count = (separator: string) => {
    let n = 0;
    let quoted = false;
    for (const ch of head) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch === separator) n++;
    }
    return n;
  };
  return SEPARATORS.reduce((best, s) => (count(s) > count(best) ? s : best), ';');
}
