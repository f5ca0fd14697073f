/**
 * A PDF as positioned lines of text, by pdfjs-dist (Mozilla's PDF.js): each text item with its
 * place on the page, grouped into lines by height and into chunks where the gap between items is
 * wider than a space. The table is only geometry in a PDF; pdf-layout.ts finds its columns.
 * Pages are read one at a time (progress is told per page) and at most MAX_PDF_PAGES of them.
 */
import type { SourceDocument } from '../../domain/import/source-document';
import { ImportLimitError, MAX_PDF_PAGES } from './limits';
import { layoutPages, type PdfLine } from './pdf-layout';

export class PdfReadError extends Error {
  constructor(readonly reason: 'encrypted' | 'damaged' | 'no-text') {
    super(`The PDF cannot be read: ${reason}`);
    this.name = 'PdfReadError';
  }
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export async function readPdf(
  content: Buffer,
  onPage?: (page: number, pages: number) => void,
): Promise<SourceDocument> {
  // pdf.js ships as an ES module; Node 20.19+ loads it from CommonJS too.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let document: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    document = await pdfjs.getDocument({
      data: new Uint8Array(content),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    throw new PdfReadError((error as Error).name === 'PasswordException' ? 'encrypted' : 'damaged');
  }
  try {
    if (document.numPages > MAX_PDF_PAGES) throw new ImportLimitError('pages', MAX_PDF_PAGES);
    const pages: PdfLine[][] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.flatMap((i): TextItem[] =>
        'str' in i ? [{ str: i.str, transform: i.transform as number[], width: i.width, height: i.height }] : [],
      );
      pages.push(linesOf(items));
      page.cleanup();
      onPage?.(n, document.numPages);
    }
    if (pages.every((p) => p.length === 0)) throw new PdfReadError('no-text');
    return { format: 'pdf', blocks: layoutPages(pages), exactRows: false, pages: document.numPages };
  } finally {
    await document.destroy();
  }
}

/** Items on (about) the same baseline form a line, read left to right; close items join into one chunk. */
function linesOf(items: TextItem[]): PdfLine[] {
  const placed = items
    .filter((i) => i.str.trim().length > 0)
    .map((i) => ({
      text: i.str,
      x: i.transform[4] ?? 0,
      y: i.transform[5] ?? 0,
      width: i.width,
      size: i.height || Math.abs(i.transform[3] ?? 0),
    }))
    .sort((a, b) => b.y - a.y);
  const rows: (typeof placed)[] = [];
  for (const item of placed) {
    const row = rows.at(-1);
    const first = row?.[0];
    if (row && first && Math.abs(first.y - item.y) <= Math.max(1, item.size * 0.3)) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    const line: PdfLine = { y: row[0]?.y ?? 0, size: Math.max(...row.map((i) => i.size)), chunks: [] };
    for (const item of row.sort((a, b) => a.x - b.x)) {
      const last = line.chunks.at(-1);
      if (last && item.x - last.x1 <= item.size * 0.35) {
        last.text += item.x - last.x1 > item.size * 0.1 ? ` ${item.text}` : item.text;
        last.x1 = Math.max(last.x1, item.x + item.width);
      } else line.chunks.push({ text: item.text, x0: item.x, x1: item.x + item.width });
    }
    return line;
  });
}
