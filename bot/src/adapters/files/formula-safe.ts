/**
 * Text from people (measure texts, comments, names) written into a spreadsheet. A cell that starts
 * with = + - @ (or a tab or carriage return) is inert as long as it stays a text cell, but becomes a
 * formula when someone edits it or saves the sheet as CSV ("CSV injection", OWASP): such text is
 * written with a leading apostrophe, as OWASP advises, and read back without it.
 */
import type ExcelJS from 'exceljs';

const FORMULA_START = /^[=+\-@\t\r]/;

export function asSafeText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The text as written before `asSafeText` guarded it. */
export function fromSafeText(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** Guards every text cell of the workbook, just before it is written: one place for every sheet. */
export function guardTextCells(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = asSafeText(cell.value);
      }),
    ),
  );
}
