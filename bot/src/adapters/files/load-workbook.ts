/**
 * Opens an .xlsx for reading: its zip is checked by zip-archive.ts first (sizes declared and
 * real, within the limits), then ExcelJS reads it. Both of Tiltak's readers start here.
 */
import type ExcelJS from 'exceljs';
import { readZipParts } from './zip-archive';
import { UnreadableFileError } from './unreadable-file';

export async function loadWorkbook(content: Buffer): Promise<ExcelJS.Workbook> {
  try {
    await readZipParts(content, () => false);
  } catch (error) {
    throw error instanceof Error && error.name === 'NotAZipError' ? new UnreadableFileError('workbook') : error;
  }
  // ExcelJS takes a second to load: only a workbook pays for it, in the worker that reads it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError('workbook');
  }
  return workbook;
}
