/**
 * The API's refusals in each language. An error names its message by `rule` (when the
 * throw site gives one) or by its `code`, with structured `params` (amounts in fen, dates
 * YYYY-MM-DD, counts, the unmet conditions); the catalogue writes the sentence. A code
 * not in the catalogue keeps the English message it was thrown with.
 */
import { clauses, date, list, yuan, yuanRange } from './format.ts';
import { fieldLabel } from './fields.ts';
import { IMPORT_ROW_MESSAGES } from './import-rows.ts';
import { LEDGER_ROW_MESSAGES } from './ledger-rows.ts';
import type { Lang } from './lang.ts';
import { PROGRAMME_ERROR_MESSAGES } from './errors-programme.ts';

export type ErrorParams = Record<string, unknown>;

/** What a message may use: the language, the field's label and the formatters bound to the language. */
export interface Fmt {
  lang: Lang;
  /** label of the error's field ("申请金额"), or '' */
  field: string;
  yuan: (fen: number) => string;
  range: (minFen: number, maxFen: number) => string;
  date: (iso: string) => string;
  list: (items: readonly string[]) => string;
  label: (field: string) => string;
}

type Render<P> = (p: P, f: Fmt) => string;
export type Entry<P> = Record<Lang, Render<P>>;
const entry = <P = Record<string, never>>(e: Entry<P>): Entry<P> => e;

export function fmtFor(lang: Lang, field?: string): Fmt {
  return {
    lang,
    field: fieldLabel(field, lang),
    yuan: (fen) => yuan(fen, lang),
    range: (a, b) => yuanRange(a, b, lang),
    date: (d) => date(d, lang),
    list: (xs) => list(xs, lang),
    label: (name) => fieldLabel(name, lang),
  };
}

// ---------- words used inside messages ----------

const W = (zh: string, bo: string, en: string): Record<Lang, string> => ({ 'zh-CN': zh, bo, en });
const word = (table: Record<string, Record<Lang, string>>, key: unknown, lang: Lang) => table[String(key)]?.[lang] ?? String(key);

/** Records named in "not found" and state messages. */
export const RECORD_WORDS: Record<string, Record<Lang, string>> = {
  application: W('申请', 'རེ་ཞུ།', 'application'),
  loan: W('贷款', 'བུ་ལོན།', 'loan'),
  round: W('轮次', 'སྐོར་རིམ།', 'round'),
  'round request': W('新轮次申请', 'སྐོར་རིམ་གསར་པའི་རེ་ཞུ།', 'round request'),
  objection: W('异议', 'དགག་བྱ།', 'objection'),
  'remittance batch': W('移交批次', 'རྩིས་སྤྲོད་ཚན་པ།', 'remittance batch'),
  office: W('单位', 'ལས་ཁུངས།', 'office'),
  record: W('记录', 'ཟིན་ཐོ།', 'record'),
  'confirmation list': W('报批名单', 'ཆོག་མཆན་ཞུ་བའི་མིང་ཐོ།', 'confirmation list'),
};

/** Statuses of applications and loans. */
export const STATUS_WORDS: Record<string, Record<Lang, string>> = {
  submitted: W('已提交', 'ཕུལ་ཟིན།', 'submitted'),
  approved: W('已批准', 'ཆོག་མཆན་ཐོབ།', 'approved'),
  rejected: W('未批准', 'ཆོག་མཆན་མ་ཐོབ།', 'rejected'),
  active: W('还款中', 'འཇལ་བཞིན་པ།', 'active'),
  overdue: W('逾期', 'དུས་ཡོལ།', 'overdue'),
  repaid: W('已还清', 'འཇལ་ཚར།', 'repaid'),
  written_off: W('已核销', 'རྩིས་མེད་བཏང་ཟིན།', 'written off'),
  open: W('进行中', 'སྒོ་ཕྱེ་ཡོད།', 'open'),
  closed: W('已结束', 'མཇུག་སྒྲིལ་ཟིན།', 'closed'),
  compliant: W('遵守计划生育政策', 'འཆར་གཞི་ལྟར་བྱས།', 'compliant'),
  one_child: W('独生子女户', 'བུ་ཕྲུག་གཅིག་པའི་ཁྱིམ་ཚང་', 'one-child household'),
  two_daughters: W('双女户', 'བུ་མོ་གཉིས་ཡོད་པའི་ཁྱིམ་ཚང་', 'two-daughter household'),
  violation: W('违反计划生育政策', 'འཆར་གཞི་ལས་འགལ།', 'violation'),
  shop: W('小商店', 'ཚོང་ཁང་ཆུང་ཆུང་', 'shop'),
  transport: W('运输', 'སྐྱེལ་འདྲེན།', 'transport'),
  livestock: W('养殖', 'ཕྱུགས་གསོ།', 'livestock'),
  farming: W('种植', 'ཞིང་ལས།', 'farming'),
  handicraft: W('手工艺', 'ལག་ཤེས།', 'handicraft'),
  service: W('服务', 'ཞབས་ཞུ།', 'service'),
  other: W('其他', 'གཞན།', 'other'),
  pending: W('待审批', 'ཐག་གཅོད་སྒུག་བཞིན།', 'pending'),
  dismissed: W('驳回', 'ཕྱིར་བསྐྱུར།', 'dismissed'),
  upheld: W('成立', 'ངོས་ལེན།', 'upheld'),
};

/** What a loan step is called, for "cannot … now". */
const STEP_WORDS: Record<string, Record<Lang, string>> = {
  approve: W('批准', 'ཆོག་མཆན་སྤྲོད་པ།', 'approve it'),
  reject: W('不予批准', 'ཁས་མི་ལེན་པ།', 'reject it'),
  record_agreement: W('登记借款协议', 'གན་རྒྱ་ཐོ་འགོད།', 'record an agreement'),
  disburse: W('放款', 'དངུལ་སྤྲོད་པ།', 'disburse'),
  evaluate: W('登记评估', 'བརྟག་དཔྱད་ཐོ་འགོད།', 'record an evaluation'),
  repay_part: W('登记还款', 'བུ་ལོན་འཇལ་བ་ཐོ་འགོད།', 'record a repayment'),
  repay_rest: W('登记还款', 'བུ་ལོན་འཇལ་བ་ཐོ་འགོད།', 'record a repayment'),
  mark_overdue: W('标记逾期', 'དུས་ཡོལ་རྟགས་འགོད།', 'mark it overdue'),
  write_off: W('核销', 'རྩིས་མེད་གཏོང་བ།', 'write it off'),
};

/** Evaluation kinds. */
export const EVALUATION_WORDS: Record<string, Record<Lang, string>> = {
  midterm: W('中期评估', 'བར་མའི་བརྟག་དཔྱད།', 'mid-term'),
  yearend: W('年终评估', 'ལོ་མཇུག་བརྟག་དཔྱད།', 'year-end'),
  final: W('终期评估', 'མཐའ་མའི་བརྟག་དཔྱད།', 'final'),
};

/** The screening rules (三不一优先 and the conditions), for "screening failed: …". */
export const SCREENING_RULE_WORDS: Record<string, Record<Lang, string>> = {
  family_planning: W('计划生育', 'བྱིས་པ་འཆར་གཞིར་བཀོད་པ།', 'family planning'),
  project_plan: W('脱贫项目计划', 'དབུལ་ཐར་ལས་གཞིའི་འཆར་གཞི།', 'project plan'),
  willing_to_work: W('劳动意愿', 'ལས་ཀ་བྱེད་འདོད།', 'will to work'),
  plan_credible: W('项目可行性', 'ལས་གཞི་འཐུས་ཚང་།', 'plan credible'),
  income_below_village: W('人均收入低于本村平均', 'མི་རེའི་ཡོང་འབབ་གྲོང་ཚོའི་ཆ་སྙོམས་ལས་དམའ།', 'income below the village average'),
  amount_in_range: W('金额在本轮范围内', 'དངུལ་འབོར་སྐོར་འདིའི་ཚད་ནང་།', 'amount within the round’s range'),
  capacity_to_repay: W('还款能力', 'བུ་ལོན་འཇལ་ནུས།', 'capacity to repay'),
  good_credit: W('信用良好', 'ཡིད་ཆེས་བཟང་།', 'good credit'),
};

/** Dates a date may not precede. */
const REFERENCE_WORDS: Record<string, Record<Lang, string>> = {
  application: W('申请日期', 'རེ་ཞུ་ཕུལ་བའི་ཚེས་གྲངས།', 'the application date'),
  notice: W('公示日期', 'གསལ་བསྒྲགས་ཀྱི་ཚེས་གྲངས།', 'the notice date'),
  objection: W('异议提出日期', 'དགག་བྱ་བཏོན་པའི་ཚེས་གྲངས།', 'the day the objection was raised'),
  round_opened: W('本轮开始日期', 'སྐོར་འདི་འགོ་ཚུགས་པའི་ཚེས་གྲངས།', 'the day the round opened'),
  evidence: W('所依据的最后一次走访或异议处理', 'གཞི་བཅོལ་བའི་ཐུག་འཕྲད་དམ་དགག་བྱའི་ཐག་གཅོད་མཐའ་མ།', 'the last visit or objection it relies on'),
  agreement: W('协议签订日期', 'གན་རྒྱར་མིང་རྟགས་བཀོད་པའི་ཚེས་གྲངས།', 'the agreement date'),
  disbursement: W('放款日期', 'དངུལ་སྤྲོད་ཚེས་གྲངས།', 'the disbursement date'),
  approval: W('批准日期', 'ཆོག་མཆན་ཚེས་གྲངས།', 'the approval date'),
  last_repayment: W('上一笔还款日期', 'སྔོན་མའི་བུ་ལོན་འཇལ་ཚེས།', 'the last repayment'),
};

const TYPE_WORDS: Record<string, Record<Lang, string>> = {
  string: W('文字', 'ཡི་གེ', 'text'),
  number: W('数字', 'ཨང་གྲངས།', 'a number'),
  int: W('整数', 'ཨང་གྲངས་ཆ་ཚང་།', 'a whole number'),
  boolean: W('是或否', 'ཡིན་ནམ་མིན།', 'true or false'),
  array: W('列表', 'ཐོ་གཞུང་།', 'a list'),
  object: W('一组字段', 'རེའུ་མིག་ཚོགས།', 'an object'),
};

const OFFICE_LEVEL_WORDS: Record<string, Record<Lang, string>> = {
  committee: W('组委会', 'ཨུ་ཡོན་ལྷན་ཁང་།', 'committee'),
  district: W('区', 'ཆུས།', 'district'),
  township: W('乡（镇、街道）', 'ཤང་།', 'township'),
  village: W('村（居委会）', 'གྲོང་ཚོ།', 'village'),
};

// ---------- approval blockers (params.unmet of approval_blocked) ----------

export type Blocker =
  | { rule: 'notice_missing' }
  | { rule: 'notice_running'; endsOn: string }
  | { rule: 'objections_open'; count: number }
  | { rule: 'objections_upheld'; count: number }
  | { rule: 'visits_missing'; count: number; required: number }
  | { rule: 'screening_failed'; rules: string[] }
  | { rule: 'round_closed' }
  | { rule: 'capital_short'; availableFen: number; amountFen: number }
  | { rule: 'capital_short_or_closed'; amountFen: number };

type BlockerOf<R extends Blocker['rule']> = Extract<Blocker, { rule: R }>;
const BLOCKERS: { [R in Blocker['rule']]: Entry<BlockerOf<R>> } = {
  notice_missing: { 'zh-CN': () => '尚未张贴公示', bo: () => 'གསལ་བསྒྲགས་ད་དུང་སྦྱར་མེད།', en: () => 'the public notice (公示) has not been posted' },
  notice_running: {
    'zh-CN': (p, f) => `公示期至${f.date(p.endsOn)}才结束`,
    bo: (p, f) => `གསལ་བསྒྲགས་ཀྱི་དུས་ཚོད་${f.date(p.endsOn)}བར་ཡིན།`,
    en: (p, f) => `the public notice period runs until ${f.date(p.endsOn)}`,
  },
  objections_open: {
    'zh-CN': (p) => `${p.count} 条异议尚未处理`,
    bo: (p) => `དགག་བྱ་ ${p.count} ཐག་གཅོད་བྱས་མེད།`,
    en: (p) => `${p.count} objection(s) are unresolved`,
  },
  objections_upheld: {
    'zh-CN': (p) => `${p.count} 条异议经核实成立`,
    bo: (p) => `དགག་བྱ་ ${p.count} ངོས་ལེན་བྱས་ཟིན།`,
    en: (p) => `${p.count} objection(s) were upheld`,
  },
  visits_missing: {
    'zh-CN': (p) => `已入户走访 ${p.count} 次，需至少 ${p.required} 次`,
    bo: (p) => `ཁྱིམ་ཚང་ལ་ཐུག་འཕྲད་ཐེངས་ ${p.count} བྱས་ཡོད། ཉུང་མཐར་ཐེངས་ ${p.required} དགོས།`,
    en: (p) => `${p.count} household visit(s) logged; ${p.required} are required`,
  },
  screening_failed: {
    'zh-CN': (p, f) => `资格审查未通过：${f.list(p.rules.map((r) => word(SCREENING_RULE_WORDS, r, f.lang)))}`,
    bo: (p, f) => `ཞིབ་བཤེར་ལས་མ་ཐར། ${f.list(p.rules.map((r) => word(SCREENING_RULE_WORDS, r, f.lang)))}`,
    en: (p, f) => `screening failed: ${f.list(p.rules.map((r) => word(SCREENING_RULE_WORDS, r, f.lang)))}`,
  },
  round_closed: { 'zh-CN': () => '本轮已结束', bo: () => 'སྐོར་འདི་མཇུག་སྒྲིལ་ཟིན།', en: () => 'the round is closed' },
  capital_short_or_closed: {
    'zh-CN': (p, f) => `本轮剩余资金不足 ${f.yuan(p.amountFen)}，或本轮已结束`,
    bo: (p, f) => `སྐོར་འདིའི་མ་དངུལ་ལྷག་མ་ ${f.yuan(p.amountFen)} ལ་མི་འདང་། ཡང་ན་སྐོར་འདི་མཇུག་སྒྲིལ་ཟིན།`,
    en: (p, f) => `the round has less than ${f.yuan(p.amountFen)} of capital left, or is closed`,
  },
  capital_short: {
    'zh-CN': (p, f) => `本轮剩余资金 ${f.yuan(p.availableFen)}，不足 ${f.yuan(p.amountFen)}`,
    bo: (p, f) => `སྐོར་འདིའི་མ་དངུལ་ལྷག་མ་${f.yuan(p.availableFen)}ལས་མེད། ${f.yuan(p.amountFen)}ལ་མི་འདང་།`,
    en: (p, f) => `the round has ${f.yuan(p.availableFen)} of capital left, less than ${f.yuan(p.amountFen)}`,
  },
};

export function blockerText(b: Blocker, lang: Lang): string {
  const e = BLOCKERS[b.rule] as Entry<Blocker> | undefined;
  return e ? e[lang](b, fmtFor(lang)) : b.rule;
}

// ---------- the catalogue ----------

type Ids = { ids?: string[]; count?: number };
const n = (p: Ids) => p.count ?? p.ids?.length ?? 0;

export const ERROR_MESSAGES = {
  ...PROGRAMME_ERROR_MESSAGES,
  // ----- generic codes (what a class means when no rule is given) -----
  validation_failed: entry({ 'zh-CN': (_p, f) => `${f.field || '输入'}不符合要求`, bo: (_p, f) => `${f.field || 'ནང་འཇུག'} ཆ་རྐྱེན་དང་མི་མཐུན།`, en: (_p, f) => `${f.field || 'the input'} is not valid` }),
  unauthenticated: entry({ 'zh-CN': () => '请先登录（需要有效的令牌）', bo: () => 'ཐོག་མར་ནང་དུ་འཛུལ་རོགས། (ནུས་ལྡན་གྱི་ལག་ཁྱེར་དགོས།)', en: () => 'a valid bearer token is required' }),
  forbidden: entry({
    'zh-CN': () => '您无权进行此操作，或该记录不在您单位的管辖范围内',
    bo: () => 'ཁྱེད་ལ་བྱ་བ་འདི་བྱེད་དབང་མེད། ཡང་ན་ཟིན་ཐོ་འདི་ཁྱེད་ཀྱི་ལས་ཁུངས་ཀྱི་ཁྱབ་ཁོངས་སུ་མེད།',
    en: () => 'you may not do this, or the record is outside your office',
  }),
  role_not_allowed: entry<{ role: string }>({
    'zh-CN': () => '您的岗位不能进行此操作',
    bo: () => 'ཁྱེད་ཀྱི་ལས་གནས་ཀྱིས་བྱ་བ་འདི་བྱེད་མི་ཆོག',
    en: (p) => `role ${p.role} may not do this`,
  }),
  not_found: entry<{ what: string }>({
    'zh-CN': (p, f) => `找不到该${word(RECORD_WORDS, p.what, f.lang)}`,
    bo: (p, f) => `${word(RECORD_WORDS, p.what, f.lang)} འདི་རྙེད་མ་སོང་།`,
    en: (p) => `no such ${p.what}`,
  }),
  conflict: entry({ 'zh-CN': () => '记录当前的状态不允许此操作', bo: () => 'ཟིན་ཐོའི་གནས་སྟངས་ཀྱིས་བྱ་བ་འདི་བྱེད་མི་ཆོག', en: () => 'the record is not in a state that allows this' }),
  concurrent_change: entry({
    'zh-CN': () => '该记录刚被他人同时修改，请刷新后重试',
    bo: () => 'ཟིན་ཐོ་འདི་མི་གཞན་ཞིག་གིས་དུས་མཚུངས་སུ་བཟོ་བཅོས་བྱས་སོང་། ཡང་བསྐྱར་ཀློག་ནས་ཚོད་ལྟ་གནང་རོགས།',
    en: () => 'the record was changed by another request at the same time; reload and try again',
  }),
  service_unavailable: entry({
    'zh-CN': () => '系统暂时无法访问数据库，未做任何修改，请稍后重试',
    bo: () => 'མ་ལག་གིས་གནས་ཚུལ་མཛོད་ལ་གནས་སྐབས་འབྲེལ་བ་བྱེད་མ་ཐུབ། ཅི་ཡང་བཟོ་བཅོས་བྱས་མེད། ཅུང་ཙམ་རྗེས་སུ་ཡང་བསྐྱར་ཚོད་ལྟ་གནང་རོགས།',
    en: () => 'the database is not reachable right now; nothing was changed, please retry',
  }),
  timed_out: entry({
    'zh-CN': () => '请求处理超时已停止，没有留下半完成的修改，请重试',
    bo: () => 'རེ་ཞུ་ཐག་གཅོད་ལ་དུས་ཚོད་ཡོལ་བས་མཚམས་བཞག ཅི་ཡང་བཟོ་བཅོས་བྱས་མེད། ཡང་བསྐྱར་ཚོད་ལྟ་གནང་རོགས།',
    en: () => 'the request took too long and was stopped; nothing half-written is kept, please retry',
  }),
  internal: entry({ 'zh-CN': () => '系统内部错误，可重试', bo: () => 'མ་ལག་ནང་ནོར་འཁྲུལ་བྱུང་། ཡང་བསྐྱར་ཚོད་ལྟ་བྱེད་ཆོག', en: () => 'internal error; the request may be retried' }),

  // ----- the request itself -----
  invalid_request: entry({ 'zh-CN': (_p, f) => `${f.field || '请求'}填写不正确`, bo: (_p, f) => `${f.field || 'རེ་ཞུ་'} འབྲི་སྟངས་མི་འགྲིག`, en: (_p, f) => `${f.field || 'the request'} is not valid` }),
  invalid_json: entry({ 'zh-CN': () => '请求内容必须是 JSON 对象', bo: () => 'རེ་ཞུའི་ནང་དོན་ JSON ཡིན་དགོས།', en: () => 'the request body must be a JSON object' }),
  payload_too_large: entry<{ maxBytes: number }>({
    'zh-CN': (p) => `请求内容不能超过 ${p.maxBytes} 字节`,
    bo: (p) => `རེ་ཞུའི་ནང་དོན་ཡིག་ཚིགས་ ${p.maxBytes} ལས་ལྷག་མི་ཆོག`,
    en: (p) => `the request body must be at most ${p.maxBytes} bytes`,
  }),
  idempotency_key_required: entry({
    'zh-CN': () => '此操作涉及资金，必须带 Idempotency-Key 请求头，以便安全重试',
    bo: () => 'བྱ་བ་འདི་དངུལ་དང་འབྲེལ་བས་ Idempotency-Key ངེས་པར་དུ་དགོས།',
    en: () => 'Idempotency-Key header is required: this request moves money and must be safe to retry',
  }),
  idempotency_key_format: entry({
    'zh-CN': () => 'Idempotency-Key 必须是 8–128 个字母、数字或 ._:-',
    bo: () => 'Idempotency-Key ནི་དབྱིན་ཡིག་དང་ཨང་ཀི། ._:- བཅས་ 8–128 ཡིན་དགོས།',
    en: () => 'Idempotency-Key must be 8-128 letters, digits or ._:-',
  }),
  idempotency_key_reused: entry({
    'zh-CN': () => '此 Idempotency-Key 已用于另一个请求，新请求请用新编号',
    bo: () => 'Idempotency-Key འདི་རེ་ཞུ་གཞན་ཞིག་ལ་བེད་སྤྱད་ཟིན། ཨང་གསར་པ་སྤྱོད་རོགས།',
    en: () => 'Idempotency-Key was already used for a different request; use a new key for a new request',
  }),
  method_not_allowed: entry({ 'zh-CN': () => '此接口不支持该请求方法', bo: () => 'འབྲེལ་མཐུད་འདིས་རེ་ཞུའི་ཐབས་ལམ་འདི་རྒྱབ་སྐྱོར་མི་བྱེད།', en: () => 'this method is not allowed on this route' }),
  no_route: entry({ 'zh-CN': () => '没有这个接口', bo: () => 'འབྲེལ་མཐུད་འདི་མེད།', en: () => 'no such route' }),
  not_a_record_id: entry<{ name: string }>({ 'zh-CN': () => '没有这条记录（编号格式不对）', bo: () => 'ཟིན་ཐོ་འདི་མེད། (ཨང་རྟགས་ཀྱི་རྣམ་པ་མི་འགྲིག)', en: (p) => `${p.name} is not a record id; no such record` }),
  bad_cursor: entry({
    'zh-CN': () => '翻页标记无效（筛选条件改变后需从第一页开始）',
    bo: () => 'ཤོག་ངོས་རྟགས་ནུས་མེད། ཤོག་ངོས་དང་པོ་ནས་འགོ་འཛུགས་རོགས།',
    en: () => 'is not a cursor returned by this list (lists change their cursor when their filters change)',
  }),

  // ----- values -----
  not_in_future: entry<{ today: string }>({
    'zh-CN': (p, f) => `${f.field}不能晚于今天（${f.date(p.today)}）`,
    bo: (p, f) => `${f.field} དེ་རིང་ (${f.date(p.today)}) ལས་རྗེས་སུ་ཡོང་མི་ཆོག`,
    en: (p, f) => `${f.field} must not be in the future (today is ${f.date(p.today)})`,
  }),
  not_before: entry<{ reference: string; date: string }>({
    'zh-CN': (p, f) => `${f.field}不能早于${word(REFERENCE_WORDS, p.reference, f.lang)}（${f.date(p.date)}）`,
    bo: (p, f) => `${f.field} ${word(REFERENCE_WORDS, p.reference, f.lang)} (${f.date(p.date)}) ལས་སྔོན་དུ་ཡོང་མི་ཆོག`,
    en: (p, f) => `${f.field} must not be before ${word(REFERENCE_WORDS, p.reference, f.lang)} (${f.date(p.date)})`,
  }),
  not_after: entry<{ reference: string; date: string }>({
    'zh-CN': (p, f) => `${f.field}不能晚于${word(REFERENCE_WORDS, p.reference, f.lang)}（${f.date(p.date)}）`,
    bo: (p, f) => `${f.field} ${word(REFERENCE_WORDS, p.reference, f.lang)} (${f.date(p.date)}) ལས་རྗེས་སུ་ཡོང་མི་ཆོག`,
    en: (p, f) => `${f.field} must not be after ${word(REFERENCE_WORDS, p.reference, f.lang)} (${f.date(p.date)})`,
  }),
  one_of: entry<{ values: string[] }>({
    'zh-CN': (p, f) => `${f.field}只能是：${f.list(p.values.map((v) => word(STATUS_WORDS, v, f.lang)))}`,
    bo: (p, f) => `${f.field} ནི་ ${f.list(p.values.map((v) => word(STATUS_WORDS, v, f.lang)))} ཡིན་དགོས།`,
    en: (p, f) => `${f.field} must be one of ${f.list(p.values)}`,
  }),
  office_level: entry<{ levels: string[] }>({
    'zh-CN': (p, f) => `${f.field}必须是${p.levels.map((l) => word(OFFICE_LEVEL_WORDS, l, f.lang)).join('或')}单位`,
    bo: (p, f) => `${f.field} ནི་ ${f.list(p.levels.map((l) => word(OFFICE_LEVEL_WORDS, l, f.lang)))} གི་ལས་ཁུངས་ཡིན་དགོས།`,
    en: (p, f) => `${f.field} must be a ${p.levels.join(' or ')} office`,
  }),
  office_missing: entry<{ officeId: string }>({
    'zh-CN': (p, f) => `${f.field}所指的单位 ${p.officeId} 不存在`,
    bo: (p, f) => `${f.field} ནང་གི་ལས་ཁུངས་ ${p.officeId} མེད།`,
    en: (p, f) => `${f.field} names office ${p.officeId}, which does not exist`,
  }),
  office_below_committee: entry({
    'zh-CN': () => '单位编号必须位于组委会之下（如 lhasa.chengguan）',
    bo: () => 'ལས་ཁུངས་ཀྱི་ཨང་རྟགས་ཨུ་ཡོན་ལྷན་ཁང་གི་འོག་ཏུ་ཡོད་དགོས། (དཔེར་ན་ lhasa.chengguan)',
    en: () => 'must name an office below the committee (dotted path)',
  }),
  round_missing: entry({ 'zh-CN': () => '所选轮次不存在', bo: () => 'བདམས་པའི་སྐོར་རིམ་མེད།', en: () => 'names a round that does not exist' }),
  round_other_district: entry({ 'zh-CN': () => '所选轮次不属于该村所在的区', bo: () => 'བདམས་པའི་སྐོར་རིམ་གྲོང་ཚོ་འདིའི་ཆུས་ཀྱི་མིན།', en: () => 'the round belongs to another district than the village' }),
  district_round_mismatch: entry({ 'zh-CN': () => '所选区与轮次所属的区不一致', bo: () => 'བདམས་པའི་ཆུས་དང་སྐོར་རིམ་གྱི་ཆུས་མི་མཐུན།', en: () => 'names another district than the round’s' }),
  amount_out_of_range: entry<{ minFen: number; maxFen: number }>({
    'zh-CN': (p, f) => `${f.field}必须在 ${f.range(p.minFen, p.maxFen)}之间`,
    bo: (p, f) => `${f.field} ${f.range(p.minFen, p.maxFen)} བར་ཡིན་དགོས།`,
    en: (p, f) => `${f.field} must be within the round’s range of ${f.range(p.minFen, p.maxFen)}`,
  }),
  amount_above_requested: entry<{ requestedFen: number }>({
    'zh-CN': (p, f) => `${f.field}不能超过申请金额 ${f.yuan(p.requestedFen)}`,
    bo: (p, f) => `${f.field} ཞུ་བའི་དངུལ་འབོར་ ${f.yuan(p.requestedFen)} ལས་བརྒལ་མི་ཆོག`,
    en: (p, f) => `${f.field} must not exceed the ${f.yuan(p.requestedFen)} asked for`,
  }),
  amount_must_equal_approved: entry<{ approvedFen: number }>({
    'zh-CN': (p, f) => `放款金额必须等于批准金额 ${f.yuan(p.approvedFen)}`,
    bo: (p, f) => `དངུལ་སྤྲོད་འབོར་ཚད་ཆོག་མཆན་ཐོབ་པའི་ ${f.yuan(p.approvedFen)} དང་མཉམ་དགོས།`,
    en: (p, f) => `must equal the approved amount of ${f.yuan(p.approvedFen)}`,
  }),
  amount_positive: entry({ 'zh-CN': (_p, f) => `${f.field}必须大于零`, bo: (_p, f) => `${f.field} ཀླད་ཀོར་ལས་མང་བ་དགོས།`, en: () => 'must be a positive whole number of fen' }),
  exceeds_balance: entry<{ balanceFen: number }>({
    'zh-CN': (p, f) => `${f.field}超过了未还余额 ${f.yuan(p.balanceFen)}`,
    bo: (p, f) => `${f.field} འཇལ་རྒྱུ་ལྷག་མ་ ${f.yuan(p.balanceFen)} ལས་བརྒལ་འདུག`,
    en: (p, f) => `${f.field} exceeds the outstanding balance of ${f.yuan(p.balanceFen)}`,
  }),
  mother_not_present: entry({ 'zh-CN': () => '母亲本人必须到场领取借款', bo: () => 'ཨ་མ་རང་ཉིད་ཡོང་ནས་བུ་ལོན་ལེན་དགོས།', en: () => 'the mother must come in person to receive the money' }),
  id_not_checked: entry({
    'zh-CN': () => '放款时必须核验母亲的身份证',
    bo: () => 'དངུལ་སྤྲོད་སྐབས་ཨ་མའི་ཐོབ་ཐང་ལག་འཁྱེར་ཞིབ་བཤེར་བྱེད་དགོས།',
    en: () => 'the mother’s resident ID card must be checked at disbursement',
  }),
  notice_too_short: entry<{ days: number }>({
    'zh-CN': (p) => `公示期不能短于本轮规定的 ${p.days} 天`,
    bo: (p) => `གསལ་བསྒྲགས་ཀྱི་དུས་ཚོད་སྐོར་འདིའི་ཉིན་ ${p.days} ལས་ཐུང་མི་ཆོག`,
    en: (p) => `must be at least the round’s notice period of ${p.days} days`,
  }),

  // ----- states -----
  wrong_state: entry<{ status: string; step?: string }>({
    'zh-CN': (p, f) => `该记录${word(STATUS_WORDS, p.status, f.lang)}，现在不能${p.step ? word(STEP_WORDS, p.step, f.lang) : '修改'}`,
    bo: (p, f) => `ཟིན་ཐོ་འདི་${word(STATUS_WORDS, p.status, f.lang)} ཡིན་པས་ད་ལྟ་${p.step ? word(STEP_WORDS, p.step, f.lang) : 'བཟོ་བཅོས།'} བྱེད་མི་ཆོག`,
    en: (p, f) => `it is ${word(STATUS_WORDS, p.status, f.lang)}; it cannot ${p.step ? word(STEP_WORDS, p.step, f.lang) : 'be changed'} now`,
  }),
  round_closed: entry({ 'zh-CN': () => '本轮已结束，不再受理申请', bo: () => 'སྐོར་འདི་མཇུག་སྒྲིལ་ཟིན་པས་རེ་ཞུ་ལེན་མི་ཐུབ།', en: () => 'the round is closed' }),
  mother_has_open_case: entry<{ kind?: string }>({
    'zh-CN': (p, f) => `这位母亲已有一笔未结的${word(RECORD_WORDS, p.kind ?? 'application', f.lang)}，还清或未获批准后才能再次申请`,
    bo: (p, f) => `ཨ་མ་འདིར་མཇུག་མ་སྒྲིལ་བའི་${word(RECORD_WORDS, p.kind ?? 'application', f.lang)}ཞིག་ཡོད། འཇལ་ཚར་རྗེས་སམ་ཆོག་མཆན་མ་ཐོབ་རྗེས་ཡང་བསྐྱར་ཞུ་ཆོག`,
    en: (p) => `this mother already has an open ${p.kind ?? 'case'}; she may apply again after it is repaid or rejected`,
  }),
  already_recorded: entry<{ on?: string }>({
    'zh-CN': (p, f) => (p.on ? `已于${f.date(p.on)}登记过，不能重复登记` : '已登记过，不能重复登记'),
    bo: (p, f) => (p.on ? `${f.date(p.on)} ལ་ཐོ་བཀོད་ཟིན། ཡང་བསྐྱར་ཐོ་འགོད་མི་ཆོག` : 'ཐོ་བཀོད་ཟིན། ཡང་བསྐྱར་ཐོ་འགོད་མི་ཆོག'),
    en: (p, f) => (p.on ? `already recorded on ${f.date(p.on)}` : 'already recorded'),
  }),
  notice_missing: entry({ 'zh-CN': () => '尚未张贴公示', bo: () => 'གསལ་བསྒྲགས་ད་དུང་སྦྱར་མེད།', en: () => 'the public notice has not been posted yet' }),
  already_resolved: entry<{ status?: string }>({
    'zh-CN': () => '该异议已处理过',
    bo: () => 'དགག་བྱ་འདི་ཐག་གཅོད་བྱས་ཟིན།',
    en: () => 'the objection is already resolved',
  }),
  agreement_missing: entry({
    'zh-CN': () => '借款协议尚未签订登记，不能放款',
    bo: () => 'བུ་ལོན་གན་རྒྱ་མིང་རྟགས་བཀོད་ནས་ཐོ་འགོད་བྱས་མེད་པས་དངུལ་སྤྲོད་མི་ཆོག',
    en: () => 'cannot disburse: the loan agreement has not been signed and recorded',
  }),
  approval_blocked: entry<{ unmet: Blocker[] }>({
    'zh-CN': (p, f) =>
      `暂不能批准：${clauses(
        p.unmet.map((b) => blockerText(b, f.lang)),
        f.lang,
      )}`,
    bo: (p, f) =>
      `ད་ལྟ་ཆོག་མཆན་སྤྲོད་མི་ཐུབ། ${clauses(
        p.unmet.map((b) => blockerText(b, f.lang)),
        f.lang,
      )}`,
    en: (p, f) =>
      `cannot approve: ${clauses(
        p.unmet.map((b) => blockerText(b, f.lang)),
        f.lang,
      )}`,
  }),
  evaluation_recorded: entry<{ kind: string; scheduled: boolean }>({
    'zh-CN': (p, f) => (p.scheduled ? `该贷款的${word(EVALUATION_WORDS, p.kind, f.lang)}已全部登记` : `该贷款的计划中没有${word(EVALUATION_WORDS, p.kind, f.lang)}`),
    bo: (p, f) => (p.scheduled ? `བུ་ལོན་འདིའི་${word(EVALUATION_WORDS, p.kind, f.lang)}ཚང་མ་ཐོ་བཀོད་ཟིན།` : `བུ་ལོན་འདིའི་འཆར་གཞིའི་ནང་${word(EVALUATION_WORDS, p.kind, f.lang)}མེད།`),
    en: (p) => (p.scheduled ? `every ${p.kind} evaluation of this loan is already recorded` : `this loan's schedule has no ${p.kind} evaluation`),
  }),
  request_pending: entry({
    'zh-CN': () => '本区已有一份新轮次申请在等待组委会决定',
    bo: () => 'ཆུས་འདིའི་སྐོར་རིམ་གསར་པའི་རེ་ཞུ་ཞིག་ཨུ་ཡོན་ལྷན་ཁང་གི་ཐག་གཅོད་སྒུག་བཞིན་ཡོད།',
    en: () => 'a request of this district is still pending',
  }),
  fund_insufficient: entry<{ amountFen: number }>({
    'zh-CN': (p, f) => `本区可周转资金不足 ${f.yuan(p.amountFen)}，需组委会拨付差额（新拨资金）`,
    bo: (p, f) => `ཆུས་འདིའི་བསྐྱར་སྤྲོད་རུང་བའི་མ་དངུལ་ ${f.yuan(p.amountFen)} ལ་མི་འདང་། ཨུ་ཡོན་ལྷན་ཁང་གིས་ཁྱད་པར་སྤྲོད་དགོས།`,
    en: (p, f) => `the district's fund has less than ${f.yuan(p.amountFen)} available to re-lend; the committee must grant the difference (grantFen)`,
  }),
  exists: entry({ 'zh-CN': () => '该单位已存在', bo: () => 'ལས་ཁུངས་འདི་ཡོད་ཟིན།', en: () => 'the office already exists' }),
  already_handed_on: entry<Ids>({
    'zh-CN': (p) => `${n(p)} 笔还款已由其他批次移交；每笔还款每一级只能移交一次`,
    bo: (p) => `བུ་ལོན་འཇལ་བ་ ${n(p)} ཚན་པ་གཞན་གྱིས་རྩིས་སྤྲོད་བྱས་ཟིན། རིམ་པ་རེར་ཐེངས་གཅིག་ལས་མི་ཆོག`,
    en: (p) => `${n(p)} repayment(s) were already handed on; a repayment travels in one batch per level`,
  }),
  not_received: entry<Ids>({
    'zh-CN': (p) => `${n(p)} 笔还款尚未移交到区，需先由乡（街道）移交`,
    bo: (p) => `བུ་ལོན་འཇལ་བ་ ${n(p)} ད་དུང་ཆུས་ལ་སླེབས་མེད། ཤང་གིས་སྔོན་ལ་རྩིས་སྤྲོད་དགོས།`,
    en: (p) => `${n(p)} repayment(s) have not reached the district yet; the township hands them over first`,
  }),
  repayments_repeated: entry<Ids>({
    'zh-CN': (p) => `同一笔还款被列了不止一次（${n(p)} 笔）`,
    bo: (p) => `བུ་ལོན་འཇལ་བ་གཅིག་ཐེངས་གཅིག་ལས་མང་བ་བཀོད་འདུག (${n(p)})`,
    en: (p) => `names repayment(s) more than once (${n(p)})`,
  }),
  repayments_unknown: entry<Ids>({
    'zh-CN': (p) => `${n(p)} 笔还款记录不存在`,
    bo: (p) => `བུ་ལོན་འཇལ་བའི་ཟིན་ཐོ་ ${n(p)} མེད།`,
    en: (p) => `names ${n(p)} repayment(s) that do not exist`,
  }),
  batch_too_large: entry<{ max: number }>({
    'zh-CN': (p) => `一个批次最多 ${p.max} 笔还款`,
    bo: (p) => `ཚན་པ་གཅིག་ལ་བུ་ལོན་འཇལ་བ་མང་མཐར་ ${p.max} ལས་མི་ཆོག`,
    en: (p) => `may name at most ${p.max} repayments`,
  }),
  handed_over_too_early: entry<Ids>({
    'zh-CN': (p, f) => `${f.field}不能早于这些还款到达的日期（${n(p)} 笔）`,
    bo: (p, f) => `${f.field} བུ་ལོན་འཇལ་བ་འདི་དག་སླེབས་པའི་ཚེས་གྲངས་ལས་སྔ་མི་ཆོག (${n(p)})`,
    en: (p) => `must not be before the repayment(s) were collected or received (${n(p)})`,
  }),

  // ----- bulk import: the file -----
  file_unreadable: entry<{ detail: string }>({
    'zh-CN': () => '文件无法读取：请上传 UTF-8 编码的 CSV（Excel：另存为 → CSV UTF-8）或 .xlsx 工作簿',
    bo: () => 'ཡིག་ཆ་ཀློག་མི་ཐུབ། UTF-8 ཡི་ CSV ཡང་ན་ .xlsx ཡིག་ཆ་ཕུལ་རོགས།',
    en: (p) => `the file ${p.detail}`,
  }),
  file_columns: entry<{ missing: string[]; unknown: string[]; repeated: string[]; line: number }>({
    'zh-CN': (p) =>
      `第 ${p.line} 行表头有误：${[p.missing.length ? `缺少列 ${p.missing.join('、')}` : '', p.unknown.length ? `无法识别的列 ${p.unknown.join('、')}` : '', p.repeated.length ? `重复的列 ${p.repeated.join('、')}` : ''].filter(Boolean).join('；')}`,
    bo: (p) =>
      `ཕྲེང་ ${p.line} པའི་མགོ་བྱང་ནོར་འདུག ${[p.missing.length ? `མེད་པའི་སྟར་ ${p.missing.join('། ')}` : '', p.unknown.length ? `ངོས་མི་ཟིན་པའི་སྟར་ ${p.unknown.join('། ')}` : '', p.repeated.length ? `བསྐྱར་ཟློས་ ${p.repeated.join('། ')}` : ''].filter(Boolean).join('། ')}`,
    en: (p) =>
      `header on line ${p.line}: ${[p.missing.length ? `missing column(s) ${p.missing.join(', ')}` : '', p.unknown.length ? `unknown column(s) ${p.unknown.join(', ')}` : '', p.repeated.length ? `repeated column(s) ${p.repeated.join(', ')}` : ''].filter(Boolean).join('; ')}`,
  }),
  file_no_rows: entry({
    'zh-CN': () => '文件中没有申请：需要一行表头和每位母亲一行',
    bo: () => 'ཡིག་ཆའི་ནང་རེ་ཞུ་མེད། མགོ་བྱང་ཕྲེང་གཅིག་དང་ཨ་མ་རེར་ཕྲེང་གཅིག་དགོས།',
    en: () => 'the file has no applications: it needs a header row and one row per application',
  }),
  file_too_many_rows: entry<{ rows: number; max: number }>({
    'zh-CN': (p) => `文件有 ${p.rows} 行申请，一次最多导入 ${p.max} 行，请拆分文件`,
    bo: (p) => `ཡིག་ཆའི་ནང་རེ་ཞུ་ཕྲེང་ ${p.rows} ཡོད། ཐེངས་གཅིག་ལ་མང་མཐར་ ${p.max} ལས་ནང་འདྲེན་མི་ཐུབ།`,
    en: (p) => `the file has ${p.rows} application rows; at most ${p.max} may be imported at once: split the file`,
  }),
  // ----- bulk import: one row (./import-rows.ts) -----
  ...IMPORT_ROW_MESSAGES,
  // ----- ledger import: a sheet, a row, the paper totals (./ledger-rows.ts) -----
  ...LEDGER_ROW_MESSAGES,
  // ----- request fields (zod validation failures, see ./zod.ts) -----
  required: entry({ 'zh-CN': (_p, f) => `${f.field}必须填写`, bo: (_p, f) => `${f.field} ངེས་པར་དུ་འབྲི་དགོས།`, en: (_p, f) => `${f.field} is required` }),
  wrong_type: entry<{ expected: string }>({
    'zh-CN': (p, f) => `${f.field}应为${word(TYPE_WORDS, p.expected, f.lang)}`,
    bo: (p, f) => `${f.field} ${word(TYPE_WORDS, p.expected, f.lang)} ཡིན་དགོས།`,
    en: (p, f) => `${f.field} must be ${word(TYPE_WORDS, p.expected, f.lang)}`,
  }),
  whole_fen: entry({
    'zh-CN': (_p, f) => `${f.field}必须是整数（以分为单位，1 元 = 100 分）`,
    bo: (_p, f) => `${f.field} ཧྥན་གྱི་གྲངས་ཆ་ཚང་ཡིན་དགོས། (སྒོར་ 1 = ཧྥན་ 100)`,
    en: (_p, f) => `${f.field} must be a whole number of fen (1 yuan = 100 fen)`,
  }),
  min_amount: entry<{ minimumFen: number }>({
    'zh-CN': (p, f) => `${f.field}不能少于 ${f.yuan(p.minimumFen)}`,
    bo: (p, f) => `${f.field} ${f.yuan(p.minimumFen)} ལས་ཉུང་མི་ཆོག`,
    en: (p, f) => `${f.field} must be at least ${f.yuan(p.minimumFen)}`,
  }),
  max_amount: entry<{ maximumFen: number }>({
    'zh-CN': (p, f) => `${f.field}不能超过 ${f.yuan(p.maximumFen)}`,
    bo: (p, f) => `${f.field} ${f.yuan(p.maximumFen)} ལས་བརྒལ་མི་ཆོག`,
    en: (p, f) => `${f.field} must be at most ${f.yuan(p.maximumFen)}`,
  }),
  min_number: entry<{ minimum: number }>({
    'zh-CN': (p, f) => `${f.field}不能小于 ${p.minimum}`,
    bo: (p, f) => `${f.field} ${p.minimum} ལས་ཆུང་མི་ཆོག`,
    en: (p, f) => `${f.field} must be at least ${p.minimum}`,
  }),
  max_number: entry<{ maximum: number }>({
    'zh-CN': (p, f) => `${f.field}不能大于 ${p.maximum}`,
    bo: (p, f) => `${f.field} ${p.maximum} ལས་ཆེ་མི་ཆོག`,
    en: (p, f) => `${f.field} must be at most ${p.maximum}`,
  }),
  not_empty: entry({ 'zh-CN': (_p, f) => `${f.field}不能为空`, bo: (_p, f) => `${f.field} སྟོང་པ་ཡིན་མི་ཆོག`, en: (_p, f) => `${f.field} must not be empty` }),
  max_length: entry<{ maximum: number }>({
    'zh-CN': (p, f) => `${f.field}最多 ${p.maximum} 个字`,
    bo: (p, f) => `${f.field} ཡིག་འབྲུ་མང་མཐར་ ${p.maximum} ལས་མི་ཆོག`,
    en: (p, f) => `${f.field} must be at most ${p.maximum} characters`,
  }),
  min_items: entry<{ minimum: number }>({
    'zh-CN': (p, f) => `${f.field}至少要有 ${p.minimum} 项`,
    bo: (p, f) => `${f.field} ཉུང་མཐར་ ${p.minimum} དགོས།`,
    en: (p, f) => `${f.field} needs at least ${p.minimum} item(s)`,
  }),
  max_items: entry<{ maximum: number }>({
    'zh-CN': (p, f) => `${f.field}最多 ${p.maximum} 项`,
    bo: (p, f) => `${f.field} མང་མཐར་ ${p.maximum} ལས་མི་ཆོག`,
    en: (p, f) => `${f.field} may have at most ${p.maximum} item(s)`,
  }),
  unknown_fields: entry<{ keys: string[] }>({
    'zh-CN': (p) => `有无法识别的字段：${p.keys.join('、')}`,
    bo: (p) => `ངོས་མི་ཟིན་པའི་རེའུ་མིག ${p.keys.join('། ')}`,
    en: (p) => `has unknown field(s): ${p.keys.join(', ')}`,
  }),
  date: entry({
    'zh-CN': (_p, f) => `${f.field}必须是真实的日期，格式为 YYYY-MM-DD`,
    bo: (_p, f) => `${f.field} ཚེས་གྲངས་ངོ་མ་ཡིན་དགོས། (YYYY-MM-DD)`,
    en: (_p, f) => `${f.field} must be a real calendar date written YYYY-MM-DD (years 1900-2200)`,
  }),
  office_id: entry({
    'zh-CN': (_p, f) => `${f.field}必须是单位编号，如 lhasa.chengguan.caigongtang`,
    bo: (_p, f) => `${f.field} ལས་ཁུངས་ཀྱི་ཨང་རྟགས་ཡིན་དགོས། (དཔེར་ན lhasa.chengguan.caigongtang)`,
    en: (_p, f) => `${f.field} must be an office id such as lhasa.chengguan.caigongtang`,
  }),
  record_id: entry({
    'zh-CN': (_p, f) => `${f.field}必须是记录编号（26 位）`,
    bo: (_p, f) => `${f.field} ཟིན་ཐོའི་ཨང་རྟགས་ (ཡིག་འབྲུ་ 26) ཡིན་དགོས།`,
    en: (_p, f) => `${f.field} must be a record id (26 characters)`,
  }),
  mobile: entry({ 'zh-CN': (_p, f) => `${f.field}必须是 11 位手机号`, bo: (_p, f) => `${f.field} ཨང་གྲངས་ 11 ཡོད་པའི་ཁ་པར་ཨང་ཡིན་དགོས།`, en: (_p, f) => `${f.field} must be an 11-digit mobile number` }),
  control_chars: entry({
    'zh-CN': (_p, f) => `${f.field}含有无法显示的控制字符`,
    bo: (_p, f) => `${f.field} ནང་མངོན་མི་ཐུབ་པའི་ཡིག་རྟགས་འདུག`,
    en: (_p, f) => `${f.field} must not contain control characters`,
  }),
  resident_id_shape: entry({
    'zh-CN': (_p, f) => `${f.field}必须是 18 位：17 位数字加一位数字或 X`,
    bo: (_p, f) => `${f.field} ཨང་ཀི་ 17 དང་ཨང་ཀི་གཅིག་གམ་ X བཅས་ 18 ཡིན་དགོས།`,
    en: (_p, f) => `${f.field} must be 18 characters: 17 digits and a digit or X`,
  }),
  resident_id_birth_date: entry({
    'zh-CN': (_p, f) => `${f.field}第 7–14 位必须是真实的出生日期`,
    bo: (_p, f) => `${f.field} ཡི་ཡིག་འབྲུ་ 7–14 སྐྱེས་ཚེས་ངོ་མ་ཡིན་དགོས།`,
    en: (_p, f) => `${f.field}: characters 7-14 must be a real date of birth (YYYYMMDD), not in the future`,
  }),
  resident_id_checksum: entry({
    'zh-CN': (_p, f) => `${f.field}校验位不对，请核对号码`,
    bo: (_p, f) => `${f.field} ཡི་ཞིབ་བཤེར་ཨང་མི་འགྲིག ཨང་གྲངས་ཞིབ་བཤེར་གནང་རོགས།`,
    en: (_p, f) => `${f.field}: check character does not match (GB 11643 / ISO 7064 MOD 11-2)`,
  }),
  sum_of: entry<{ other: string; sumFen: number }>({
    'zh-CN': (p, f) => `${f.field}必须等于各笔${f.label(p.other)}之和 ${f.yuan(p.sumFen)}`,
    bo: (p, f) => `${f.field} ${f.label(p.other)} ཡི་བསྡོམས་འབོར་ ${f.yuan(p.sumFen)} དང་མཉམ་དགོས།`,
    en: (p, f) => `${f.field} must equal the sum of the ${f.label(p.other)} (${f.yuan(p.sumFen)})`,
  }),
  not_above: entry<{ other: string }>({
    'zh-CN': (p, f) => `${f.field}不能大于${f.label(p.other)}`,
    bo: (p, f) => `${f.field} ${f.label(p.other)} ལས་ཆེ་མི་ཆོག`,
    en: (p, f) => `${f.field} must not exceed ${f.label(p.other)}`,
  }),
  district_only: entry({ 'zh-CN': (_p, f) => `只有区项目办才有${f.field}`, bo: (_p, f) => `${f.field} ཆུས་ཀྱི་ལས་ཁུངས་ཁོ་ནར་ཡོད།`, en: (_p, f) => `${f.field} is given to district offices only` }),
  before_term_end: entry({
    'zh-CN': (_p, f) => `${f.field}必须在借款期限结束之前`,
    bo: (_p, f) => `${f.field} བུ་ལོན་དུས་ཚོད་མ་རྫོགས་གོང་ཡིན་དགོས།`,
    en: (_p, f) => `${f.field} must fall before the end of the term (termMonths)`,
  }),
  increasing: entry({ 'zh-CN': (_p, f) => `${f.field}必须从小到大排列`, bo: (_p, f) => `${f.field} ཆུང་ནས་ཆེ་རུ་གོ་རིམ་བཞིན་ཡིན་དགོས།`, en: (_p, f) => `${f.field} must be in increasing order` }),
  no_repeats: entry({ 'zh-CN': (_p, f) => `${f.field}不能重复`, bo: (_p, f) => `${f.field} བསྐྱར་ཟློས་བྱེད་མི་ཆོག`, en: (_p, f) => `${f.field} must not repeat an item` }),
  final_only: entry({
    'zh-CN': (_p, f) => `${f.field}只在终期评估时填写`,
    bo: (_p, f) => `${f.field} མཐའ་མའི་བརྟག་དཔྱད་སྐབས་ཁོ་ནར་འབྲི་དགོས།`,
    en: (_p, f) => `${f.field} is recorded only on the final evaluation`,
  }),
  final_required: entry({
    'zh-CN': (_p, f) => `终期评估必须填写${f.field}`,
    bo: (_p, f) => `མཐའ་མའི་བརྟག་དཔྱད་ལ་${f.field} ངེས་པར་དུ་འབྲི་དགོས།`,
    en: (_p, f) => `${f.field} is required on the final evaluation`,
  }),
  mother_signs: entry({ 'zh-CN': (_p, f) => `${f.field}必须包括母亲本人`, bo: (_p, f) => `${f.field} ནང་ཨ་མ་རང་ཉིད་ཚུད་དགོས།`, en: (_p, f) => `${f.field} must include the mother (party "mother")` }),
  amount_given_once: entry({
    'zh-CN': () => '批准金额请只填 amountApprovedFen',
    bo: () => 'ཆོག་མཆན་དངུལ་འབོར་ amountApprovedFen ཁོ་ན་འབྲི་རོགས།',
    en: () => 'give the approved amount once, as amountApprovedFen',
  }),
  separation_of_duties: entry<{ step?: string }>({
    'zh-CN': (_p, f) => `四眼原则：同一个人不能既${f.field || '办理前一步'}又办理这一步，请由另一位工作人员办理`,
    bo: (_p, f) => `མིག་བཞིའི་སྒྲིག་གཞི། མི་གཅིག་གིས་${f.field || 'གོ་རིམ་སྔ་མ'} དང་གོ་རིམ་འདི་གཉིས་ཀ་བྱེད་མི་ཆོག ལས་བྱེད་པ་གཞན་ཞིག་གིས་བྱེད་རོགས།`,
    en: (_p, f) => `separation of duties: the person who did the earlier step (${f.field || 'an earlier step'}) may not do this one; another staff member must`,
  }),
  duplicate_receipt: entry({
    'zh-CN': () => '这个收据号在本乡（街道）已经登记过一笔还款，每张纸质收据只能登记一次',
    bo: () => 'འཛིན་ཤོག་ཨང་འདི་ཤང་འདིར་སྔོན་ནས་འཇལ་འབབ་ཅིག་ལ་ཐོ་བཀོད་ཟིན། འཛིན་ཤོག་རེར་ཐེངས་གཅིག་ཁོ་ན་ཐོ་འགོད་ཆོག',
    en: () => 'this receipt number was already used for a repayment in this township; each paper receipt is recorded once',
  }),
  receipt_already_recorded: entry({
    'zh-CN': () => '这个收据号在本乡（街道）已经登记过，每张纸质收据只能登记一次',
    bo: () => 'འཛིན་ཤོག་ཨང་འདི་ཤང་འདིར་སྔོན་ནས་ཐོ་བཀོད་ཟིན། འཛིན་ཤོག་རེར་ཐེངས་གཅིག་ཁོ་ན་ཐོ་འགོད་ཆོག',
    en: () => 'this receipt number was already recorded in this township; each paper receipt is recorded once',
  }),
  staff_unknown: entry({
    'zh-CN': () => '人员名录中没有您的记录，请联系项目办添加',
    bo: () => 'ལས་བྱེད་པའི་ཐོ་ཡིག་ནང་ཁྱེད་ཀྱི་ཟིན་ཐོ་མེད། ལས་གཞི་གཟིམ་ཚང་ལ་འབྲེལ་བ་བྱེད་རོགས།',
    en: () => 'you are not in the staff directory; ask your project office to add you',
  }),
  staff_inactive: entry({
    'zh-CN': () => '您在人员名录中已停用，不能再办理业务',
    bo: () => 'ལས་བྱེད་པའི་ཐོ་ཡིག་ནང་ཁྱེད་ལས་མཚམས་བཞག་ཟིན།',
    en: () => 'your account has been deactivated in the staff directory',
  }),
  username_taken: entry({
    'zh-CN': () => '这个用户名已经有人使用',
    bo: () => 'སྤྱོད་མཁན་གྱི་མིང་འདི་མི་གཞན་གྱིས་བེད་སྤྱོད་བྱས་ཟིན།',
    en: () => 'this username is already taken',
  }),
  invalid_encoding: entry({
    'zh-CN': (_p, f) => `${f.field || '请求内容'}不是有效的 UTF-8 文本`,
    bo: (_p, f) => `${f.field || 'རེ་ཞུའི་ནང་དོན'} UTF-8 ཡིག་རྐྱང་ཏག་ཏག་མིན།`,
    en: (_p, f) => `${f.field || 'the request body'} is not valid UTF-8 text`,
  }),
  ledger_rows_refused: entry({
    'zh-CN': () => '台账中有未通过检查的行，请按逐行报告改正后再导入',
    bo: () => 'རྩིས་ཁྲའི་ནང་ཞིབ་བཤེར་མ་འགྲིག་པའི་ཐིག་ཕྲེང་ཡོད། ཐིག་ཕྲེང་སོ་སོའི་སྙན་ཐོ་ལྟར་བཅོས་རྗེས་ནང་འདྲེན་བྱེད་རོགས།',
    en: () => 'some ledger rows were refused; correct them as the row report says, then import again',
  }),
  // ledger_not_reconciled: with the ledger's rows (./ledger-rows.ts)
  already_imported: entry({
    'zh-CN': () => '这份台账已经导入过，不会重复导入',
    bo: () => 'རྩིས་ཁྲ་འདི་སྔོན་ནས་ནང་འདྲེན་བྱས་ཟིན། ཡང་བསྐྱར་ནང་འདྲེན་མི་བྱེད།',
    en: () => 'this ledger was already imported; nothing is created twice',
  }),
  ledger_import_pending: entry({
    'zh-CN': () => '本区已有一批台账等待组委会审核或正在写入，请等它完成后再导入',
    bo: () => 'ཆུས་འདིའི་རྩིས་ཁྲ་ཚན་པ་ཞིག་ཞིབ་བཤེར་སྒུག་བཞིན་ཡོད། དེ་ཚར་རྗེས་ནང་འདྲེན་བྱེད་རོགས།',
    en: () => 'another ledger import of this district is waiting for review or being written; try again when it is done',
  }),
  ledger_part_missing: entry({
    'zh-CN': () => '台账批次缺少一部分数据，请重新导入',
    bo: () => 'རྩིས་ཁྲའི་ཚན་པར་ཆ་ཤས་ཤིག་མི་འདུག ཡང་བསྐྱར་ནང་འདྲེན་བྱེད་རོགས།',
    en: () => 'a part of the ledger batch is missing; stage it again',
  }),
  ledger_round_exists: entry({
    'zh-CN': () => '系统中已有同名轮次，且数据不同',
    bo: () => 'མ་ལག་ནང་མིང་གཅིག་པའི་སྐོར་རིམ་ཡོད་ལ་གཞི་གྲངས་མི་འདྲ།',
    en: () => 'a round of that name already exists with other data',
  }),
  ledger_loan_exists: entry({
    'zh-CN': () => '这笔贷款已经在系统中',
    bo: () => 'བུ་ལོན་འདི་མ་ལག་ནང་ཡོད་ཟིན།',
    en: () => 'this loan is already in the system',
  }),
  ledger_chunk_done: entry({
    'zh-CN': () => '这部分台账已经写入',
    bo: () => 'རྩིས་ཁྲའི་ཆ་ཤས་འདི་འབྲི་ཚར།',
    en: () => 'this part of the ledger was already written',
  }),
  invalid: entry({ 'zh-CN': (_p, f) => `${f.field}填写不正确`, bo: (_p, f) => `${f.field} འབྲི་སྟངས་མི་འགྲིག`, en: (_p, f) => `${f.field} is not valid` }),
} satisfies Record<string, Entry<never>>;

export type MessageKey = keyof typeof ERROR_MESSAGES;
export type ParamsOf<K extends MessageKey> = (typeof ERROR_MESSAGES)[K] extends Entry<infer P> ? P : never;

/** The message for a rule or code in a language, or undefined when the catalogue has none. */
export function errorText(key: string, params: ErrorParams, lang: Lang, field?: string): string | undefined {
  const e = (ERROR_MESSAGES as unknown as Record<string, Entry<ErrorParams> | undefined>)[key];
  if (!e) return undefined;
  try {
    return e[lang](params, fmtFor(lang, field));
  } catch {
    return undefined;
  }
}
