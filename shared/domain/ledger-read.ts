/**
 * Reading an office's Excel ledger: every row of the four sheets mapped onto a typed row or
 * the row's errors (field and rule), converting yuan to integer fen with string arithmetic.
 * The files are read with the sheet readers the application import uses too (`sheets.ts`); the columns
 * are `./ledger-columns.ts`; the rows are linked into a ledger by `./ledger-assemble.ts`.
 * Pure rules, no I/O.
 */
import { ValidationFailed } from './errors.ts';
import {
  cellText,
  EXTRA_COLUMNS,
  excelSerialDate,
  headerKey,
  normalizeDate,
  readTable,
  RUNNING_NUMBER_HEADERS,
  villageDirectory,
  yuanToFen,
  type Cell,
  type Parsed,
  type SheetRow,
  type Table,
} from './sheets.ts';
import { LEDGER_COLUMNS, LEDGER_SHEET_NAMES } from './ledger-columns.ts';
import { ledgerRecordId, roundNameKey, type LedgerLoan, type LedgerRound, type LedgerWriteOff } from './ledger-records.ts';
import type { LedgerRowError } from './ledger-schemas.ts';
import { MAX_LEDGER_ROWS, type DeclaredTotals, type LedgerFile } from './schemas/ledger-import.ts';
import { ancestorAt, type Office } from './offices.ts';
import { residentIdProblem, RESIDENT_ID_RULES } from './resident-id.ts';
import { codePointName, hiddenCharacter, receiptNoProblem } from './text-rules.ts';

/** What the running number's column (`RUNNING_NUMBER_HEADERS`) holds on the template's example row. */
const EXAMPLE_MARK = /^(示例|例|example)$/i;
// ---------------------------------------------------------------- reading a sheet

/** A sheet that cannot be read as a whole: `rule` and `params` (with the sheet) for the message catalogue, `message` the English wording. */
const contentError = (file: LedgerFile, rule: string, params: Record<string, unknown>, message: string) =>
  new ValidationFailed(`(${LEDGER_SHEET_NAMES[file]}) ${message}`, file, { rule, params: { sheet: file, ...params } });

/** The template's Chinese header of a column. */
const headerOf = (file: LedgerFile, key: string) => LEDGER_COLUMNS[file].find((c) => c.key === key)?.zh ?? key;

interface Located {
  at: Map<string, { index: number; label: string }>;
  rows: SheetRow[];
  width: number;
  marker?: number;
}

/** Finds the header (the first of the first ten non-empty rows naming three known columns) and the data rows below it. */
function locate(file: LedgerFile, table: Table): Located {
  const columns = LEDGER_COLUMNS[file];
  const lookup = new Map<string, string>();
  for (const c of columns) for (const h of [c.zh, c.key, ...(c.aliases ?? [])]) lookup.set(headerKey(h), c.key);
  const filled = (r: SheetRow) => r.cells.some((c) => cellText(c).trim() !== '');
  const nonEmpty = table.rows.filter(filled);
  const header = nonEmpty.slice(0, 10).find((r) => r.cells.filter((c) => lookup.has(headerKey(cellText(c)))).length >= 3);
  if (!header)
    throw contentError(
      file,
      'ledger_sheet_no_header',
      { columns: columns.map((c) => c.zh) },
      `has no header row: name the columns ${columns.map((c) => c.zh).join(',')} (or in English ${columns.map((c) => c.key).join(',')})`,
    );
  const at = new Map<string, { index: number; label: string }>();
  const unknown: string[] = [];
  let marker: number | undefined;
  header.cells.forEach((c, index) => {
    const label = cellText(c).trim();
    if (!label) return;
    if (RUNNING_NUMBER_HEADERS.has(headerKey(label))) {
      marker ??= index;
      return;
    }
    const key = lookup.get(headerKey(label));
    if (!key || at.has(key)) unknown.push(label);
    else at.set(key, { index, label });
  });
  const missing = columns.filter((c) => !c.optional && !at.has(c.key));
  if (missing.length || unknown.length)
    throw contentError(
      file,
      'ledger_sheet_columns',
      { missing: missing.map((c) => c.zh), unknown, line: header.line },
      [missing.length ? `is missing column(s): ${missing.map((c) => `${c.zh} (${c.key})`).join(', ')}` : '', unknown.length ? `has unknown or repeated column(s): ${unknown.join(', ')}` : '']
        .filter(Boolean)
        .join('; ')
        .concat(` (header on line ${header.line})`),
    );
  const rows = table.rows
    .slice(table.rows.indexOf(header) + 1)
    .filter(filled)
    .filter((r) => marker === undefined || !EXAMPLE_MARK.test(cellText(r.cells[marker]).trim()));
  if (rows.length > MAX_LEDGER_ROWS)
    throw contentError(file, 'ledger_sheet_too_many_rows', { rows: rows.length, max: MAX_LEDGER_ROWS }, `has ${rows.length} rows; at most ${MAX_LEDGER_ROWS} may be imported at once`);
  return { at, rows, width: header.cells.length, ...(marker !== undefined ? { marker } : {}) };
}

// control characters (other than tab and newline) and unpaired surrogates: text no one can read on a form
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNREADABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** One row being read: its cells by column key, and its errors. */
class RowReader {
  readonly errors: LedgerRowError[] = [];
  constructor(
    private readonly located: Located,
    readonly sheetRow: SheetRow,
    private readonly date1904: boolean,
  ) {}

  /** records the row's problem with a column (the first one only): the rule and its params for the catalogue, the English wording */
  fail(field: string, message: string, rule: string, params: Record<string, unknown> = {}): undefined {
    if (!this.errors.some((e) => e.field === field)) {
      const label = this.located.at.get(field)?.label;
      this.errors.push({ field, ...(label ? { column: label } : {}), rule, params, message });
    }
    return undefined;
  }
  cell(key: string): Cell | undefined {
    const at = this.located.at.get(key);
    return at ? this.sheetRow.cells[at.index] : undefined;
  }
  text(key: string): string {
    return cellText(this.cell(key)).normalize('NFKC').trim();
  }
  take<T>(key: string, parsed: Parsed<T>): T | undefined {
    return parsed.ok ? parsed.value : this.fail(key, parsed.message, parsed.rule, parsed.params);
  }
  required(key: string, max = 200): string | undefined {
    const t = this.text(key);
    if (t === '') return this.fail(key, 'is required', 'required');
    if (UNREADABLE.test(t)) return this.fail(key, 'must not contain control characters', 'control_chars');
    const hidden = hiddenCharacter(t);
    if (hidden) return this.fail(key, `must not contain invisible characters (${codePointName(hidden)})`, 'hidden_characters', { codePoint: codePointName(hidden) });
    if (t.length > max) return this.fail(key, `must be at most ${max} characters`, 'max_length', { maximum: max });
    return t;
  }
  /** a paper receipt number: hidden characters and look-alikes do not count (`normalizeReceiptNo`); other characters than A–Z, Chinese characters, digits, `-` and `/` are refused */
  receipt(key: string, max = 40): string | undefined {
    const t = this.text(key);
    if (t === '') return this.fail(key, 'is required', 'required');
    if (t.length > max) return this.fail(key, `must be at most ${max} characters`, 'max_length', { maximum: max });
    const problem = receiptNoProblem(t);
    if (problem?.rule === 'not_empty') return this.fail(key, 'is required', 'required');
    if (problem)
      return this.fail(key, `may hold only letters A-Z, Chinese characters, digits, "-" and "/" (not ${problem.characters.join(' ')})`, 'receipt_characters', { characters: problem.characters });
    return t;
  }
  optionalFen(key: string, min: 0 | 1 = 0): number | undefined {
    return this.text(key) === '' ? undefined : this.take(key, yuanToFen(this.text(key), { min }));
  }
  fen(key: string, min: 0 | 1 = 1): number | undefined {
    return this.take(key, yuanToFen(this.text(key), { min }));
  }
  date(key: string, optional = false): string | undefined {
    const c = this.cell(key);
    if (cellText(c).trim() === '') return optional ? undefined : this.fail(key, 'is required', 'required');
    return this.take(key, typeof c === 'string' ? normalizeDate(c) : excelSerialDate((c as { number: string }).number, this.date1904));
  }
  int(key: string, min: number, max: number, fallback?: number): number | undefined {
    const t = this.text(key);
    if (t === '' && fallback !== undefined) return fallback;
    if (t === '') return this.fail(key, 'is required', 'required');
    if (!/^\d{1,4}$/.test(t) || Number(t) < min || Number(t) > max) return this.fail(key, `must be a whole number from ${min} to ${max}`, 'ledger_whole_number', { min, max });
    return Number(t);
  }
  residentId(today: string): string | undefined {
    const c = this.cell('residentId');
    if (c !== undefined && typeof c !== 'string')
      return this.fail('residentId', 'is stored as a number, which Excel keeps to 15 digits only: format the column as text (文本) and type the numbers again', 'import_resident_id_number');
    const id = this.required('residentId')?.toUpperCase();
    if (!id) return undefined;
    const problem = residentIdProblem(id, today);
    return problem ? this.fail('residentId', RESIDENT_ID_RULES[problem], `resident_id_${problem}`) : id;
  }
  /** refuses values in columns beyond the header or without one */
  checkWidth(): void {
    const extra = this.sheetRow.cells.slice(this.located.width).filter((c) => cellText(c).trim() !== '').length;
    if (extra) this.fail('row', `has ${extra} more value(s) than the header has columns (an amount such as 10,000.50 must be in quotes in a CSV file)`, 'import_row_extra_values', { count: extra });
  }
}

// ---------------------------------------------------------------- typed rows

/** A loan's status as ledgers write it. */
export const LEDGER_LOAN_STATUSES: Record<string, 'open' | 'repaid' | 'written_off'> = {
  在贷: 'open',
  未还清: 'open',
  正常: 'open',
  逾期: 'open',
  active: 'open',
  overdue: 'open',
  已还清: 'repaid',
  还清: 'repaid',
  结清: 'repaid',
  repaid: 'repaid',
  已核销: 'written_off',
  核销: 'written_off',
  written_off: 'written_off',
};

export interface RepaymentRow {
  row: number;
  residentId: string;
  roundName: string;
  paidOn: string;
  amountFen: number;
  receiptNo: string;
}
export interface WriteOffRow extends LedgerWriteOff {
  residentId: string;
  roundName: string;
}
type LoanRow = Omit<LedgerLoan, 'repayments' | 'writeOff' | 'roundId' | 'id'>;

export type Prepared<T> = { row: number; ok: true; value: T } | { row: number; ok: false; errors: LedgerRowError[] };

export interface LedgerEnv {
  districtId: string;
  today: string;
  /** the offices of the district (officeSubtree) */
  districtOffices: Office[];
}

export interface ReadLedger {
  rounds: Prepared<LedgerRound>[];
  loans: Prepared<LoanRow>[];
  repayments: Prepared<RepaymentRow>[];
  writeOffs: Prepared<WriteOffRow>[];
}

/** Reads the four sheets; throws ValidationFailed (field: the sheet) when a sheet as a whole cannot be read. */
export function readLedger(input: { format: 'csv' | 'xlsx'; rounds: string; loans: string; repayments: string; writeOffs?: string }, env: LedgerEnv): ReadLedger {
  const sheet = (file: LedgerFile, content: string) => {
    let table: Table;
    try {
      table = readTable({ format: input.format, content }, LEDGER_COLUMNS[file].length + EXTRA_COLUMNS);
    } catch (error) {
      if (error instanceof ValidationFailed) {
        // a sheet too wide or too large keeps its rule; anything else is unreadable
        const sized = error.rule === 'workbook_too_wide' || error.rule === 'workbook_too_large';
        throw contentError(file, sized ? error.rule! : 'ledger_sheet_unreadable', { detail: error.message, ...(sized ? error.params : {}) }, error.message);
      }
      throw error;
    }
    const located = locate(file, table);
    return located.rows.map((r) => new RowReader(located, r, table.date1904));
  };
  const villages = villageDirectory(env.districtOffices, env.districtId, env.districtId);
  const done = <T>(r: RowReader, value: T | undefined): Prepared<T> => {
    r.checkWidth();
    return r.errors.length || value === undefined ? { row: r.sheetRow.line, ok: false, errors: r.errors } : { row: r.sheetRow.line, ok: true, value };
  };
  const notFuture = (r: RowReader, key: string, date: string | undefined) =>
    date && date > env.today ? r.fail(key, `must not be in the future (today is ${env.today})`, 'not_in_future', { today: env.today }) : date;

  const rounds = sheet('rounds', input.rounds).map((r) => {
    const name = r.required('name', 60);
    const openedOn = notFuture(r, 'openedOn', r.date('openedOn'));
    const capitalFen = r.fen('capitalYuan');
    const grantFen = r.optionalFen('grantYuan');
    const minLoanFen = r.optionalFen('minLoanYuan', 1) ?? 500_000;
    const maxLoanFen = r.optionalFen('maxLoanYuan', 1) ?? 1_500_000;
    const termMonths = r.int('termMonths', 1, 120, 24);
    const closedOn = notFuture(r, 'closedOn', r.date('closedOn', true));
    const capital = { other: headerOf('rounds', 'capitalYuan') };
    if (minLoanFen > maxLoanFen) r.fail('minLoanYuan', 'must not exceed the largest loan', 'ledger_not_above', { other: headerOf('rounds', 'maxLoanYuan') });
    if (capitalFen !== undefined && maxLoanFen > capitalFen) r.fail('maxLoanYuan', 'must not exceed the round’s capital', 'ledger_not_above', capital);
    if (capitalFen !== undefined && grantFen !== undefined && grantFen > capitalFen) r.fail('grantYuan', 'must not exceed the round’s capital', 'ledger_not_above', capital);
    if (openedOn && closedOn && closedOn < openedOn) r.fail('closedOn', `must not be before the round opened (${openedOn})`, 'not_before', { reference: 'round_opened', date: openedOn });
    const declared: Partial<Record<keyof DeclaredTotals, number>> = {};
    for (const [key, field] of [
      ['disbursedYuan', 'disbursedFen'],
      ['repaidYuan', 'repaidFen'],
      ['writtenOffYuan', 'writtenOffFen'],
      ['outstandingYuan', 'outstandingFen'],
    ] as const) {
      const v = r.optionalFen(key);
      if (v !== undefined) declared[field] = v;
    }
    const value =
      name && openedOn && capitalFen !== undefined && termMonths !== undefined
        ? {
            row: r.sheetRow.line,
            id: ledgerRecordId(openedOn, 'round', env.districtId, roundNameKey(name)),
            name,
            openedOn,
            capitalFen,
            ...(grantFen !== undefined ? { grantFen } : {}),
            minLoanFen,
            maxLoanFen,
            termMonths,
            ...(closedOn ? { closedOn } : {}),
            ...(Object.keys(declared).length ? { declared } : {}),
          }
        : undefined;
    return done(r, value);
  });

  const loans = sheet('loans', input.loans).map((r) => {
    const roundName = r.required('round', 60);
    const name = r.required('name', 60);
    const residentId = r.residentId(env.today);
    const villageId = r.take('villageId', villages.resolve(r.text('villageId')));
    const householdSize = r.int('householdSize', 1, 30);
    const principalFen = r.fen('amountYuan');
    const approvedOn = notFuture(r, 'approvedOn', r.date('approvedOn'));
    const disbursedOn = notFuture(r, 'disbursedOn', r.date('disbursedOn'));
    const dueOn = r.date('dueOn');
    if (approvedOn && disbursedOn && disbursedOn < approvedOn) r.fail('disbursedOn', `must not be before the approval (${approvedOn})`, 'not_before', { reference: 'approval', date: approvedOn });
    if (disbursedOn && dueOn && dueOn <= disbursedOn) r.fail('dueOn', `must be after the disbursement (${disbursedOn})`, 'ledger_due_after_disbursement', { date: disbursedOn });
    const th = r.text('townshipGuarantor');
    const vh = r.text('villageGuarantor');
    if ((th === '') !== (vh === ''))
      r.fail(th === '' ? 'townshipGuarantor' : 'villageGuarantor', 'is required when the other guarantor is written (both, or neither)', 'ledger_guarantors_both', {
        other: headerOf('loans', th === '' ? 'villageGuarantor' : 'townshipGuarantor'),
      });
    const statusText = r.text('status').replace(/\s+/g, '').toLowerCase();
    const writtenStatus =
      statusText === ''
        ? r.fail('status', 'is required', 'required')
        : (LEDGER_LOAN_STATUSES[statusText] ??
          r.fail('status', 'must be one of 在贷, 逾期, 已还清, 已核销 (or active, overdue, repaid, written_off)', 'import_one_of', {
            choices: ['在贷', '逾期', '已还清', '已核销'],
            values: ['active', 'overdue', 'repaid', 'written_off'],
          }));
    const value =
      roundName && name && residentId && villageId && householdSize && principalFen && approvedOn && disbursedOn && dueOn && writtenStatus
        ? {
            row: r.sheetRow.line,
            roundName,
            mother: { name, residentId },
            villageId,
            townshipId: ancestorAt(villageId, 'township')!,
            householdSize,
            principalFen,
            approvedOn,
            disbursedOn,
            dueOn,
            ...(th && vh ? { guarantors: { townshipHead: th, villageHead: vh } } : {}),
            writtenStatus,
          }
        : undefined;
    return done(r, value);
  });

  const repayments = sheet('repayments', input.repayments).map((r) => {
    const residentId = r.residentId(env.today);
    const roundName = r.required('round', 60);
    const paidOn = notFuture(r, 'paidOn', r.date('paidOn'));
    const amountFen = r.fen('amountYuan');
    const receiptNo = r.receipt('receiptNo', 40);
    return done(r, residentId && roundName && paidOn && amountFen && receiptNo ? { row: r.sheetRow.line, residentId, roundName, paidOn, amountFen, receiptNo } : undefined);
  });

  const writeOffs = input.writeOffs
    ? sheet('writeOffs', input.writeOffs).map((r) => {
        const residentId = r.residentId(env.today);
        const roundName = r.required('round', 60);
        const writtenOffOn = notFuture(r, 'writtenOffOn', r.date('writtenOffOn'));
        const amountFen = r.fen('amountYuan');
        const reason = r.required('reason', 2000);
        return done(r, residentId && roundName && writtenOffOn && amountFen && reason ? { row: r.sheetRow.line, residentId, roundName, writtenOffOn, amountFen, reason } : undefined);
      })
    : [];

  return { rounds, loans, repayments, writeOffs };
}
