/** A workbook cell's text as a person sees it: rich text, numbers, dates (YYYY-MM-DD) and formulas' results included. */
import { fromSafeText } from './formula-safe';
import type ExcelJS from 'exceljs';

export function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return fromSafeText(cell.text.trim());
}
