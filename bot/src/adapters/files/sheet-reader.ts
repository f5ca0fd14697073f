/**
 * Any workbook (.xlsx) as the table model, for plans kept in a municipality's own spreadsheet:
 * every sheet's rows in order, each row a row of cells as Excel shows them, a sheet's end a
 * break. A row merged across its columns is a heading. Cells are read by ExcelJS after
 * zip-archive.ts has checked the file's sizes; Tiltak's own workbook is read by
 * template-workbook-reader.ts instead.
 */
import type ExcelJS from 'exceljs';
import type { Block, SourceDocument } from '../../domain/import/source-document';
import { collapseWhitespace } from '../../domain/text';
import { cellText } from './workbook-cells';

export function sheetDocument(workbook: ExcelJS.Workbook): SourceDocument {
  const blocks: Block[] = [];
  workbook.eachSheet((sheet) => {
    if (sheet.state !== 'visible') return;
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: string[] = [];
      let merged = true;
      for (let c = 1; c <= Math.min(row.cellCount, 60); c++) {
        const cell = row.getCell(c);
        cells.push(collapseWhitespace(cellText(cell)));
        if (c > 1 && !cell.isMerged) merged = false;
      }
      if (!cells.some((c) => c)) return;
      const distinct = new Set(cells.filter((c) => c));
      const spanning = cells.length > 1 && merged && distinct.size === 1;
      const at = { sheet: sheet.name, line: r };
      blocks.push(
        spanning
          ? { kind: 'row', cells: [cells[0] ?? '', ...cells.slice(1).map(() => '')], at, spanning }
          : { kind: 'row', cells, at },
      );
    });
    blocks.push({ kind: 'break', what: 'table', at: { sheet: sheet.name, line: sheet.rowCount + 1 } });
  });
  return { format: 'workbook', blocks, exactRows: true };
}
