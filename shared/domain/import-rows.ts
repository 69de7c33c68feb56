/**
 * Reading a township's list of applications: pure functions, no I/O.
 *
 * 1. `readTable` (`./sheets.ts`, shared with the ledger import) turns the upload into rows
 *    of cells: CSV text or the first sheet of an .xlsx workbook.
 * 2. `locateColumns` finds the header row (Chinese headers as a clerk writes them, or the
 *    English names) and refuses the file when a column is unknown or a required one missing.
 * 3. `prepareImport` maps every data row onto `ApplicationInput`, converts yuan to integer
 *    fen with string arithmetic (never floats), resolves the village (office id, or its
 *    name when unique in the round's district), validates with the zod schema and applies
 *    the row checks that need no database: the village lies in the caller's subtree and the
 *    round's district, the dates, and the same resident ID twice in one file.
 *
 * Problems with the file as a whole are `ValidationFailed` on field `content`; problems with
 * a row are reported for that row, naming the column (`field` is its English name) and the
 * rule it breaks with its parameters (a key of the message catalogue, `shared/i18n/`), so the
 * answer can say it in the caller's language; `message` here is the English wording.
 */
import { importedApplicationId } from './imported-ids.ts';
import { CONSENT_VALID_DAYS, consentEarliest } from './consent.ts';
import { fieldProblems } from '../i18n/zod.ts';
import { COLUMN_CHOICES, COLUMN_KEYS, COLUMNS, MAX_IMPORT_ROWS, type ColumnKey, type ImportRowError } from './import-schemas.ts';
import type { Office } from './offices.ts';
import { residentIdProblem } from './resident-id.ts';
import { ApplicationInput } from './schemas/applications.ts';
import {
  bad,
  cellText,
  contentError,
  EXTRA_COLUMNS,
  excelSerialDate,
  headerKey,
  isEmptyRow,
  normalizeDate,
  ok,
  readTable,
  RUNNING_NUMBER_HEADERS,
  villageDirectory,
  yuanToFen,
  type Cell,
  type Parsed,
  type SheetRow,
  type Table,
  type VillageDirectory,
} from './sheets.ts';

// ---------------------------------------------------------------- columns

const HEADER_LOOKUP = new Map<string, ColumnKey>();
for (const key of COLUMN_KEYS) {
  const spec = COLUMNS[key];
  for (const h of [spec.zh, key, ...spec.aliases]) HEADER_LOOKUP.set(headerKey(h), key);
}

const describeColumn = (key: ColumnKey) => `${COLUMNS[key].zh} (${key})`;

export interface Columns {
  /** the header row */
  header: SheetRow;
  /** where each known column is, with its header as written */
  at: Map<ColumnKey, { index: number; label: string }>;
  /** columns with an empty header (their cells must be empty) */
  unnamed: number[];
  /** the data rows: the non-empty rows after the header */
  rows: SheetRow[];
}

/**
 * Finds the header: the first row (of the first ten that are not empty) naming at least
 * three known columns, so a title row above it (蔡公堂乡2026年幸福工程申请名单) is skipped.
 * Refuses the file when a header is unknown or repeated or a required column is missing.
 */
export function locateColumns(table: Table): Columns {
  const nonEmpty = table.rows.filter((r) => !isEmptyRow(r));
  if (!nonEmpty.length) throw contentError('is empty: it needs a header row and one row per application', 'file_no_rows', {});
  const known = (r: SheetRow) => r.cells.filter((c) => HEADER_LOOKUP.has(headerKey(cellText(c)))).length;
  const header = nonEmpty.slice(0, 10).find((r) => known(r) >= 3);
  if (!header) throw contentError(`has no header row: the first row must name the columns, e.g. ${COLUMN_KEYS.map((k) => COLUMNS[k].zh).join(',')} (or in English ${COLUMN_KEYS.join(',')})`);
  const at = new Map<ColumnKey, { index: number; label: string }>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  const unnamed: number[] = [];
  header.cells.forEach((c, index) => {
    const label = cellText(c).trim();
    if (!label) {
      unnamed.push(index);
      return;
    }
    const normalized = headerKey(label);
    if (RUNNING_NUMBER_HEADERS.has(normalized)) return;
    const key = HEADER_LOOKUP.get(normalized);
    if (!key) unknown.push(label);
    else if (at.has(key)) repeated.push(label);
    else at.set(key, { index, label });
  });
  const missing = COLUMN_KEYS.filter((k) => !COLUMNS[k].optional && !at.has(k));
  if (missing.length || unknown.length || repeated.length) {
    const problems = [
      missing.length ? `is missing column(s): ${missing.map(describeColumn).join(', ')}` : '',
      unknown.length ? `has unknown column(s): ${unknown.join(', ')}` : '',
      repeated.length ? `repeats column(s): ${repeated.join(', ')}` : '',
    ].filter(Boolean);
    throw contentError(
      `${problems.join('; ')} (header on line ${header.line}). The columns are ${COLUMN_KEYS.map((k) => `${describeColumn(k)}${COLUMNS[k].optional ? ' optional' : ''}`).join(', ')}`,
      'file_columns',
      {
        missing: missing.map((k) => COLUMNS[k].zh),
        unknown,
        repeated,
        line: header.line,
      },
    );
  }
  const headerPos = table.rows.indexOf(header);
  const rows = table.rows.slice(headerPos + 1).filter((r) => !isEmptyRow(r));
  if (!rows.length) throw contentError(`has a header row but no applications below it (line ${header.line})`, 'file_no_rows', {});
  if (rows.length > MAX_IMPORT_ROWS)
    throw contentError(`has ${rows.length} application rows; at most ${MAX_IMPORT_ROWS} may be imported at once: split the file`, 'file_too_many_rows', { rows: rows.length, max: MAX_IMPORT_ROWS });
  return { header, at, unnamed, rows };
}

// ---------------------------------------------------------------- values

/** Chinese word → value, from the column's choices (import-schemas.ts). */
const wordsOf = (key: ColumnKey): Record<string, string> => Object.fromEntries(Object.entries(COLUMN_CHOICES[key] ?? {}).flatMap(([value, words]) => words.map((w) => [w, value])));
const FAMILY_PLANNING = wordsOf('familyPlanning');
const PROJECT_TYPES = wordsOf('projectType');

function enumValue(text: string, chinese: Record<string, string>, values: readonly string[]): Parsed<string> {
  const t = text.normalize('NFKC').trim();
  if (t === '') return bad('is required', 'required');
  const english = t.toLowerCase().replace(/[\s-]+/g, '_');
  if (values.includes(english)) return ok(english);
  const value = chinese[t.replace(/\s+/g, '')];
  if (value) return ok(value);
  const zh = [...new Set(Object.values(chinese))].map(
    (v) =>
      `${Object.keys(chinese)
        .filter((k) => chinese[k] === v)
        .join('/')}=${v}`,
  );
  const choices = values.map((v) => Object.keys(chinese).find((k) => chinese[k] === v) ?? v);
  return bad(`must be one of ${zh.join(', ')}`, 'import_one_of', { choices, values: [...values] });
}

// ---------------------------------------------------------------- rows

export interface ImportEnv {
  roundId: string;
  districtId: string;
  roundOpenedOn: string;
  callerOfficeId: string;
  today: string;
  /** the offices of the round's district (officeSubtree) */
  districtOffices: Office[];
  /** the round's smallest and largest loan: an amount asked outside it is refused, as at submission */
  loanRangeFen?: { min: number; max: number };
  /** the mother's keyed id (`motherKey`: HMAC of her resident ID with the secret mother key), from which her application's id is derived */
  motherId: (residentId: string) => string;
}

export type PreparedRow = { row: number; ok: true; input: ApplicationInput; applicationId: string } | { row: number; ok: false; errors: ImportRowError[] };

/** Zod paths of ApplicationInput → the column they come from. */
const FIELD_OF_PATH: Record<string, ColumnKey | 'roundId'> = {
  roundId: 'roundId',
  villageId: 'villageId',
  submittedOn: 'submittedOn',
  'consent.givenOn': 'consentOn',
  'consent.takenBy': 'consentTakenBy',
  'mother.name': 'name',
  'mother.residentId': 'residentId',
  'mother.phone': 'phone',
  householdSize: 'householdSize',
  householdAnnualIncomeFen: 'householdAnnualIncomeYuan',
  villagePerCapitaIncomeFen: 'villagePerCapitaIncomeYuan',
  familyPlanning: 'familyPlanning',
  'project.type': 'projectType',
  'project.description': 'projectDescription',
  'project.expectedAnnualReturnFen': 'expectedAnnualReturnYuan',
  amountRequestedFen: 'amountRequestedYuan',
};

/**
 * Every data row of the upload, mapped and checked: either a valid `ApplicationInput` with
 * the id it will have, or the row's errors. Throws `ValidationFailed` (field `content`) when
 * the file as a whole cannot be read.
 */
export function prepareImport(upload: { format: 'csv' | 'xlsx'; content: string }, env: ImportEnv): PreparedRow[] {
  const table = readTable(upload, COLUMN_KEYS.length + EXTRA_COLUMNS);
  const columns = locateColumns(table);
  const villages = villageDirectory(env.districtOffices, env.districtId, env.callerOfficeId);
  const seen = new Map<string, number>();
  const width = columns.header.cells.length;
  return columns.rows.map((sheetRow) => prepareRow(sheetRow, columns, width, env, villages, table.date1904, seen));
}

function prepareRow(sheetRow: SheetRow, columns: Columns, width: number, env: ImportEnv, villages: VillageDirectory, date1904: boolean, seen: Map<string, number>): PreparedRow {
  const errors: ImportRowError[] = [];
  const fail = (field: ColumnKey | 'roundId' | 'row', message: string, rule: string, params: Record<string, unknown> = {}) => {
    if (errors.some((e) => e.field === field)) return;
    const label = field === 'row' || field === 'roundId' ? undefined : columns.at.get(field)?.label;
    errors.push({ field, ...(label ? { column: label } : {}), rule, params, message });
  };
  const cell = (key: ColumnKey): Cell | undefined => {
    const at = columns.at.get(key);
    return at ? sheetRow.cells[at.index] : undefined;
  };
  const text = (key: ColumnKey) => cellText(cell(key)).trim();
  const take = <T>(key: ColumnKey, parsed: Parsed<T>): T | undefined => {
    if (parsed.ok) return parsed.value;
    fail(key, parsed.message, parsed.rule, parsed.params);
    return undefined;
  };

  const extra = sheetRow.cells.slice(width).filter((c) => cellText(c).trim() !== '').length;
  if (extra) fail('row', `has ${extra} more value(s) than the header has columns (an amount such as 10,000.50 must be in quotes in a CSV file)`, 'import_row_extra_values', { count: extra });
  for (const j of columns.unnamed) if (cellText(sheetRow.cells[j]).trim() !== '') fail('row', `has a value in column ${j + 1}, which has no header`, 'import_row_unnamed_column', { column: j + 1 });

  const required = (key: ColumnKey) => {
    const t = text(key);
    if (t === '') fail(key, 'is required', 'required');
    return t === '' ? undefined : t;
  };

  const name = required('name');
  const residentCell = cell('residentId');
  let residentId: string | undefined;
  if (residentCell !== undefined && typeof residentCell !== 'string')
    fail('residentId', 'is stored as a number, which Excel keeps to 15 digits only: format the column as text (文本) and type the numbers again', 'import_resident_id_number');
  else residentId = required('residentId');
  const villageId = take('villageId', villages.resolve(text('villageId')));
  const sizeText = text('householdSize');
  const householdSize = take(
    'householdSize',
    sizeText === '' ? bad('is required', 'required') : /^\d{1,3}$/.test(sizeText) ? ok(Number(sizeText)) : bad('must be a whole number of people', 'import_whole_number'),
  );
  const householdAnnualIncomeFen = take('householdAnnualIncomeYuan', yuanToFen(text('householdAnnualIncomeYuan'), { min: 0 }));
  const villagePerCapitaIncomeFen = take('villagePerCapitaIncomeYuan', yuanToFen(text('villagePerCapitaIncomeYuan'), { min: 1 }));
  const familyPlanning = take('familyPlanning', enumValue(text('familyPlanning'), FAMILY_PLANNING, ['compliant', 'one_child', 'two_daughters', 'violation']));
  const projectType = take('projectType', enumValue(text('projectType'), PROJECT_TYPES, ['shop', 'transport', 'livestock', 'farming', 'handicraft', 'service', 'other']));
  const description = required('projectDescription');
  const expectedAnnualReturnFen = take('expectedAnnualReturnYuan', yuanToFen(text('expectedAnnualReturnYuan'), { min: 0 }));
  const amountRequestedFen = take('amountRequestedYuan', yuanToFen(text('amountRequestedYuan'), { min: 1 }));
  const dateCell = cell('submittedOn');
  const submittedOn =
    dateCell === undefined || cellText(dateCell).trim() === '' ? undefined : take('submittedOn', typeof dateCell === 'string' ? normalizeDate(dateCell) : excelSerialDate(dateCell.number, date1904));
  const consentCell = cell('consentOn');
  const consentOn = take(
    'consentOn',
    consentCell === undefined || cellText(consentCell).trim() === ''
      ? bad<string>('is required', 'required')
      : typeof consentCell === 'string'
        ? normalizeDate(consentCell)
        : excelSerialDate(consentCell.number, date1904),
  );
  const consentTakenBy = required('consentTakenBy');
  const phoneText = text('phone').normalize('NFKC').replace(/[\s-]/g, '');

  const candidate = {
    roundId: env.roundId,
    ...(submittedOn ? { submittedOn } : {}),
    villageId,
    mother: { name, residentId, ...(phoneText ? { phone: phoneText } : {}) },
    consent: { givenOn: consentOn, takenBy: consentTakenBy },
    householdSize,
    householdAnnualIncomeFen,
    villagePerCapitaIncomeFen,
    familyPlanning,
    project: { type: projectType, description, expectedAnnualReturnFen },
    amountRequestedFen,
  };
  const parsed = ApplicationInput.safeParse(candidate);
  if (!parsed.success) {
    for (const problem of fieldProblems(parsed.error, 'body')) {
      const field = FIELD_OF_PATH[problem.field] ?? 'row';
      fail(field, problem.message.replace(/^\w+Fen (?=must)/, ''), problem.rule, problem.params);
    }
  }

  if (env.loanRangeFen && amountRequestedFen !== undefined && (amountRequestedFen < env.loanRangeFen.min || amountRequestedFen > env.loanRangeFen.max)) {
    const { min, max } = env.loanRangeFen;
    fail('amountRequestedYuan', `must be within the round's loan range ${min / 100}–${max / 100} yuan`, 'amount_out_of_range', { minFen: min, maxFen: max });
  }

  if (submittedOn && !errors.some((e) => e.field === 'submittedOn')) {
    if (submittedOn > env.today) fail('submittedOn', `must not be in the future (today is ${env.today})`, 'not_in_future', { today: env.today });
    else if (submittedOn < env.roundOpenedOn) fail('submittedOn', `must not be before the round opened (${env.roundOpenedOn})`, 'not_before', { reference: 'round_opened', date: env.roundOpenedOn });
  }

  // her consent is taken before her data is recorded
  const applicationDate = submittedOn ?? env.today;
  if (consentOn && !errors.some((e) => e.field === 'consentOn') && consentOn > applicationDate)
    fail('consentOn', `must not be after the application date (${applicationDate})`, 'not_after', { reference: 'application', date: applicationDate });
  else if (consentOn && !errors.some((e) => e.field === 'consentOn') && consentOn < consentEarliest(applicationDate))
    fail('consentOn', `must be no more than ${CONSENT_VALID_DAYS} days before the application`, 'consent_too_old', { days: CONSENT_VALID_DAYS, date: consentEarliest(applicationDate) });

  // the same mother twice in one file: the second row is refused (checked on every valid ID, so a fixed re-import sees the same)
  const normalizedId = residentId?.toUpperCase();
  if (normalizedId && residentIdProblem(normalizedId, env.today) === null) {
    const first = seen.get(normalizedId);
    if (first !== undefined) fail('residentId', `is the same as on row ${first}: a mother may be listed only once`, 'import_duplicate_in_file', { row: first });
    else seen.set(normalizedId, sheetRow.line);
  }

  if (errors.length || !parsed.success) return { row: sheetRow.line, ok: false, errors };
  return { row: sheetRow.line, ok: true, input: parsed.data, applicationId: importedApplicationId(env.roundId, env.motherId(parsed.data.mother.residentId)) };
}
