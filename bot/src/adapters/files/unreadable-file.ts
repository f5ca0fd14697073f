/** A file that is not what its name says (a damaged workbook, a text file named .docx): named by the format it should have been. */
export type FileFormat = 'workbook' | 'docx' | 'pdf' | 'html' | 'csv' | 'text' | 'json';

export class UnreadableFileError extends Error {
  constructor(readonly format: FileFormat) {
    super(`The file cannot be read as ${format}`);
    this.name = 'UnreadableFileError';
  }
}
