/** Errors of the .xlsx reader: a stable code and a message a user can act on. */

/** Error with a stable code and a message a user can act on. */
export class XlsxReadError extends Error {
  constructor(
    readonly code: 'XLSX_UNREADABLE' | 'XLSX_NOT_FOUND' | 'XLSX_ENCRYPTED' | 'XLSX_DAMAGED' | 'XLSX_TOO_LARGE',
    message: string,
  ) {
    super(message);
    this.name = 'XlsxReadError';
  }
}
