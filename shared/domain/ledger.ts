/**
 * An office's Excel ledger (its past rounds, loans, repayments and write-offs): pure rules,
 * no I/O. The files are read with the application import's readers (`import-rows.ts`).
 *
 * 1. `LEDGER_COLUMNS` names the columns of the four sheets (Chinese headers as an office
 *    writes them, or the English names), with a note and an example each: the templates.
 * 2. `readLedger` maps every row of every sheet onto a typed row or the row's errors
 *    (field and rule), converting yuan to integer fen with string arithmetic.
 * 3. `assembleLedger` links repayments and write-offs to their loan (the mother's resident
 *    ID and the round), loans to their round, and checks what a ledger must satisfy:
 *    dates in order and not in the future, no repayment over the balance, a write-off of
 *    exactly the balance left, the status written equal to the status the money gives, one
 *    open loan per mother, each receipt number once per township, the round's capital.
 * 4. `ledgerTotals` recomputes the paper totals from the rows (whole ledger and per round)
 *    and `totalDifferences` names every difference from the declared totals, to the fen.
 */
import { createHash } from 'node:crypto';
import { addMonths, isIsoDate } from './dates.ts';
import { ValidationFailed } from './errors.ts';
import { cellText, EXTRA_COLUMNS, excelSerialDate, normalizeDate, readTable, villageDirectory, yuanToFen, type Cell, type Parsed, type SheetRow, type Table } from './import-rows.ts';
import { MAX_LEDGER_ROWS, type DeclaredTotals, type LedgerFigures, type LedgerFile, type LedgerRowError, type RoundFigures, type TotalDifference } from './ledger-schemas.ts';
import { ancestorAt, type Office } from './offices.ts';
import { residentIdProblem, RESIDENT_ID_RULES } from './resident-id.ts';
import { codePointName, hiddenCharacter, normalizeReceiptNo, receiptNoProblem } from './text-rules.ts';

// ---------------------------------------------------------------- columns (the templates)

export interface LedgerColumn {
  key: string;
  /** the header an office writes */
  zh: string;
  aliases?: string[];
  optional?: true;
  /** what goes in the column (Chinese, then English) */
  note: string;
  example: string;
}

const col = (key: string, zh: string, note: string, example: string, more: { aliases?: string[]; optional?: true } = {}): LedgerColumn => ({ key, zh, note, example, ...more });

export const LEDGER_COLUMNS: Record<LedgerFile, LedgerColumn[]> = {
  rounds: [
    col('name', '轮次名称', '本区内唯一的轮次名称 · the round’s name, unique in the district', '城关区第一轮', { aliases: ['轮次'] }),
    col('openedOn', '开始日期', '组委会拨款开轮的日期 · date the round opened (YYYY-MM-DD)', '2021-03-01'),
    col('capitalYuan', '本轮资金(元)', '本轮可贷资金 · the round’s capital, yuan', '100000'),
    col('grantYuan', '其中新拨款(元)', '可空: 组委会新拨的钱, 空则按基金余额推算 · new money granted; empty: what the fund lacked', '100000', { optional: true }),
    col('minLoanYuan', '最低借款(元)', '可空, 默认 5000 · smallest loan, yuan (default 5,000)', '5000', { optional: true }),
    col('maxLoanYuan', '最高借款(元)', '可空, 默认 15000 · largest loan, yuan (default 15,000)', '15000', { optional: true }),
    col('termMonths', '借款期限(月)', '可空, 默认 24 · term in months (default 24)', '24', { optional: true }),
    col('closedOn', '结束日期', '可空: 已结束的轮次填结束日期 · date the round was closed, if it was', '2023-06-30', { optional: true }),
    col('disbursedYuan', '发放合计(元)', '可空: 台账本轮发放合计, 用于核对 · paper total lent out in the round (checked)', '30000', { optional: true }),
    col('repaidYuan', '还款合计(元)', '可空: 台账本轮还款合计 · paper total repaid (checked)', '20000', { optional: true }),
    col('writtenOffYuan', '核销合计(元)', '可空: 台账本轮核销合计 · paper total written off (checked)', '0', { optional: true }),
    col('outstandingYuan', '余额合计(元)', '可空: 台账本轮未还余额 · paper outstanding balance (checked)', '10000', { optional: true }),
  ],
  loans: [
    col('round', '轮次名称', '与轮次表一致 · the round’s name as in the rounds sheet', '城关区第一轮', { aliases: ['轮次'] }),
    col('name', '姓名', '母亲姓名 · the mother’s name', '次仁卓玛', { aliases: ['母亲姓名'] }),
    col('residentId', '身份证号', '18 位, 单元格设为文本 · 18-digit resident ID (format the column as text)', '540102198503154223', { aliases: ['身份证号码'] }),
    col('villageId', '村', '村名或村的机构代码 · village name or office id', '支巴村', { aliases: ['村名', '所在村'] }),
    col('householdSize', '家庭人口', '人数 · household members', '5', { aliases: ['家庭人数'] }),
    col('amountYuan', '借款金额(元)', '发放的本金 · principal lent, yuan', '10000', { aliases: ['金额(元)'] }),
    col('approvedOn', '批准日期', '区项目办批准日期 · date approved', '2021-03-20'),
    col('disbursedOn', '发放日期', '钱交到母亲手中的日期 · date paid out to her', '2021-04-01'),
    col('dueOn', '到期日期', '借款协议上的到期日 · due date in the agreement', '2023-04-01'),
    col('townshipGuarantor', '乡担保人', '可空: 乡(镇)领导 · township head who guaranteed (optional)', '格桑', { optional: true }),
    col('villageGuarantor', '村担保人', '可空: 村委会领导 · village head who guaranteed (optional)', '扎西', { optional: true }),
    col('status', '状态', '在贷 / 逾期 / 已还清 / 已核销 · open, overdue, repaid or written off', '已还清'),
  ],
  repayments: [
    col('residentId', '身份证号', '借款母亲的身份证号 · the borrower’s resident ID', '540102198503154223', { aliases: ['身份证号码'] }),
    col('round', '轮次名称', '借款所在轮次 · the loan’s round', '城关区第一轮', { aliases: ['轮次'] }),
    col('paidOn', '还款日期', '收款日期 · date paid', '2023-03-28'),
    col('amountYuan', '还款金额(元)', '本次还款 · amount paid, yuan', '10000', { aliases: ['金额(元)'] }),
    col('receiptNo', '收据号', '纸质收据编号, 每乡唯一 · paper receipt number (once per township)', 'CG-2023-0012', { aliases: ['收据编号'] }),
  ],
  writeOffs: [
    col('residentId', '身份证号', '借款母亲的身份证号 · the borrower’s resident ID', '540102198707084425', { aliases: ['身份证号码'] }),
    col('round', '轮次名称', '借款所在轮次 · the loan’s round', '城关区第一轮', { aliases: ['轮次'] }),
    col('writtenOffOn', '核销日期', '组委会批准核销的日期 · date written off', '2023-12-15'),
    col('amountYuan', '核销金额(元)', '核销时的全部余额 · the whole balance left, yuan', '5000', { aliases: ['金额(元)'] }),
    col('reason', '核销原因', '原因 · why it could not be repaid', '牲畜全部病死，无力偿还'),
  ],
};

/** Headers a sheet may have that carry nothing: the running number (an example row has 示例 there). */
const IGNORED = new Set(['序号', 'no', 'no.', '#']);
const EXAMPLE_MARK = /^(示例|例|example)$/i;

export const LEDGER_SHEET_NAMES: Record<LedgerFile, string> = { rounds: '轮次', loans: '借款', repayments: '还款', writeOffs: '核销' };

/** The rows of a template: a line of notes, the header, one example row (marked 示例 in the 序号 column). */
export function templateRows(kind: LedgerFile): string[][] {
  const columns = LEDGER_COLUMNS[kind];
  return [
    ['说明 notes', ...columns.map((c) => c.note)],
    ['序号', ...columns.map((c) => c.zh)],
    ['示例', ...columns.map((c) => c.example)],
  ];
}

// ---------------------------------------------------------------- reading a sheet

const headerKey = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[\s*_]/g, '')
    .replace(/\((元|yuan)\)$/i, '')
    .toLowerCase();

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
    if (IGNORED.has(headerKey(label))) {
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

export interface LedgerRound {
  row: number;
  id: string;
  name: string;
  openedOn: string;
  capitalFen: number;
  grantFen?: number;
  minLoanFen: number;
  maxLoanFen: number;
  termMonths: number;
  closedOn?: string;
  declared?: Partial<Record<keyof DeclaredTotals, number>>;
}

export interface LedgerRepayment {
  row: number;
  id: string;
  paidOn: string;
  amountFen: number;
  receiptNo: string;
  balanceAfterFen: number;
}

export interface LedgerWriteOff {
  row: number;
  writtenOffOn: string;
  amountFen: number;
  reason: string;
}

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

export interface LedgerLoan {
  row: number;
  id: string;
  roundName: string;
  roundId: string;
  mother: { name: string; residentId: string };
  villageId: string;
  townshipId: string;
  householdSize: number;
  principalFen: number;
  approvedOn: string;
  disbursedOn: string;
  dueOn: string;
  guarantors?: { townshipHead: string; villageHead: string };
  writtenStatus: 'open' | 'repaid' | 'written_off';
  repayments: LedgerRepayment[];
  writeOff?: LedgerWriteOff;
}

interface RepaymentRow {
  row: number;
  residentId: string;
  roundName: string;
  paidOn: string;
  amountFen: number;
  receiptNo: string;
}
interface WriteOffRow extends LedgerWriteOff {
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

const roundNameKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');

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

// ---------------------------------------------------------------- the ledger as a whole

export interface RowVerdict {
  file: LedgerFile;
  row: number;
  ok: boolean;
  id?: string;
  errors?: LedgerRowError[];
}

export interface AssembledLedger {
  rounds: LedgerRound[];
  loans: LedgerLoan[];
  /** every row's verdict from the ledger's own rules (the database is not consulted here) */
  verdicts: RowVerdict[];
}

/**
 * Repayments one loan may bring (a loan is written in one transaction with its repayments and
 * their receipt numbers, and DynamoDB allows 100 items): instalments beyond it are recorded in the app.
 */
export const MAX_REPAYMENTS_PER_LOAN = 45;

const loanKey = (residentId: string, roundName: string) => `${residentId}|${roundNameKey(roundName)}`;

/**
 * Links the rows into rounds and loans and applies the rules a ledger must satisfy on its
 * own. Loan ids are derived from the round and `motherId(residentId)` (the keyed mother id). A refused loan refuses its repayments and write-off too (their money has no loan to
 * go to); a refused round refuses its loans.
 */
export function assembleLedger(read: ReadLedger, motherId: (residentId: string) => string): AssembledLedger {
  const verdicts: RowVerdict[] = [];
  /** a row refused by a rule of the ledger: the column (or `row`), the rule and its params for the catalogue, the English wording */
  const refuse = (file: LedgerFile, row: number, field: string, rule: string, params: Record<string, unknown>, message: string) =>
    verdicts.push({ file, row, ok: false, errors: [{ field, rule, params, message }] });
  for (const [file, rows] of [
    ['rounds', read.rounds],
    ['loans', read.loans],
    ['repayments', read.repayments],
    ['writeOffs', read.writeOffs],
  ] as const) {
    for (const p of rows) if (!p.ok) verdicts.push({ file, row: p.row, ok: false, errors: p.errors });
  }

  // rounds: names unique
  const rounds = new Map<string, LedgerRound>();
  for (const p of read.rounds) {
    if (!p.ok) continue;
    const key = roundNameKey(p.value.name);
    const first = rounds.get(key);
    if (first) refuse('rounds', p.row, 'name', 'ledger_round_repeated', { row: first.row }, `is the same as on row ${first.row}: each round once`);
    else rounds.set(key, p.value);
  }
  const refusedRoundNames = new Set(read.rounds.filter((p) => !p.ok).map((p) => p.row));

  // loans: a round from the rounds sheet, dates in the round, one loan per mother and round, one open loan per mother
  const loans = new Map<string, LedgerLoan>();
  for (const p of read.loans) {
    if (!p.ok) continue;
    const l = p.value;
    const round = rounds.get(roundNameKey(l.roundName));
    if (!round) {
      if (refusedRoundNames.size) refuse('loans', p.row, 'round', 'ledger_round_not_accepted', { round: l.roundName }, `names no accepted round of the rounds sheet ("${l.roundName}")`);
      else refuse('loans', p.row, 'round', 'ledger_round_unknown', { round: l.roundName }, `names no round of the rounds sheet ("${l.roundName}")`);
      continue;
    }
    if (l.approvedOn < round.openedOn) {
      refuse('loans', p.row, 'approvedOn', 'not_before', { reference: 'round_opened', date: round.openedOn }, `must not be before the round opened (${round.openedOn})`);
      continue;
    }
    if (round.closedOn && l.approvedOn > round.closedOn) {
      refuse('loans', p.row, 'approvedOn', 'ledger_after_round_closed', { date: round.closedOn }, `must not be after the round closed (${round.closedOn})`);
      continue;
    }
    if (l.principalFen < round.minLoanFen || l.principalFen > round.maxLoanFen) {
      refuse(
        'loans',
        p.row,
        'amountYuan',
        'amount_out_of_range',
        { minFen: round.minLoanFen, maxFen: round.maxLoanFen },
        `must be within the round’s range ${round.minLoanFen / 100}–${round.maxLoanFen / 100} yuan`,
      );
      continue;
    }
    const key = loanKey(l.mother.residentId, l.roundName);
    const first = loans.get(key);
    if (first) {
      refuse('loans', p.row, 'residentId', 'ledger_loan_repeated', { row: first.row }, `is the same mother and round as on row ${first.row}: one loan per mother in a round`);
      continue;
    }
    // the loan's id comes from the mother's keyed id (an HMAC with the secret mother key), never from her ID number
    loans.set(key, { ...l, id: ledgerRecordId(l.disbursedOn, 'loan', round.id, motherId(l.mother.residentId)), roundId: round.id, repayments: [] });
  }

  // repayments and write-offs to their loans
  const receipts = new Map<string, number>();
  const repaymentRows = new Map<string, RepaymentRow[]>();
  for (const p of read.repayments) {
    if (!p.ok) continue;
    const loan = loans.get(loanKey(p.value.residentId, p.value.roundName));
    if (!loan) {
      refuse('repayments', p.row, 'residentId', 'ledger_no_loan', { round: p.value.roundName }, `has no accepted loan of this mother in round "${p.value.roundName}" in the loans sheet`);
      continue;
    }
    const receiptKey = `${loan.townshipId}|${normalizeReceipt(p.value.receiptNo)}`;
    const first = receipts.get(receiptKey);
    if (first !== undefined) {
      refuse('repayments', p.row, 'receiptNo', 'ledger_receipt_repeated', { row: first }, `is the same receipt number as on row ${first} in the same township: each receipt is recorded once`);
      continue;
    }
    receipts.set(receiptKey, p.row);
    repaymentRows.set(loan.id, [...(repaymentRows.get(loan.id) ?? []), p.value]);
  }
  const writeOffRows = new Map<string, WriteOffRow>();
  for (const p of read.writeOffs) {
    if (!p.ok) continue;
    const loan = loans.get(loanKey(p.value.residentId, p.value.roundName));
    if (!loan) refuse('writeOffs', p.row, 'residentId', 'ledger_no_loan', { round: p.value.roundName }, `has no accepted loan of this mother in round "${p.value.roundName}" in the loans sheet`);
    else if (writeOffRows.has(loan.id)) {
      const first = writeOffRows.get(loan.id)!.row;
      refuse('writeOffs', p.row, 'residentId', 'ledger_write_off_repeated', { row: first }, `writes off the same loan as row ${first}`);
    } else writeOffRows.set(loan.id, p.value);
  }

  // each loan's money in date order: never over the balance, a write-off of exactly what is left and nothing after it, the status as written
  const accepted: LedgerLoan[] = [];
  const openOf = new Map<string, LedgerLoan>();
  for (const loan of [...loans.values()].sort((a, b) => a.disbursedOn.localeCompare(b.disbursedOn) || a.row - b.row)) {
    const rows = (repaymentRows.get(loan.id) ?? []).sort((a, b) => a.paidOn.localeCompare(b.paidOn) || a.row - b.row);
    const writeOff = writeOffRows.get(loan.id);
    const problems: { file: LedgerFile; row: number; field: string; rule: string; params: Record<string, unknown>; message: string }[] = [];
    let balance = loan.principalFen;
    const repayments: LedgerRepayment[] = [];
    for (const r of rows) {
      if (r.paidOn < loan.disbursedOn)
        problems.push({
          file: 'repayments',
          row: r.row,
          field: 'paidOn',
          rule: 'not_before',
          params: { reference: 'disbursement', date: loan.disbursedOn },
          message: `must not be before the loan was paid out (${loan.disbursedOn})`,
        });
      else if (writeOff && r.paidOn > writeOff.writtenOffOn)
        problems.push({
          file: 'repayments',
          row: r.row,
          field: 'paidOn',
          rule: 'ledger_after_write_off',
          params: { date: writeOff.writtenOffOn },
          message: `is after the loan was written off (${writeOff.writtenOffOn})`,
        });
      else if (r.amountFen > balance)
        problems.push({
          file: 'repayments',
          row: r.row,
          field: 'amountYuan',
          rule: 'ledger_exceeds_balance',
          params: { balanceFen: balance, date: r.paidOn },
          message: `exceeds the balance of ${balance / 100} yuan left on ${r.paidOn}`,
        });
      else {
        balance -= r.amountFen;
        repayments.push({
          row: r.row,
          id: ledgerRecordId(r.paidOn, 'repayment', loan.id, normalizeReceipt(r.receiptNo)),
          paidOn: r.paidOn,
          amountFen: r.amountFen,
          receiptNo: r.receiptNo,
          balanceAfterFen: balance,
        });
      }
    }
    if (writeOff) {
      if (writeOff.writtenOffOn < loan.disbursedOn)
        problems.push({
          file: 'writeOffs',
          row: writeOff.row,
          field: 'writtenOffOn',
          rule: 'not_before',
          params: { reference: 'disbursement', date: loan.disbursedOn },
          message: `must not be before the loan was paid out (${loan.disbursedOn})`,
        });
      else if (writeOff.amountFen !== balance)
        problems.push({
          file: 'writeOffs',
          row: writeOff.row,
          field: 'amountYuan',
          rule: 'ledger_write_off_balance',
          params: { balanceFen: balance },
          message: `must be the whole balance left, ${balance / 100} yuan (a write-off closes the loan)`,
        });
    }
    if (rows.length > MAX_REPAYMENTS_PER_LOAN)
      problems.push({
        file: 'loans',
        row: loan.row,
        field: 'row',
        rule: 'ledger_too_many_repayments',
        params: { count: rows.length, max: MAX_REPAYMENTS_PER_LOAN },
        message: `has ${rows.length} repayments; at most ${MAX_REPAYMENTS_PER_LOAN} per loan can be imported (combine instalments of the same receipt, or record the later ones in the app)`,
      });
    const status = writeOff ? 'written_off' : balance === 0 ? 'repaid' : 'open';
    if (!problems.length && status !== loan.writtenStatus)
      problems.push({
        file: 'loans',
        row: loan.row,
        field: 'status',
        rule: 'ledger_status_mismatch',
        params: { written: loan.writtenStatus, actual: status, repaidFen: loan.principalFen - balance, principalFen: loan.principalFen, writtenOff: writeOff !== undefined },
        message: `says ${loan.writtenStatus} but the money says ${status}: ${(loan.principalFen - balance) / 100} of ${loan.principalFen / 100} yuan repaid${writeOff ? ', then written off' : ''}`,
      });
    if (!problems.length && status === 'open') {
      const other = openOf.get(loan.mother.residentId);
      if (other)
        problems.push({
          file: 'loans',
          row: loan.row,
          field: 'residentId',
          rule: 'ledger_open_loan_in_file',
          params: { round: other.roundName, row: other.row },
          message: `this mother already has an open loan in round "${other.roundName}" (row ${other.row}): one open loan per mother`,
        });
      else openOf.set(loan.mother.residentId, loan);
    }
    if (problems.length) {
      for (const p of problems) refuse(p.file, p.row, p.field, p.rule, p.params, p.message);
      if (!problems.some((p) => p.file === 'loans'))
        refuse(
          'loans',
          loan.row,
          'row',
          'ledger_money_refused',
          { refused: problems.map((p) => ({ file: p.file, row: p.row })) },
          `its repayments or write-off are refused (rows ${problems.map((p) => `${LEDGER_SHEET_NAMES[p.file]} ${p.row}`).join(', ')})`,
        );
      const refusedRows = new Set(problems.map((p) => `${p.file}|${p.row}`));
      const loanRefused = { row: loan.row };
      for (const r of rows) if (!refusedRows.has(`repayments|${r.row}`)) refuse('repayments', r.row, 'row', 'ledger_loan_refused', loanRefused, `its loan (loans sheet row ${loan.row}) is refused`);
      if (writeOff && !refusedRows.has(`writeOffs|${writeOff.row}`)) refuse('writeOffs', writeOff.row, 'row', 'ledger_loan_refused', loanRefused, `its loan (loans sheet row ${loan.row}) is refused`);
      continue;
    }
    accepted.push({ ...loan, repayments, ...(writeOff ? { writeOff: { row: writeOff.row, writtenOffOn: writeOff.writtenOffOn, amountFen: writeOff.amountFen, reason: writeOff.reason } } : {}) });
  }

  // the round's capital covers its loans
  const acceptedRounds: LedgerRound[] = [];
  for (const round of rounds.values()) {
    const lent = accepted.filter((l) => l.roundId === round.id).reduce((s, l) => s + l.principalFen, 0);
    if (lent > round.capitalFen) refuse('rounds', round.row, 'capitalYuan', 'ledger_capital_short', { lentFen: lent }, `is less than the ${lent / 100} yuan its loans add up to`);
    else acceptedRounds.push(round);
  }
  const roundOk = new Set(acceptedRounds.map((r) => r.id));
  const loansOk = accepted.filter((l) => roundOk.has(l.roundId));
  for (const l of accepted.filter((x) => !roundOk.has(x.roundId))) refuse('loans', l.row, 'round', 'ledger_round_refused', { round: l.roundName }, `its round "${l.roundName}" is refused`);

  for (const r of acceptedRounds) verdicts.push({ file: 'rounds', row: r.row, ok: true, id: r.id });
  for (const l of loansOk) {
    verdicts.push({ file: 'loans', row: l.row, ok: true, id: l.id });
    for (const r of l.repayments) verdicts.push({ file: 'repayments', row: r.row, ok: true, id: r.id });
    if (l.writeOff) verdicts.push({ file: 'writeOffs', row: l.writeOff.row, ok: true, id: l.id });
  }
  return { rounds: acceptedRounds, loans: loansOk, verdicts: dedupe(verdicts) };
}

/** One verdict per row: the first refusal wins over later ones and over acceptance. */
function dedupe(verdicts: RowVerdict[]): RowVerdict[] {
  const byRow = new Map<string, RowVerdict>();
  for (const v of verdicts) {
    const key = `${v.file}|${v.row}`;
    const seen = byRow.get(key);
    if (!seen || (seen.ok && !v.ok)) byRow.set(key, v);
  }
  const order: LedgerFile[] = ['rounds', 'loans', 'repayments', 'writeOffs'];
  return [...byRow.values()].sort((a, b) => order.indexOf(a.file) - order.indexOf(b.file) || a.row - b.row);
}

/** The one normalisation of receipt numbers (./text-rules.ts). */
export const normalizeReceipt = normalizeReceiptNo;

// ---------------------------------------------------------------- totals

const emptyFigures = (): LedgerFigures => ({ loans: 0, repayments: 0, writeOffs: 0, disbursedFen: 0, repaidFen: 0, writtenOffFen: 0, outstandingFen: 0 });

/**
 * The paper totals recomputed from the rows that could be read (whatever else is wrong with
 * them), whole ledger and per round of the rounds sheet: what the office's own sums cover.
 */
export function ledgerTotals(read: ReadLedger): { totals: LedgerFigures; rounds: RoundFigures[] } {
  const totals = emptyFigures();
  const perRound = new Map<string, RoundFigures>();
  for (const p of read.rounds) {
    if (p.ok && !perRound.has(roundNameKey(p.value.name)))
      perRound.set(roundNameKey(p.value.name), { ...emptyFigures(), name: p.value.name, roundId: p.value.id, ...(p.value.declared ? { declared: p.value.declared } : {}) });
  }
  const of = (name: string) => {
    const key = roundNameKey(name);
    if (!perRound.has(key)) perRound.set(key, { ...emptyFigures(), name, roundId: '' });
    return perRound.get(key)!;
  };
  for (const p of read.loans) {
    if (!p.ok) continue;
    for (const f of [totals, of(p.value.roundName)]) {
      f.loans++;
      f.disbursedFen += p.value.principalFen;
    }
  }
  for (const p of read.repayments) {
    if (!p.ok) continue;
    for (const f of [totals, of(p.value.roundName)]) {
      f.repayments++;
      f.repaidFen += p.value.amountFen;
    }
  }
  for (const p of read.writeOffs) {
    if (!p.ok) continue;
    for (const f of [totals, of(p.value.roundName)]) {
      f.writeOffs++;
      f.writtenOffFen += p.value.amountFen;
    }
  }
  for (const f of [totals, ...perRound.values()]) f.outstandingFen = f.disbursedFen - f.repaidFen - f.writtenOffFen;
  return { totals, rounds: [...perRound.values()] };
}

const TOTAL_FIELDS = ['disbursedFen', 'repaidFen', 'writtenOffFen', 'outstandingFen'] as const;

/** Every total that differs from its declared paper figure: per round (where the rounds sheet gives one) and for the whole ledger. */
export function totalDifferences(declared: DeclaredTotals, figures: { totals: LedgerFigures; rounds: RoundFigures[] }): TotalDifference[] {
  const out: TotalDifference[] = [];
  for (const round of figures.rounds) {
    for (const field of TOTAL_FIELDS) {
      const d = round.declared?.[field];
      if (d !== undefined && d !== round[field]) out.push({ round: round.name, field, declaredFen: d, computedFen: round[field], differenceFen: round[field] - d });
    }
  }
  for (const field of TOTAL_FIELDS) {
    if (declared[field] !== figures.totals[field]) out.push({ field, declaredFen: declared[field], computedFen: figures.totals[field], differenceFen: figures.totals[field] - declared[field] });
  }
  return out;
}

// ---------------------------------------------------------------- the fund before each round

/**
 * The money the committee newly granted with each round when the sheet leaves it empty: what
 * the district's fund lacked when the round opened (its capital less the money available to
 * re-lend then: what was there before, recoveries and unused capital of closed rounds).
 */
export function grantsOf(rounds: LedgerRound[], loans: LedgerLoan[], availableBeforeFen: number): Map<string, number> {
  const events: { date: string; order: number; apply: (state: { available: number }) => void }[] = [];
  const grants = new Map<string, number>();
  for (const round of rounds) {
    events.push({
      date: round.openedOn,
      order: 1,
      apply: (s) => {
        const grant = round.grantFen ?? Math.max(0, round.capitalFen - s.available);
        grants.set(round.id, grant);
        s.available += grant - round.capitalFen;
      },
    });
    if (round.closedOn) {
      const committed = loans.filter((l) => l.roundId === round.id).reduce((sum, l) => sum + l.principalFen, 0);
      events.push({ date: round.closedOn, order: 2, apply: (s) => (s.available += round.capitalFen - committed) });
    }
  }
  for (const loan of loans) for (const r of loan.repayments) events.push({ date: r.paidOn, order: 0, apply: (s) => (s.available += r.amountFen) });
  const state = { available: availableBeforeFen };
  for (const e of events.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order)) e.apply(state);
  return grants;
}

/** Evaluation points of an imported round: the usual mid-term and year-end when the term allows. */
export const evaluationMonthsFor = (termMonths: number): number[] => [6, 12].filter((m) => m < termMonths);

/** The evaluations still to come for an open loan (the past ones are on paper, not in the system). */
export function futureSchedule(loan: Pick<LedgerLoan, 'disbursedOn' | 'dueOn'>, termMonths: number, today: string) {
  const slots = evaluationMonthsFor(termMonths).map((m, i) => ({ kind: (i === 0 ? 'midterm' : 'yearend') as 'midterm' | 'yearend', dueOn: addMonths(loan.disbursedOn, m) }));
  return [...slots, { kind: 'final' as const, dueOn: loan.dueOn }].filter((s) => s.dueOn >= today);
}

// ---------------------------------------------------------------- ids

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID-shaped id that is the same every time the same ledger is read: the time part is the
 * record's own date (so ids sort by date), the rest a hash of what identifies it.
 */
export function ledgerRecordId(date: string, ...parts: string[]): string {
  if (!isIsoDate(date)) throw new Error(`not a date: ${date}`);
  let time = Date.parse(`${date}T00:00:00Z`);
  let head = '';
  for (let j = 0; j < 10; j++, time = Math.floor(time / 32)) head = CROCKFORD[time % 32] + head;
  const hash = createHash('sha256')
    .update(`happiness-project:ledger:${parts.join('|')}`)
    .digest();
  let value = 0n;
  for (let j = 0; j < 10; j++) value = (value << 8n) | BigInt(hash[j]!);
  let tail = '';
  for (let j = 0; j < 16; j++, value >>= 5n) tail = CROCKFORD[Number(value & 31n)] + tail;
  return head + tail;
}
