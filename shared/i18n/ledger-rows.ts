/**
 * The refusals of an office's ledger import (`POST /ledger-imports`), in each language: a
 * sheet that cannot be read, a row that breaks a rule of the ledger, and the paper totals
 * that the rows do not add up to. `f.field` is the column as the ledger template heads it in
 * Chinese (借款金额(元)), the word a clerk sees in the file whatever language the answer is
 * in; a problem with the row as a whole has no column. Rows also use the catalogue's general
 * rules (`required`, `max_length`, `not_in_future`, `not_before`, `amount_out_of_range`,
 * `resident_id_*`, the application import's `import_*` rules for amounts, dates and villages).
 * Part of ERROR_MESSAGES. The Tibetan sentences await a native speaker's review.
 */
import type { Entry, Fmt } from './message-types.ts';
import type { Lang } from './lang.ts';

const entry = <P = Record<string, never>>(e: Entry<P>): Entry<P> => e;
const W = (zh: string, bo: string, en: string): Record<Lang, string> => ({ 'zh-CN': zh, bo, en });
const word = (table: Record<string, Record<Lang, string>>, key: unknown, lang: Lang) => table[String(key)]?.[lang] ?? String(key);

/** The four sheets of a ledger. */
export const LEDGER_SHEET_WORDS: Record<string, Record<Lang, string>> = {
  rounds: W('轮次表', 'སྐོར་རིམ་རེའུ་མིག', 'rounds sheet'),
  loans: W('借款表', 'བུ་ལོན་རེའུ་མིག', 'loans sheet'),
  repayments: W('还款表', 'བུ་ལོན་འཇལ་བའི་རེའུ་མིག', 'repayments sheet'),
  writeOffs: W('核销表', 'རྩིས་མེད་གཏོང་བའི་རེའུ་མིག', 'write-offs sheet'),
};
const sheet = (file: unknown, lang: Lang) => word(LEDGER_SHEET_WORDS, file, lang);

/** A loan's status as a ledger writes it and as its money gives it. */
const LOAN_STATUS_WORDS: Record<string, Record<Lang, string>> = {
  open: W('在贷', 'འཇལ་བཞིན་པ།', 'open'),
  repaid: W('已还清', 'འཇལ་ཚར།', 'repaid'),
  written_off: W('已核销', 'རྩིས་མེད་བཏང་ཟིན།', 'written off'),
};

/** An open case a mother has in the system. */
const CASE_WORDS: Record<string, Record<Lang, string>> = {
  application: W('申请', 'རེ་ཞུ།', 'application'),
  loan: W('贷款', 'བུ་ལོན།', 'loan'),
};

/** The paper totals (as the ledger page names them). */
const TOTAL_WORDS: Record<string, Record<Lang, string>> = {
  disbursedFen: W('累计发放', 'སྤྲད་པའི་བསྡོམས།', 'lent out'),
  repaidFen: W('累计还款', 'འཇལ་བའི་བསྡོམས།', 'repaid'),
  writtenOffFen: W('累计核销', 'རྩིས་མེད་བཏང་བའི་བསྡོམས།', 'written off'),
  outstandingFen: W('未还余额', 'འཇལ་རྒྱུ་ལྷག་མ།', 'outstanding'),
};

/** A difference between a paper total and what the rows add up to (shared/domain/ledger-schemas.ts `TotalDifference`). */
export interface DifferenceParams {
  round?: string;
  field: string;
  declaredFen: number;
  computedFen: number;
  differenceFen: number;
}

const signed = (fen: number, f: Fmt) => `${fen > 0 ? '+' : ''}${f.yuan(fen)}`;

/** 台账第3轮：累计还款 纸面 1,234.56 元，逐行合计 1,234.55 元，相差 -0.01 元 */
export function differenceText(d: DifferenceParams, f: Fmt): string {
  const what = word(TOTAL_WORDS, d.field, f.lang);
  if (f.lang === 'zh-CN') return `${d.round ? `“${d.round}”` : '整本台账'}：${what} 纸面 ${f.yuan(d.declaredFen)}，逐行合计 ${f.yuan(d.computedFen)}，相差 ${signed(d.differenceFen, f)}`;
  if (f.lang === 'bo') return `${d.round ? `“${d.round}”` : 'རྩིས་ཁྲ་ཧྲིལ་པོ།'} ${what} ཤོག་བུའི་ཐོག་ ${f.yuan(d.declaredFen)} ཐིག་ཕྲེང་གི་བསྡོམས་ ${f.yuan(d.computedFen)} ཁྱད་པར་ ${signed(d.differenceFen, f)}`;
  return `${d.round ? `round "${d.round}"` : 'the whole ledger'}: ${what} ${f.yuan(d.declaredFen)} on paper, the rows add up to ${f.yuan(d.computedFen)} (${signed(d.differenceFen, f)})`;
}

type RowRef = { file: string; row: number };

export const LEDGER_ROW_MESSAGES = {
  // ----- a sheet as a whole -----
  ledger_sheet_unreadable: entry<{ sheet: string; detail: string }>({
    'zh-CN': (p, f) => `${sheet(p.sheet, f.lang)}无法读取：请上传 UTF-8 编码的 CSV（Excel：另存为 → CSV UTF-8）或 .xlsx 工作簿`,
    bo: (p, f) => `${sheet(p.sheet, f.lang)} ཀློག་མི་ཐུབ། UTF-8 ཡི་ CSV ཡང་ན་ .xlsx ཡིག་ཆ་ཕུལ་རོགས།`,
    en: (p, f) => `the ${sheet(p.sheet, f.lang)} ${p.detail}`,
  }),
  ledger_sheet_no_header: entry<{ sheet: string; columns: string[] }>({
    'zh-CN': (p, f) => `${sheet(p.sheet, f.lang)}没有表头：第一行应写出各列名称，如 ${p.columns.join('、')}`,
    bo: (p, f) => `${sheet(p.sheet, f.lang)} ལ་མགོ་བྱང་མེད། ཕྲེང་དང་པོར་སྟར་གྱི་མིང་འབྲི་དགོས། དཔེར་ན་ ${p.columns.join('། ')}`,
    en: (p, f) => `the ${sheet(p.sheet, f.lang)} has no header row: name the columns ${p.columns.join(', ')}`,
  }),
  ledger_sheet_columns: entry<{ sheet: string; missing: string[]; unknown: string[]; line: number }>({
    'zh-CN': (p, f) =>
      `${sheet(p.sheet, f.lang)}第 ${p.line} 行表头有误：${[p.missing.length ? `缺少列 ${p.missing.join('、')}` : '', p.unknown.length ? `无法识别或重复的列 ${p.unknown.join('、')}` : ''].filter(Boolean).join('；')}`,
    bo: (p, f) =>
      `${sheet(p.sheet, f.lang)} ཕྲེང་ ${p.line} པའི་མགོ་བྱང་ནོར་འདུག ${[p.missing.length ? `མེད་པའི་སྟར་ ${p.missing.join('། ')}` : '', p.unknown.length ? `ངོས་མི་ཟིན་པའམ་བསྐྱར་ཟློས་ཀྱི་སྟར་ ${p.unknown.join('། ')}` : ''].filter(Boolean).join('། ')}`,
    en: (p, f) =>
      `the ${sheet(p.sheet, f.lang)}, header on line ${p.line}: ${[p.missing.length ? `missing column(s) ${p.missing.join(', ')}` : '', p.unknown.length ? `unknown or repeated column(s) ${p.unknown.join(', ')}` : ''].filter(Boolean).join('; ')}`,
  }),
  ledger_sheet_too_many_rows: entry<{ sheet: string; rows: number; max: number }>({
    'zh-CN': (p, f) => `${sheet(p.sheet, f.lang)}有 ${p.rows} 行，一次最多导入 ${p.max} 行，请拆分`,
    bo: (p, f) => `${sheet(p.sheet, f.lang)} ནང་ཕྲེང་ ${p.rows} ཡོད། ཐེངས་གཅིག་ལ་མང་མཐར་ ${p.max} ལས་ནང་འདྲེན་མི་ཐུབ།`,
    en: (p, f) => `the ${sheet(p.sheet, f.lang)} has ${p.rows} rows; at most ${p.max} may be imported at once`,
  }),

  // ----- one row, on its own -----
  ledger_whole_number: entry<{ min: number; max: number }>({
    'zh-CN': (p, f) => `${f.field}必须是 ${p.min} 到 ${p.max} 之间的整数`,
    bo: (p, f) => `${f.field} ${p.min} ནས་ ${p.max} བར་གྱི་ཨང་གྲངས་ཆ་ཚང་ཡིན་དགོས།`,
    en: (p, f) => `${f.field} must be a whole number from ${p.min} to ${p.max}`,
  }),
  ledger_not_above: entry<{ other: string }>({
    'zh-CN': (p, f) => `${f.field}不能大于${p.other}`,
    bo: (p, f) => `${f.field} ${p.other} ལས་ཆེ་མི་ཆོག`,
    en: (p, f) => `${f.field} must not exceed ${p.other}`,
  }),
  ledger_due_after_disbursement: entry<{ date: string }>({
    'zh-CN': (p, f) => `${f.field}必须晚于发放日期（${f.date(p.date)}）`,
    bo: (p, f) => `${f.field} དངུལ་སྤྲོད་ཚེས་གྲངས་ (${f.date(p.date)}) ལས་རྗེས་སུ་ཡིན་དགོས།`,
    en: (p, f) => `${f.field} must be after the disbursement (${f.date(p.date)})`,
  }),
  ledger_guarantors_both: entry<{ other: string }>({
    'zh-CN': (p, f) => `已填写${p.other}时${f.field}也必须填写（两位担保人都填或都不填）`,
    bo: (p, f) => `${p.other} འབྲི་ཡོད་ན་ ${f.field} ཡང་འབྲི་དགོས། (འགན་ལེན་པ་གཉིས་ཀ་འབྲི་བའམ་གཉིས་ཀ་མི་འབྲི།)`,
    en: (p, f) => `${f.field} is required when ${p.other} is written (both guarantors, or neither)`,
  }),

  // ----- one row, within the ledger -----
  ledger_round_repeated: entry<{ row: number }>({
    'zh-CN': (p, f) => `${f.field}与第 ${p.row} 行相同：每个轮次只能列一次`,
    bo: (p, f) => `${f.field} ཕྲེང་ ${p.row} པ་དང་གཅིག་མཚུངས་རེད། སྐོར་རིམ་རེ་རེ་ཐེངས་གཅིག་ཁོ་ན་འགོད་ཆོག`,
    en: (p, f) => `${f.field} is the same as on row ${p.row}: each round once`,
  }),
  ledger_round_unknown: entry<{ round: string }>({
    'zh-CN': (p, f) => `${f.field}“${p.round}”不在轮次表中`,
    bo: (p, f) => `${f.field} “${p.round}” སྐོར་རིམ་རེའུ་མིག་ནང་མེད།`,
    en: (p, f) => `${f.field} names no round of the rounds sheet ("${p.round}")`,
  }),
  ledger_round_not_accepted: entry<{ round: string }>({
    'zh-CN': (p, f) => `${f.field}“${p.round}”不是轮次表中通过检查的轮次`,
    bo: (p, f) => `${f.field} “${p.round}” སྐོར་རིམ་རེའུ་མིག་ནང་ཞིབ་བཤེར་འགྲིག་པའི་སྐོར་རིམ་མིན།`,
    en: (p, f) => `${f.field} names no accepted round of the rounds sheet ("${p.round}")`,
  }),
  ledger_after_round_closed: entry<{ date: string }>({
    'zh-CN': (p, f) => `${f.field}不能晚于本轮结束日期（${f.date(p.date)}）`,
    bo: (p, f) => `${f.field} སྐོར་འདི་མཇུག་སྒྲིལ་བའི་ཚེས་གྲངས་ (${f.date(p.date)}) ལས་རྗེས་སུ་ཡོང་མི་ཆོག`,
    en: (p, f) => `${f.field} must not be after the round closed (${f.date(p.date)})`,
  }),
  ledger_loan_repeated: entry<{ row: number }>({
    'zh-CN': (p, f) => `${f.field}与第 ${p.row} 行是同一位母亲、同一轮次：每位母亲每轮只能借款一次`,
    bo: (p, f) => `${f.field} ཕྲེང་ ${p.row} པ་དང་ཨ་མ་གཅིག་དང་སྐོར་རིམ་གཅིག་རེད། སྐོར་རེར་ཨ་མ་རེར་བུ་ལོན་ཐེངས་གཅིག་ཁོ་ན།`,
    en: (p, f) => `${f.field} is the same mother and round as on row ${p.row}: one loan per mother in a round`,
  }),
  ledger_no_loan: entry<{ round: string }>({
    'zh-CN': (p, f) => `${f.field}：借款表中没有这位母亲在“${p.round}”通过检查的借款`,
    bo: (p, f) => `${f.field} བུ་ལོན་རེའུ་མིག་ནང་ཨ་མ་འདིའི་ “${p.round}” ནང་ཞིབ་བཤེར་འགྲིག་པའི་བུ་ལོན་མེད།`,
    en: (p, f) => `${f.field} has no accepted loan of this mother in round "${p.round}" in the loans sheet`,
  }),
  ledger_receipt_repeated: entry<{ row: number }>({
    'zh-CN': (p, f) => `${f.field}与同一乡第 ${p.row} 行的收据号相同：每张收据只能登记一次`,
    bo: (p, f) => `${f.field} ཤང་གཅིག་གི་ཕྲེང་ ${p.row} པའི་འཛིན་ཤོག་ཨང་དང་གཅིག་མཚུངས། འཛིན་ཤོག་རེར་ཐེངས་གཅིག་ཁོ་ན་ཐོ་འགོད་ཆོག`,
    en: (p, f) => `${f.field} is the same receipt number as on row ${p.row} in the same township: each receipt is recorded once`,
  }),
  ledger_write_off_repeated: entry<{ row: number }>({
    'zh-CN': (p) => `与第 ${p.row} 行核销的是同一笔借款`,
    bo: (p) => `ཕྲེང་ ${p.row} པ་དང་བུ་ལོན་གཅིག་པ་རྩིས་མེད་གཏོང་གི་འདུག`,
    en: (p) => `writes off the same loan as row ${p.row}`,
  }),
  ledger_after_write_off: entry<{ date: string }>({
    'zh-CN': (p, f) => `${f.field}晚于这笔借款的核销日期（${f.date(p.date)}）`,
    bo: (p, f) => `${f.field} བུ་ལོན་འདི་རྩིས་མེད་བཏང་བའི་ཚེས་གྲངས་ (${f.date(p.date)}) ལས་རྗེས་སུ་འདུག`,
    en: (p, f) => `${f.field} is after the loan was written off (${f.date(p.date)})`,
  }),
  ledger_exceeds_balance: entry<{ balanceFen: number; date: string }>({
    'zh-CN': (p, f) => `${f.field}超过了${f.date(p.date)}的未还余额 ${f.yuan(p.balanceFen)}`,
    bo: (p, f) => `${f.field} ${f.date(p.date)} གི་འཇལ་རྒྱུ་ལྷག་མ་ ${f.yuan(p.balanceFen)} ལས་བརྒལ་འདུག`,
    en: (p, f) => `${f.field} exceeds the balance of ${f.yuan(p.balanceFen)} left on ${f.date(p.date)}`,
  }),
  ledger_write_off_balance: entry<{ balanceFen: number }>({
    'zh-CN': (p, f) => `${f.field}必须等于剩余的全部余额 ${f.yuan(p.balanceFen)}（核销即结清这笔借款）`,
    bo: (p, f) => `${f.field} འཇལ་རྒྱུ་ལྷག་མ་ཧྲིལ་པོ་ ${f.yuan(p.balanceFen)} དང་མཉམ་དགོས། (རྩིས་མེད་བཏང་ན་བུ་ལོན་མཇུག་སྒྲིལ།)`,
    en: (p, f) => `${f.field} must be the whole balance left, ${f.yuan(p.balanceFen)} (a write-off closes the loan)`,
  }),
  ledger_too_many_repayments: entry<{ count: number; max: number }>({
    'zh-CN': (p) => `这笔借款有 ${p.count} 笔还款，每笔借款最多导入 ${p.max} 笔（同一收据的分期请合并，其余在系统中登记）`,
    bo: (p) => `བུ་ལོན་འདིར་འཇལ་ཐེངས་ ${p.count} ཡོད། བུ་ལོན་རེར་མང་མཐར་ ${p.max} ལས་ནང་འདྲེན་མི་ཐུབ། ལྷག་མ་མ་ལག་ནང་ཐོ་འགོད་བྱེད་རོགས།`,
    en: (p) => `has ${p.count} repayments; at most ${p.max} per loan can be imported (combine instalments of the same receipt, or record the later ones in the app)`,
  }),
  ledger_status_mismatch: entry<{ written: string; actual: string; repaidFen: number; principalFen: number; writtenOff: boolean }>({
    'zh-CN': (p, f) =>
      `${f.field}写的是“${word(LOAN_STATUS_WORDS, p.written, f.lang)}”，但按金额应为“${word(LOAN_STATUS_WORDS, p.actual, f.lang)}”：借款 ${f.yuan(p.principalFen)}，已还 ${f.yuan(p.repaidFen)}${p.writtenOff ? '，其后核销' : ''}`,
    bo: (p, f) =>
      `${f.field} ནང་ “${word(LOAN_STATUS_WORDS, p.written, f.lang)}” འབྲི་འདུག་ཀྱང་དངུལ་ལྟར་ན་ “${word(LOAN_STATUS_WORDS, p.actual, f.lang)}” ཡིན། བུ་ལོན་ ${f.yuan(p.principalFen)} ལས་ ${f.yuan(p.repaidFen)} འཇལ་ཟིན།${p.writtenOff ? ' དེ་རྗེས་རྩིས་མེད་བཏང་།' : ''}`,
    en: (p, f) =>
      `${f.field} says ${word(LOAN_STATUS_WORDS, p.written, f.lang)} but the money says ${word(LOAN_STATUS_WORDS, p.actual, f.lang)}: ${f.yuan(p.repaidFen)} of ${f.yuan(p.principalFen)} repaid${p.writtenOff ? ', then written off' : ''}`,
  }),
  ledger_open_loan_in_file: entry<{ round: string; row: number }>({
    'zh-CN': (p) => `这位母亲在“${p.round}”已有一笔在贷借款（第 ${p.row} 行）：每位母亲同时只能有一笔在贷借款`,
    bo: (p) => `ཨ་མ་འདིར་ “${p.round}” ནང་འཇལ་བཞིན་པའི་བུ་ལོན་ཞིག་ཡོད། (ཕྲེང་ ${p.row}) ཨ་མ་རེར་དུས་གཅིག་ལ་བུ་ལོན་གཅིག་ཁོ་ན།`,
    en: (p) => `this mother already has an open loan in round "${p.round}" (row ${p.row}): one open loan per mother`,
  }),
  ledger_money_refused: entry<{ refused: RowRef[] }>({
    'zh-CN': (p, f) => `这笔借款的还款或核销未通过检查（${p.refused.map((r) => `${sheet(r.file, f.lang)}第 ${r.row} 行`).join('、')}）`,
    bo: (p, f) => `བུ་ལོན་འདིའི་འཇལ་བའམ་རྩིས་མེད་ཞིབ་བཤེར་མ་འགྲིག (${p.refused.map((r) => `${sheet(r.file, f.lang)} ཕྲེང་ ${r.row}`).join('། ')})`,
    en: (p, f) => `its repayments or write-off are refused (${p.refused.map((r) => `${sheet(r.file, f.lang)} row ${r.row}`).join(', ')})`,
  }),
  ledger_loan_refused: entry<{ row: number }>({
    'zh-CN': (p) => `所属借款（借款表第 ${p.row} 行）未通过检查`,
    bo: (p) => `འབྲེལ་ཡོད་བུ་ལོན་ (བུ་ལོན་རེའུ་མིག་ཕྲེང་ ${p.row}) ཞིབ་བཤེར་མ་འགྲིག`,
    en: (p) => `its loan (loans sheet row ${p.row}) is refused`,
  }),
  ledger_capital_short: entry<{ lentFen: number }>({
    'zh-CN': (p, f) => `${f.field}少于本轮各笔借款合计 ${f.yuan(p.lentFen)}`,
    bo: (p, f) => `${f.field} སྐོར་འདིའི་བུ་ལོན་བསྡོམས་ ${f.yuan(p.lentFen)} ལས་ཉུང་འདུག`,
    en: (p, f) => `${f.field} is less than the ${f.yuan(p.lentFen)} its loans add up to`,
  }),
  ledger_round_refused: entry<{ round: string }>({
    'zh-CN': (p) => `所属轮次“${p.round}”未通过检查`,
    bo: (p) => `འབྲེལ་ཡོད་སྐོར་རིམ་ “${p.round}” ཞིབ་བཤེར་མ་འགྲིག`,
    en: (p) => `its round "${p.round}" is refused`,
  }),

  // ----- one row, against what the system holds -----
  ledger_round_imported_differently: entry<{ name: string; openedOn: string }>({
    'zh-CN': (p, f) => `名为“${p.name}”的轮次已由另一批台账导入，数据不同（开始于${f.date(p.openedOn)}）：每个轮次只导入一次`,
    bo: (p, f) => `“${p.name}” ཟེར་བའི་སྐོར་རིམ་རྩིས་ཁྲ་ཚན་པ་གཞན་ཞིག་གིས་ནང་འདྲེན་བྱས་ཟིན་ལ་གཞི་གྲངས་མི་འདྲ། (${f.date(p.openedOn)} འགོ་ཚུགས།)`,
    en: (p, f) => `a round named "${p.name}" was imported by another ledger import with other data (opened ${f.date(p.openedOn)}): a round is imported once`,
  }),
  ledger_round_in_system: entry<{ name: string; openedOn: string }>({
    'zh-CN': (p, f) => `系统中已有名为“${p.name}”的轮次（开始于${f.date(p.openedOn)}），并非来自台账：请改用其他轮次名称或不导入该轮`,
    bo: (p, f) => `མ་ལག་ནང་ “${p.name}” ཟེར་བའི་སྐོར་རིམ་ (${f.date(p.openedOn)} འགོ་ཚུགས།) ཡོད་ཟིན། སྐོར་རིམ་གྱི་མིང་བརྗེ་བའམ་མ་འདྲེན་རོགས།`,
    en: (p, f) => `a round named "${p.name}" is already in the system (opened ${f.date(p.openedOn)}), not from a ledger: rename the ledger's round or leave it out`,
  }),
  ledger_round_imported_without_loan: entry<{ round: string }>({
    'zh-CN': (p) => `轮次“${p.round}”此前已整轮导入，其中没有这笔借款`,
    bo: (p) => `སྐོར་རིམ་ “${p.round}” སྔོན་ནས་ཧྲིལ་པོར་ནང་འདྲེན་བྱས་ཟིན། དེའི་ནང་བུ་ལོན་འདི་མེད།`,
    en: (p) => `round "${p.round}" was imported before, and a round is imported whole: this loan is not in it`,
  }),
  ledger_repayment_not_imported_before: entry({
    'zh-CN': () => '所属借款此前已导入，但没有这笔还款：之后的还款请在系统中登记',
    bo: () => 'འབྲེལ་ཡོད་བུ་ལོན་སྔོན་ནས་ནང་འདྲེན་བྱས་ཟིན་ཀྱང་འཇལ་བ་འདི་མེད། རྗེས་ཀྱི་འཇལ་བ་མ་ལག་ནང་ཐོ་འགོད་བྱེད་རོགས།',
    en: () => 'its loan was imported before without this repayment: record later repayments in the app',
  }),
  ledger_write_off_not_imported_before: entry({
    'zh-CN': () => '所属借款此前导入时未核销：核销请由组委会在系统中办理',
    bo: () => 'འབྲེལ་ཡོད་བུ་ལོན་སྔོན་ནས་ནང་འདྲེན་བྱེད་སྐབས་རྩིས་མེད་བཏང་མེད། ཨུ་ཡོན་ལྷན་ཁང་གིས་མ་ལག་ནང་རྩིས་མེད་གཏོང་།',
    en: () => 'its loan was imported before without a write-off: the committee writes it off in the app',
  }),
  ledger_open_case: entry<{ kind: string }>({
    'zh-CN': (p, f) => `这位母亲在系统中已有一笔未结的${word(CASE_WORDS, p.kind, f.lang)}：每位母亲同时只能有一笔在贷借款`,
    bo: (p, f) => `ཨ་མ་འདིར་མ་ལག་ནང་མཇུག་མ་སྒྲིལ་བའི་${word(CASE_WORDS, p.kind, f.lang)}ཞིག་ཡོད། ཨ་མ་རེར་དུས་གཅིག་ལ་བུ་ལོན་གཅིག་ཁོ་ན།`,
    en: (p, f) => `this mother already has an open ${word(CASE_WORDS, p.kind, f.lang)} in the system: one open loan per mother`,
  }),
  ledger_receipt_recorded: entry<{ receiptNo: string }>({
    'zh-CN': (p, f) => `${f.field}：收据 ${p.receiptNo} 在该乡已经登记过`,
    bo: (p, f) => `${f.field} འཛིན་ཤོག་ ${p.receiptNo} ཤང་འདིར་སྔོན་ནས་ཐོ་བཀོད་ཟིན།`,
    en: (p, f) => `${f.field}: receipt ${p.receiptNo} of this township is already recorded`,
  }),
  ledger_repayments_refused: entry({
    'zh-CN': () => '这笔借款的还款未通过检查',
    bo: () => 'བུ་ལོན་འདིའི་འཇལ་བ་ཞིབ་བཤེར་མ་འགྲིག',
    en: () => 'its repayments are refused',
  }),

  // ----- the ledger as a whole -----
  ledger_not_reconciled: entry<{ differences?: DifferenceParams[] }>({
    'zh-CN': (p, f) => `台账各行合计与纸质账簿合计不符（精确到分）${p.differences?.length ? `：${p.differences.map((d) => differenceText(d, f)).join('；')}` : '，请核对差额'}。未暂存任何数据`,
    bo: (p, f) => `རྩིས་ཁྲའི་ཐིག་ཕྲེང་གི་བསྡོམས་འབོར་དང་ཤོག་བུའི་རྩིས་ཁྲའི་བསྡོམས་འབོར་མི་མཐུན།${p.differences?.length ? ` ${p.differences.map((d) => differenceText(d, f)).join('། ')}` : ' ཁྱད་པར་ཞིབ་བཤེར་བྱེད་རོགས།'}`,
    en: (p, f) =>
      `the rows do not add up to the paper totals${p.differences?.length ? `: ${p.differences.map((d) => differenceText(d, f)).join('; ')}` : ' to the fen; see the differences'}. Nothing was staged`,
  }),
} satisfies Record<string, Entry<never>>;
