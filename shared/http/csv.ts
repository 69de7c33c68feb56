/**
 * CSV that opens correctly in Excel with Chinese headers: UTF-8 with a byte-order mark,
 * CRLF line ends, every field quoted when it needs to be. Money in yuan with two decimals,
 * written from integer fen without floating point; rates as percentages.
 */
export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A number as these files write it: integer or decimal, optionally negative, optionally a percentage. */
const NUMERIC = /^-?\d+(\.\d+)?%?$/;

/**
 * Formula injection (CWE-1236): a spreadsheet evaluates a text cell that begins with
 * `= + - @`, a tab or a carriage return, whatever the quoting. Such text gets a leading `'`
 * (shown as text, never evaluated); numbers, negative ones included, stay numbers.
 */
export function inertCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return /^[=+\-@\t\r]/.test(value) && !NUMERIC.test(value) ? `'${value}` : value;
}

export function toCsv<T>(columns: Column<T>[], rows: T[]): string {
  const lines = [columns.map((c) => quote(inertCell(c.header))).join(',')];
  for (const row of rows) lines.push(columns.map((c) => quote(inertCell(c.value(row)))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** 123456 fen → "1234.56" (no thousands separator: Excel reads it as a number). */
export function yuanCell(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 9523 basis points → "95.23%". */
export function percentCell(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '';
  return `${yuanCell(bp)}%`;
}

/** A file answer instead of JSON (the Lambda adapter sends it with its content type). */
export class FileResult {
  constructor(
    readonly filename: string,
    readonly contentType: string,
    readonly body: string,
    /** 'base64': the body is binary (an .xlsx workbook), base64-encoded as API Gateway expects */
    readonly encoding: 'utf8' | 'base64' = 'utf8',
  ) {}
}

export function csvFile<T>(name: string, columns: Column<T>[], rows: T[]): FileResult {
  return new FileResult(`${name}.csv`, 'text/csv; charset=utf-8', toCsv(columns, rows));
}
