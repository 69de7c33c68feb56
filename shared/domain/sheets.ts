/**
 * Reading an uploaded sheet: pure functions, no I/O. Used by the application import
 * (`import-rows.ts`) and the ledger import (`ledger-read.ts`).
 *
 * 1. `readTable` turns the upload into rows of cells: CSV text (RFC 4180: quotes, commas
 *    and newlines inside quotes, CRLF, a UTF-8 BOM) or the first sheet of an .xlsx
 *    workbook (a zip of XML files, read with Node's zlib and a few regular expressions).
 * 2. `yuanToFen`, `normalizeDate` and `excelSerialDate` read a cell's value (yuan to integer
 *    fen with string arithmetic, never floats), `villageDirectory` a village by id or name.
 *
 * Problems with the file as a whole are `ValidationFailed` on field `content`; a value that
 * cannot be read is a `Parsed` failure naming the rule (a key of the message catalogue).
 */
import { inflateRawSync } from 'node:zlib';
import { addDays, isIsoDate } from './dates.ts';
import { ValidationFailed } from './errors.ts';
import { MAX_IMPORT_ROWS } from './import-limits.ts';
import { isOfficeId, isWithin, type Office } from './offices.ts';
import { MAX_FEN } from './schemas/common.ts';

// ---------------------------------------------------------------- cells and tables

/** A cell: text, or an Excel number kept as its exact decimal text (never a float). */
export type Cell = string | { number: string };

export interface SheetRow {
  /** 1-based line (CSV: where the record starts) or row number (Excel) in the file */
  line: number;
  cells: Cell[];
}

export interface Table {
  rows: SheetRow[];
  /** Excel workbooks count dates from 1904 instead of 1900 when set */
  date1904: boolean;
}

/** A file that cannot be imported; `rule` names the problem for the message catalogue (default: unreadable). */
export const contentError = (message: string, rule = 'file_unreadable', params: Record<string, unknown> = { detail: message }) => new ValidationFailed(message, 'content', { rule, params });

export const cellText = (cell: Cell | undefined): string => (cell === undefined ? '' : typeof cell === 'string' ? cell : cell.number);

export const isEmptyRow = (row: SheetRow) => row.cells.every((c) => cellText(c).trim() === '');

/** A header as compared with a template's: NFKC (full-width → half-width), no spaces, `*` marks or `_`, no unit `(元)`, lower case. */
export const headerKey = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[\s*_]/g, '')
    .replace(/\((元|yuan)\)$/i, '')
    .toLowerCase();

/** Headers (as `headerKey` gives them) of the column a clerk's sheet often has that carries nothing to import: the running number. */
export const RUNNING_NUMBER_HEADERS = new Set(['序号', 'no', 'no.', '#']);

// ---------------------------------------------------------------- CSV

/**
 * RFC 4180 CSV: fields separated by `delimiter`, records by CRLF, LF or CR; a field in
 * double quotes may hold delimiters, newlines and doubled quotes (""). Lenient where the
 * RFC is strict: a quote inside an unquoted field, or text after a closing quote, is kept
 * as written. Each record carries the line it starts on.
 */
export function parseCsv(text: string, delimiter = ',', maxColumns = DEFAULT_MAX_COLUMNS): SheetRow[] {
  const rows: SheetRow[] = [];
  let total = 0;
  const n = text.length;
  let i = 0;
  let line = 1;
  let startLine = 1;
  let cells: string[] = [];
  let atRecordEnd = false;
  while (i < n) {
    let cell = '';
    if (text[i] === '"') {
      const quoteLine = line;
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw contentError(`has a quote (") opened on line ${quoteLine} that is never closed`);
        const chunk = text.slice(i, q);
        line += countNewlines(chunk);
        cell += chunk;
        if (text[q + 1] === '"') {
          cell += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      // text after the closing quote, up to the next delimiter or newline, is kept as written
      const end = nextBreak(text, i, delimiter);
      cell += text.slice(i, end);
      i = end;
    } else {
      const end = nextBreak(text, i, delimiter);
      cell = text.slice(i, end);
      i = end;
    }
    // a cell beyond the template's width is not kept: refused when filled, dropped when empty
    if (cells.length < maxColumns) cells.push(cell.replace(/\r\n?/g, '\n'));
    else if (cell.trim() !== '') throw tooWide(maxColumns);
    if (++total > MAX_SHEET_CELLS) throw tooManyCells();
    atRecordEnd = false;
    if (i >= n) break;
    const ch = text[i];
    if (ch === delimiter) {
      i++;
      if (i >= n && cells.length < maxColumns) cells.push('');
      continue;
    }
    // a newline: CRLF, LF or CR
    i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    if (rows.length >= MAX_SHEET_ROWS) throw tooManyRows();
    rows.push({ line: startLine, cells });
    cells = [];
    line++;
    startLine = line;
    atRecordEnd = true;
  }
  if (!atRecordEnd && cells.length) rows.push({ line: startLine, cells });
  return rows;
}

function nextBreak(text: string, from: number, delimiter: string): number {
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (c === delimiter || c === '\n' || c === '\r') return j;
  }
  return text.length;
}

function countNewlines(s: string): number {
  let count = 0;
  for (let j = 0; j < s.length; j++) {
    const c = s[j];
    if (c === '\n') count++;
    else if (c === '\r' && s[j + 1] !== '\n') count++;
  }
  return count;
}

/** CSV content as sent: strips a BOM, refuses text that was not UTF-8, picks comma or tab; at most `maxColumns` columns. */
export function readCsv(content: string, maxColumns = DEFAULT_MAX_COLUMNS): Table {
  let text = content;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (/^UEsDB/.test(text)) throw contentError('looks like an Excel workbook in base64, not CSV text: send it with format "xlsx"');
  if (text.startsWith('PK\u0003\u0004')) throw contentError('is a zip file (an Excel workbook?), not CSV text: send the .xlsx in base64 with format "xlsx"');
  if (text.includes('\uFFFD'))
    throw contentError(
      'contains characters that could not be decoded (U+FFFD): the file is probably in GBK/GB2312 encoding, which is not supported. Save it as "CSV UTF-8" (Excel: 另存为 → CSV UTF-8(逗号分隔)) and send it again',
    );
  if (text.includes('\u0000')) throw contentError('contains NUL characters: the file is probably UTF-16, which is not supported; save it as "CSV UTF-8" and send it again');
  const firstLine = /^[^\r\n]*/.exec(text.replace(/^[\r\n]+/, ''))?.[0] ?? '';
  const delimiter = !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ',';
  return { rows: parseCsv(text, delimiter, maxColumns), date1904: false };
}

// ---------------------------------------------------------------- XLSX

/** Largest uncompressed part of a workbook read (the sheet, the shared strings). */
/** Largest unpacked workbook part (a 10,000-row sheet is about 4 MB) and all parts read together. */
const MAX_XLSX_PART_BYTES = 16 * 1024 * 1024;
const MAX_XLSX_TOTAL_BYTES = 32 * 1024 * 1024;
/** Rows read from a sheet or a CSV file, empty ones included: the application rows, a header and some slack. */
export const MAX_SHEET_ROWS = MAX_IMPORT_ROWS + 1_000;
/**
 * How wide a sheet may be when the caller names no template: each import passes its own
 * template's width plus EXTRA_COLUMNS (a running number, a clerk's notes). A filled cell
 * beyond it refuses the file (`workbook_too_wide`); an empty one (Excel keeps formatted
 * empty cells) is dropped. Rows are never padded beyond it.
 */
export const DEFAULT_MAX_COLUMNS = 64;
export const EXTRA_COLUMNS = 8;
/**
 * Cells read from one sheet, as written (empty ones, and ones beyond the width, included), and
 * shared strings of one workbook: well above a full template (11,000 rows of 30 columns), far
 * below what would take seconds or hundreds of MB (`workbook_too_large`).
 */
export const MAX_SHEET_CELLS = 400_000;
export const MAX_SHARED_STRINGS = 200_000;
const tooWide = (max: number) => contentError(`has filled cells beyond column ${max}, wider than the template: remove them or fill in the template`, 'workbook_too_wide', { max });
const tooManyCells = () => contentError(`has more than ${MAX_SHEET_CELLS} cells or shared texts: split the file`, 'workbook_too_large', { max: MAX_SHEET_CELLS });
const tooManyRows = () => contentError(`has more than ${MAX_SHEET_ROWS} rows (empty rows count too); at most ${MAX_IMPORT_ROWS} applications may be imported at once: split the file`);

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(lt|gt|amp|quot|apos));/g, (whole, hex?: string, dec?: string, name?: string) => {
    if (name) return XML_ENTITIES[name]!;
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** OOXML escapes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x). */
const ooxmlUnescape = (s: string) => (s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s);

function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]!] = decodeXml(m[2] ?? m[3] ?? '');
  return out;
}

/**
 * Every `<tag …>` (any namespace prefix) with its attributes and inner XML, in one pass: the
 * closing tag is found with indexOf, and an element left open ends the scan (no rescanning,
 * so a hostile file cannot make this quadratic).
 */
function* elements(xml: string, tag: string): Generator<{ attrs: string; inner: string }> {
  const open = new RegExp(`<(?:([\\w.-]+):)?${tag}\\b([^>]*?)(/?)>`, 'g');
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    const attrs = m[2] ?? '';
    if (m[3] === '/') {
      yield { attrs, inner: '' };
      continue;
    }
    const close = `</${m[1] ? `${m[1]}:` : ''}${tag}>`;
    const end = xml.indexOf(close, open.lastIndex);
    if (end < 0) return;
    yield { attrs, inner: xml.slice(open.lastIndex, end) };
    open.lastIndex = end + close.length;
  }
}

/** How many `<tag` openings (any namespace prefix) `xml` holds, counting no further than `limit + 1`. */
function countTags(xml: string, tag: string, limit: number): number {
  const open = new RegExp(`<(?:[\\w.-]+:)?${tag}[\\s/>]`, 'g');
  let n = 0;
  while (n <= limit && open.exec(xml)) n++;
  return n;
}

/** The text of a string item (<si> or <is>): its runs, without phonetic guides. */
function richText(inner: string): string {
  // runs (<r>) hold the text in <t>; phonetic guides (<rPh>) hold readings in <t> too, which are not the text
  const body = inner.includes('rPh') ? [...elements(inner, 'r')].map((r) => r.inner).join('') || inner.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*/, '') : inner;
  let text = '';
  for (const t of elements(body, 't')) text += t.inner;
  return ooxmlUnescape(decodeXml(text));
}

function columnIndex(ref: string): number | undefined {
  const letters = /^([A-Z]{1,3})\d*$/i.exec(ref)?.[1]?.toUpperCase();
  if (!letters) return undefined;
  let index = 0;
  for (const ch of letters) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function relationships(xml: string | undefined): { id: string; type: string; target: string }[] {
  if (!xml) return [];
  return [...elements(xml, 'Relationship')].map((e) => {
    const a = attributes(e.attrs);
    return { id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '' };
  });
}

const damaged = () => contentError('is not a readable .xlsx workbook (the zip archive is damaged)');

/**
 * The wanted parts of a zip archive, found through its central directory and unpacked with
 * Node's zlib: an entry name seen twice refuses the file, and unpacking stops as soon as a part
 * or all of them exceed their limit (`maxOutputLength`, whatever sizes the archive declares),
 * so a small file cannot take memory or time without bound.
 */
function unzip(bytes: Uint8Array, wanted: (name: string) => boolean): Record<string, string> {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end of central directory record: the last 22 bytes, or before them a comment of up to 64 KB
  let end = zip.length - 22;
  while (end >= 0 && end >= zip.length - 22 - 0xffff && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0 || end < zip.length - 22 - 0xffff) throw damaged();
  const count = zip.readUInt16LE(end + 10);
  const entries: { name: string; method: number; flags: number; size: number; at: number }[] = [];
  const seen = new Set<string>();
  for (let i = 0, at = zip.readUInt32LE(end + 16); i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw damaged();
    const nameLength = zip.readUInt16LE(at + 28);
    const flags = zip.readUInt16LE(at + 8);
    const name = zip.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    if (seen.has(name)) throw contentError(`is not a valid .xlsx workbook: the zip archive holds two entries named ${name}`);
    seen.add(name);
    entries.push({ name, method: zip.readUInt16LE(at + 10), flags, size: zip.readUInt32LE(at + 20), at: zip.readUInt32LE(at + 42) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  const parts: Record<string, string> = {};
  const decoder = new TextDecoder('utf-8');
  let total = 0;
  for (const e of entries) {
    if (!wanted(e.name)) continue;
    if (e.at + 30 > zip.length || zip.readUInt32LE(e.at) !== 0x04034b50 || e.flags & 1 || (e.method !== 0 && e.method !== 8)) throw damaged();
    const from = e.at + 30 + zip.readUInt16LE(e.at + 26) + zip.readUInt16LE(e.at + 28);
    if (from + e.size > zip.length) throw damaged();
    const packed = zip.subarray(from, from + e.size);
    // the smaller limit is met first: the part's, or what is left of all parts'
    const partFirst = MAX_XLSX_PART_BYTES <= MAX_XLSX_TOTAL_BYTES - total;
    const limit = partFirst ? MAX_XLSX_PART_BYTES : MAX_XLSX_TOTAL_BYTES - total;
    let data: Buffer | undefined;
    try {
      data = e.method === 0 ? packed : inflateRawSync(packed, { maxOutputLength: Math.max(1, limit) });
    } catch (error) {
      if ((error as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') throw damaged();
    }
    if (!data || data.length > limit)
      throw contentError(
        partFirst ? `is too large: the workbook part ${e.name} unpacks to more than ${MAX_XLSX_PART_BYTES} bytes` : `is too large: the workbook unpacks to more than ${MAX_XLSX_TOTAL_BYTES} bytes`,
      );
    total += data.length;
    parts[e.name] = decoder.decode(data);
  }
  return parts;
}

/**
 * The first sheet of an .xlsx workbook as rows of cells, at most `maxColumns` wide (a filled
 * cell beyond refuses the file, an empty one is dropped), at most MAX_SHEET_CELLS cells and
 * MAX_SHARED_STRINGS shared strings: the column index is capped before any row is padded.
 */
export function readXlsx(bytes: Uint8Array, maxColumns = DEFAULT_MAX_COLUMNS): Table {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw contentError('is an Excel 97-2003 .xls workbook, which is not supported: save it as .xlsx (Excel 工作簿) or as CSV UTF-8');
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw contentError('is not an .xlsx workbook (not a zip archive); send the file itself, base64-encoded');

  const meta = unzip(bytes, (name) => name === '_rels/.rels' || /(^|\/)workbook\.xml$/.test(name) || /(^|\/)_rels\/workbook\.xml\.rels$/.test(name));
  const workbookPath =
    relationships(meta['_rels/.rels'])
      .find((r) => r.type.endsWith('/officeDocument'))
      ?.target.replace(/^\//, '') ?? 'xl/workbook.xml';
  const workbook = meta[workbookPath];
  if (!workbook) throw contentError('is not an .xlsx workbook: it has no workbook part (xl/workbook.xml)');
  const relsPath = resolvePath(workbookPath, `_rels/${workbookPath.split('/').pop()}.rels`);
  const rels = relationships(meta[relsPath]);

  const firstSheet = elements(workbook, 'sheet').next().value;
  if (!firstSheet) throw contentError('is a workbook without sheets');
  const sheetAttrs = attributes(firstSheet.attrs);
  const relId = Object.entries(sheetAttrs).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
  const sheetTarget = rels.find((r) => r.id === relId)?.target;
  if (!sheetTarget) throw contentError('is a workbook whose first sheet cannot be found');
  const sheetPath = resolvePath(workbookPath, sheetTarget);
  const stringsTarget = rels.find((r) => r.type.endsWith('/sharedStrings'))?.target;
  const stringsPath = stringsTarget ? resolvePath(workbookPath, stringsTarget) : undefined;
  const workbookPr = elements(workbook, 'workbookPr').next().value;
  const date1904 = workbookPr ? ['1', 'true'].includes(attributes(workbookPr.attrs).date1904 ?? '') : false;

  const parts = unzip(bytes, (name) => name === sheetPath || name === stringsPath);
  const sheet = parts[sheetPath];
  if (sheet === undefined) throw contentError(`is a workbook whose first sheet (${sheetPath}) is missing`);
  // counted before anything is parsed: a file over budget is refused in the time a scan takes
  if (stringsPath && parts[stringsPath] && countTags(parts[stringsPath]!, 'si', MAX_SHARED_STRINGS) > MAX_SHARED_STRINGS) throw tooManyCells();
  if (countTags(sheet, 'c', MAX_SHEET_CELLS) > MAX_SHEET_CELLS) throw tooManyCells();
  const shared = stringsPath && parts[stringsPath] ? [...elements(parts[stringsPath]!, 'si')].map((si) => richText(si.inner)) : [];

  const data = elements(sheet, 'sheetData').next().value?.inner ?? '';
  const rows: SheetRow[] = [];
  let lastRow = 0;
  for (const row of elements(data, 'row')) {
    if (rows.length >= MAX_SHEET_ROWS) throw tooManyRows();
    const r = attributes(row.attrs).r;
    const line = r && /^\d+$/.test(r) ? Number(r) : lastRow + 1;
    lastRow = line;
    const cells: Cell[] = [];
    let lastCol = -1;
    for (const c of elements(row.inner, 'c')) {
      const a = attributes(c.attrs);
      const col = (a.r ? columnIndex(a.r) : undefined) ?? lastCol + 1;
      lastCol = col;
      const v = a.t === 'inlineStr' ? undefined : elements(c.inner, 'v').next().value?.inner;
      let cell: Cell = '';
      switch (a.t) {
        case 's':
          cell = v !== undefined && /^\d+$/.test(v.trim()) ? (shared[Number(v.trim())] ?? '') : '';
          break;
        case 'inlineStr': {
          const is = elements(c.inner, 'is').next().value;
          cell = is ? richText(is.inner) : '';
          break;
        }
        case 'str':
        case 'e':
        case 'd':
          cell = v === undefined ? '' : ooxmlUnescape(decodeXml(v));
          break;
        case 'b':
          cell = v === undefined ? '' : v.trim() === '1' ? 'TRUE' : 'FALSE';
          break;
        default:
          cell = v === undefined || v.trim() === '' ? '' : { number: excelNumberText(decodeXml(v).trim()) };
      }
      if (col >= maxColumns) {
        if (cellText(cell).trim() !== '') throw tooWide(maxColumns);
        continue;
      }
      while (cells.length < col) cells.push('');
      cells[col] = cell;
    }
    rows.push({ line, cells });
  }
  return { rows, date1904 };
}

/**
 * An Excel number as plain decimal text, with Excel's 15 significant digits: Excel writes
 * doubles in full (`0.30000000000000004`, `1.2345E+3`); people typed `0.3` and `1234.5`.
 * String arithmetic only.
 */
export function excelNumberText(v: string): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?$/.exec(v);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return v;
  const negative = m[1] === '-';
  let digits = `${m[2]}${m[3] ?? ''}`;
  let point = m[2]!.length + Number(m[4] ?? '0');
  while (digits.length > 1 && digits[0] === '0') {
    digits = digits.slice(1);
    point--;
  }
  if (/^0*$/.test(digits)) return '0';
  if (digits.length > 15) {
    const roundUp = digits[15]! >= '5';
    digits = digits.slice(0, 15);
    if (roundUp) {
      const bumped = incrementDigits(digits);
      if (bumped.length > digits.length) point++;
      digits = bumped.slice(0, 15);
    }
  }
  let text: string;
  if (point <= 0) text = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) text = digits + '0'.repeat(point - digits.length);
  else text = `${digits.slice(0, point)}.${digits.slice(point)}`;
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return negative ? `-${text}` : text;
}

function incrementDigits(digits: string): string {
  const out = digits.split('');
  for (let j = out.length - 1; j >= 0; j--) {
    if (out[j] === '9') out[j] = '0';
    else {
      out[j] = String.fromCharCode(out[j]!.charCodeAt(0) + 1);
      return out.join('');
    }
  }
  return `1${out.join('')}`;
}

// ---------------------------------------------------------------- the upload

/** The upload as a table: CSV text, or the first sheet of a base64 .xlsx workbook. */
export function readTable(input: { format: 'csv' | 'xlsx'; content: string }, maxColumns = DEFAULT_MAX_COLUMNS): Table {
  if (input.format === 'csv') return readCsv(input.content, maxColumns);
  const base64 = input.content.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 === 1) throw contentError('is not valid base64: an .xlsx workbook must be sent base64-encoded');
  return readXlsx(new Uint8Array(Buffer.from(base64, 'base64')), maxColumns);
}

// ---------------------------------------------------------------- values

/** A value read from a cell, or why not: the English `message`, and the `rule` with its `params` for the catalogue. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; rule: string; params: Record<string, unknown> };
export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const bad = <T>(message: string, rule: string, params: Record<string, unknown> = {}): Parsed<T> => ({ ok: false, message, rule, params });

const AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Yuan as written (`10000`, `10,000.50`, `¥1,234.5`, `0.1`) to integer fen, exactly, with
 * string arithmetic. Refuses empty text, negative amounts, more than two decimals (fen are
 * whole) and anything that is not a number.
 */
export function yuanToFen(text: string, opts: { min?: 0 | 1 } = {}): Parsed<number> {
  const t = text
    .normalize('NFKC')
    .trim()
    .replace(/^¥\s*/, '')
    .replace(/\s*元$/, '');
  if (t === '') return bad('is required', 'required');
  if (/^[-−]/.test(t)) return bad('must not be negative', 'import_amount_negative');
  const m = AMOUNT.exec(t);
  if (!m) return bad('must be an amount in yuan such as 12000, 12,000 or 12000.50', 'import_amount_format');
  const frac = m[2] ?? '';
  if (frac.length > 2) return bad('must have at most 2 decimal places (1 fen = 0.01 yuan)', 'import_amount_decimals');
  const fenDigits = `${m[1]!.replaceAll(',', '')}${frac.padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  const tooLarge = () => bad<number>(`must be at most ${MAX_FEN / 100} yuan`, 'max_amount', { maximumFen: MAX_FEN });
  if (fenDigits.length > 15) return tooLarge();
  const fen = Number(fenDigits); // a string of at most 15 digits: an exact integer
  if (fen > MAX_FEN) return tooLarge();
  if ((opts.min ?? 0) > fen) return bad('must be more than 0 yuan', 'import_amount_positive');
  return ok(fen);
}

/** `2026-03-01`, `2026/3/1`, `2026.3.1`, `2026年3月1日`, optionally with a time (dropped), as YYYY-MM-DD. */
export function normalizeDate(text: string): Parsed<string> {
  const t = text.normalize('NFKC').trim();
  const m = /^(\d{4})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(t);
  if (!m) return bad('must be a date written YYYY-MM-DD or YYYY/M/D', 'import_date_format');
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(date) ? ok(date) : bad(`${t} is not a real calendar date`, 'import_date_unreal', { text: t });
}

/** An Excel date serial (days since 1899-12-30, or since 1904-01-01) as YYYY-MM-DD. */
export function excelSerialDate(serial: string, date1904 = false): Parsed<string> {
  const days = /^(\d{1,6})(?:\.\d+)?$/.exec(serial)?.[1];
  if (!days) return bad('must be a date', 'import_date_format');
  const date = addDays(date1904 ? '1904-01-01' : '1899-12-30', Number(days));
  return isIsoDate(date) ? ok(date) : bad('must be a date', 'import_date_format');
}

// ---------------------------------------------------------------- villages

export interface VillageDirectory {
  resolve(text: string): Parsed<string>;
}

/**
 * Resolves the village column against the offices of the round's district: the office id
 * (`lhasa.chengguan.caigongtang.zhiba`), or a name unique in the district (支巴村, 支巴,
 * Zhiba Village, zhiba). The village must lie in the caller's subtree.
 */
export function villageDirectory(districtOffices: Office[], districtId: string, callerOfficeId: string): VillageDirectory {
  const byId = new Map(districtOffices.map((o) => [o.id, o]));
  const byName = new Map<string, Office[]>();
  const nameKey = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase().replace(/村$/, '');
  for (const o of districtOffices) {
    if (o.level !== 'village' || !isWithin(o.id, districtId)) continue;
    const names = new Set([nameKey(o.name), o.nameEn ? nameKey(o.nameEn) : '', nameKey(o.id.split('.').pop()!)].filter(Boolean));
    for (const n of names) byName.set(n, [...(byName.get(n) ?? []), o]);
  }
  return {
    resolve(text) {
      const t = text.normalize('NFKC').trim();
      if (t === '') return bad('is required', 'required');
      let office = byId.get(t.toLowerCase());
      if (office && !isWithin(office.id, districtId)) office = undefined;
      if (!office) {
        const candidates = byName.get(nameKey(t)) ?? [];
        if (candidates.length > 1)
          return bad(`"${t}" names ${candidates.length} villages of district ${districtId} (${candidates.map((o) => o.id).join(', ')}): write the village office id`, 'import_village_ambiguous', {
            text: t,
            villages: candidates.map((o) => `${o.name} ${o.id}`),
          });
        office = candidates[0];
      }
      if (!office)
        return isOfficeId(t.toLowerCase())
          ? bad(`${t} is not an office of district ${districtId}, the round's district`, 'import_village_not_in_district', { text: t })
          : bad(`no village named "${t}" in district ${districtId}, the round's district: write its name as registered or its office id`, 'import_village_unknown', { text: t });
      if (office.level !== 'village') return bad(`${office.id} is a ${office.level} office, not a village`, 'import_village_not_village', { text: t, level: office.level });
      if (!isWithin(office.id, callerOfficeId)) return bad(`village ${office.id} is outside your office ${callerOfficeId}`, 'import_village_outside', { village: office.name });
      return ok(office.id);
    },
  };
}
