/**
 * History entries as people read them: each stored event is an `action` with structured
 * `params` and the `actor`; the text is written here in the request's language, with
 * amounts in yuan, dates as people write them, people by their names and no record ids.
 * Events stored before they carried `params` (their figures under `data`, an English
 * `summary`) render from what they have; an action the catalogue does not know shows its summary.
 */
import { actorName } from '../domain/actors.ts';
import type { HistoryEvent } from '../domain/entities.ts';
import { EVALUATION_WORDS, STATUS_WORDS } from './words.ts';
import { date, yuan } from './format.ts';
import { controlsOffMark, SETTINGS_HISTORY_MESSAGES } from './history-settings.ts';
import { PERSONAL_DATA_HISTORY_MESSAGES } from './history-personal-data.ts';
import type { Lang } from './lang.ts';
import { PROGRAMME_HISTORY_MESSAGES } from './history-programme.ts';
import { EVALUATION_REPORT_HISTORY_MESSAGES } from './history-evaluation-reports.ts';

type P = Record<string, unknown>;
type Render = (p: P, f: { lang: Lang; y: (v: unknown) => string; d: (v: unknown) => string; w: (table: Record<string, Record<Lang, string>>, v: unknown) => string }) => string;
type Entry = Record<Lang, Render>;

const num = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined);
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
/** "X" when the value is there, "" otherwise: old events may lack a figure. */
const opt = (v: unknown, text: (v: never) => string) => (v === undefined || v === null || v === '' ? '' : text(v as never));

const LEVEL_WORDS: Record<string, Record<Lang, string>> = {
  township_to_district: { 'zh-CN': '乡（街道）交区', bo: 'ཤང་ནས་ཆུས་ལ་རྩིས་སྤྲོད།', en: 'township to district' },
  district_to_committee: { 'zh-CN': '区交组委会', bo: 'ཆུས་ནས་ཨུ་ཡོན་ལྷན་ཁང་ལ་རྩིས་སྤྲོད།', en: 'district to committee' },
};

export const HISTORY_MESSAGES: Record<string, Entry> = {
  ...PROGRAMME_HISTORY_MESSAGES,
  ...EVALUATION_REPORT_HISTORY_MESSAGES,
  application_submitted: {
    'zh-CN': (p, f) => `提交申请${opt(num(p.amountRequestedFen), (v: number) => `，申请金额 ${f.y(v)}`)}`,
    bo: (p, f) => `རེ་ཞུ་ཕུལ།${opt(num(p.amountRequestedFen), (v: number) => ` ཞུ་བའི་དངུལ་འབོར་ ${f.y(v)}`)}`,
    en: (p, f) => `application submitted${opt(num(p.amountRequestedFen), (v: number) => ` for ${f.y(v)}`)}`,
  },
  notice_posted: {
    'zh-CN': (p, f) => `张贴公示${opt(p.postedOn, (v: string) => `，${f.d(v)}起`)}${opt(num(p.days), (v: number) => `，公示 ${v} 天`)}`,
    bo: (p, f) => `གསལ་བསྒྲགས་སྦྱར།${opt(p.postedOn, (v: string) => ` ${f.d(v)} ནས་`)}${opt(num(p.days), (v: number) => ` ཉིན་ ${v}`)}`,
    en: (p, f) => `public notice posted${opt(p.postedOn, (v: string) => ` on ${f.d(v)}`)}${opt(num(p.days), (v: number) => ` for ${v} days`)}`,
  },
  objection_raised: {
    'zh-CN': (p, f) => `登记异议${opt(p.raisedOn, (v: string) => `（${f.d(v)}提出）`)}`,
    bo: (p, f) => `དགག་བརྗོད་ཐོ་བཀོད།${opt(p.raisedOn, (v: string) => ` (${f.d(v)})`)}`,
    en: (p, f) => `objection recorded${opt(p.raisedOn, (v: string) => `, raised on ${f.d(v)}`)}`,
  },
  objection_resolved: {
    'zh-CN': (p, f) => `处理异议：${f.w(STATUS_WORDS, p.outcome)}`,
    bo: (p, f) => `དགག་བརྗོད་ཐག་གཅོད། ${f.w(STATUS_WORDS, p.outcome)}`,
    en: (p, f) => `objection ${f.w(STATUS_WORDS, p.outcome)}`,
  },
  visit_logged: {
    'zh-CN': (p, f) =>
      `入户走访${opt(p.visitedOn, (v: string) => `（${f.d(v)}）`)}：${p.willingToWork === false ? '缺乏劳动意愿' : '有劳动意愿'}，${p.planCredible === false ? '项目计划不可行' : '项目计划可行'}`,
    bo: (p, f) =>
      `ཁྱིམ་བཅར།${opt(p.visitedOn, (v: string) => ` (${f.d(v)})`)} ${p.willingToWork === false ? 'ལས་ཀ་བྱེད་འདོད་མེད།' : 'ལས་ཀ་བྱེད་འདོད་ཡོད།'} ${p.planCredible === false ? 'ལས་གཞི་མི་འཐུས།' : 'ལས་གཞི་འཐུས།'}`,
    en: (p, f) =>
      `household visited${opt(p.visitedOn, (v: string) => ` on ${f.d(v)}`)}: ${p.willingToWork === false ? 'not willing to work' : 'willing to work'}, plan ${p.planCredible === false ? 'not credible' : 'credible'}`,
  },
  screened: {
    'zh-CN': (p) => (p.passed ? `资格审查通过${opt(num(p.priorityScore), (v: number) => `，优先分 ${v}`)}` : '资格审查未通过'),
    bo: (p) => (p.passed ? `ཞིབ་བཤེར་ལས་ཐར།${opt(num(p.priorityScore), (v: number) => ` སྔོན་ཐོབ་སྐར་གྲངས་ ${v}`)}` : 'ཞིབ་བཤེར་ལས་མ་ཐར།'),
    en: (p) => (p.passed ? `screening passed${opt(num(p.priorityScore), (v: number) => `, priority ${v}`)}` : 'screening failed'),
  },
  approved: {
    'zh-CN': (p, f) => `批准贷款${opt(num(p.amountFen), (v: number) => ` ${f.y(v)}`)}`,
    bo: (p, f) => `བུ་ལོན་ཆོག་མཆན་སྤྲད།${opt(num(p.amountFen), (v: number) => ` ${f.y(v)}`)}`,
    en: (p, f) => `approved${opt(num(p.amountFen), (v: number) => ` for ${f.y(v)}`)}`,
  },
  rejected: {
    'zh-CN': (p) => `不予批准${opt(str(p.reason), (v: string) => `：${v}`)}`,
    bo: (p) => `ཆོག་མཆན་མ་སྤྲད།${opt(str(p.reason), (v: string) => ` ${v}`)}`,
    en: (p) => `rejected${opt(str(p.reason), (v: string) => `: ${v}`)}`,
  },
  loan_created: {
    'zh-CN': (p, f) => `申请获批，建立贷款${opt(num(p.amountFen), (v: number) => ` ${f.y(v)}`)}${opt(str(p.agreementNo), (v: string) => `，协议编号 ${v}`)}`,
    bo: (p, f) => `རེ་ཞུ་ཆོག་མཆན་ཐོབ་ནས་བུ་ལོན་བཙུགས།${opt(num(p.amountFen), (v: number) => ` ${f.y(v)}`)}${opt(str(p.agreementNo), (v: string) => ` གྲོས་མཐུན་གྱི་ཨང་ ${v}`)}`,
    en: (p, f) => `loan created on approval${opt(num(p.amountFen), (v: number) => ` for ${f.y(v)}`)}${opt(str(p.agreementNo), (v: string) => `, agreement ${v}`)}`,
  },
  agreement_signed: {
    'zh-CN': (p, f) => `签订借款协议${opt(p.signedOn, (v: string) => `（${f.d(v)}）`)}${opt(str(p.townshipHead), (v: string) => `，担保人 ${v}`)}${opt(str(p.villageHead), (v: string) => `、${v}`)}`,
    bo: (p, f) =>
      `བུ་ལོན་གྲོས་མཐུན་ལ་མིང་རྟགས་བཀོད།${opt(p.signedOn, (v: string) => ` (${f.d(v)})`)}${opt(str(p.townshipHead), (v: string) => ` འགན་ལེན་པ་ ${v}`)}${opt(str(p.villageHead), (v: string) => `། ${v}`)}`,
    en: (p, f) =>
      `agreement signed${opt(p.signedOn, (v: string) => ` on ${f.d(v)}`)}${opt(str(p.townshipHead), (v: string) => `; guarantors ${v}`)}${opt(str(p.villageHead), (v: string) => `, ${v}`)}`,
  },
  disbursed: {
    'zh-CN': (p, f) => `母亲本人领取借款${opt(num(p.amountFen), (v: number) => ` ${f.y(v)}`)}${opt(p.disbursedOn, (v: string) => `（${f.d(v)}）`)}${opt(p.dueOn, (v: string) => `，${f.d(v)}到期`)}`,
    bo: (p, f) =>
      `ཨ་མ་རང་ཉིད་ཀྱིས་བུ་ལོན་བླངས།${opt(num(p.amountFen), (v: number) => ` ${f.y(v)}`)}${opt(p.disbursedOn, (v: string) => ` (${f.d(v)})`)}${opt(p.dueOn, (v: string) => ` ${f.d(v)} ལ་དུས་ཚོད་རྫོགས།`)}`,
    en: (p, f) =>
      `${opt(num(p.amountFen), (v: number) => `${f.y(v)} `)}paid to the mother in person${opt(p.disbursedOn, (v: string) => ` on ${f.d(v)}`)}${opt(p.dueOn, (v: string) => `; due ${f.d(v)}`)}`,
  },
  evaluated: {
    'zh-CN': (p, f) => `${f.w(EVALUATION_WORDS, p.kind)}${opt(p.evaluatedOn, (v: string) => `（${f.d(v)}）`)}${p.leftPoverty === true ? '：已脱贫' : p.leftPoverty === false ? '：尚未脱贫' : ''}`,
    bo: (p, f) => `${f.w(EVALUATION_WORDS, p.kind)}${opt(p.evaluatedOn, (v: string) => ` (${f.d(v)})`)}${p.leftPoverty === true ? ' དབུལ་ཐར་བྱུང།' : p.leftPoverty === false ? ' ད་དུང་དབུལ་ཐར་མ་བྱུང།' : ''}`,
    en: (p, f) =>
      `${f.w(EVALUATION_WORDS, p.kind)} evaluation${opt(p.evaluatedOn, (v: string) => ` on ${f.d(v)}`)}${p.leftPoverty === true ? ': left poverty' : p.leftPoverty === false ? ': not yet out of poverty' : ''}`,
  },
  repayment: {
    'zh-CN': (p, f) =>
      `还款${opt(num(p.amountFen), (v: number) => ` ${f.y(v)}`)}${opt(p.paidOn, (v: string) => `（${f.d(v)}）`)}${opt(str(p.receiptNo), (v: string) => `，收据号 ${v}`)}${opt(num(p.balanceAfterFen), (v: number) => `，余额 ${f.y(v)}`)}`,
    bo: (p, f) =>
      `བུ་ལོན་འཇལ།${opt(num(p.amountFen), (v: number) => ` ${f.y(v)}`)}${opt(p.paidOn, (v: string) => ` (${f.d(v)})`)}${opt(str(p.receiptNo), (v: string) => ` འཛིན་ཤོག་ཨང་ ${v}`)}${opt(num(p.balanceAfterFen), (v: number) => ` ལྷག་མ་ ${f.y(v)}`)}`,
    en: (p, f) =>
      `${opt(num(p.amountFen), (v: number) => `${f.y(v)} `)}repaid${opt(p.paidOn, (v: string) => ` on ${f.d(v)}`)}${opt(str(p.receiptNo), (v: string) => ` (receipt ${v})`)}${opt(num(p.balanceAfterFen), (v: number) => `; balance ${f.y(v)}`)}`,
  },
  repaid: {
    'zh-CN': (p, f) => `${HISTORY_MESSAGES.repayment!['zh-CN'](p, f)}，已还清`,
    bo: (p, f) => `${HISTORY_MESSAGES.repayment!.bo(p, f)} འཇལ་ཚར།`,
    en: (p, f) => `${HISTORY_MESSAGES.repayment!.en(p, f)}; repaid in full`,
  },
  resident_id_revealed: {
    'zh-CN': (p) => `查看了完整身份证号${opt(str(p.reason), (v: string) => `（事由：${v}）`)}`,
    bo: (p) => `ལག་ཁྱེར་ཨང་གྲངས་ཆ་ཚང་ལ་བལྟས།${opt(str(p.reason), (v: string) => ` རྒྱུ་མཚན། ${v}`)}`,
    en: (p) => `full resident ID number shown${opt(str(p.reason), (v: string) => ` (reason: ${v})`)}`,
  },
  settings_changed: {
    'zh-CN': () => '修改了项目设置',
    bo: () => 'ལས་གཞིའི་སྒྲིག་འགོད་བཟོ་བཅོས་བྱས།',
    en: () => 'programme settings changed',
  },
  ledger_staged: {
    'zh-CN': () => '台账导入已提交，等待组委会审核',
    bo: () => 'རྩིས་ཁྲ་ནང་འདྲེན་ཕུལ་ཟིན། ཨུ་ཡོན་ལྷན་ཁང་གིས་ཞིབ་བཤེར་བྱེད་སྒུག',
    en: () => 'ledger import staged for the committee',
  },
  ledger_applied: {
    'zh-CN': () => '台账导入已全部写入',
    bo: () => 'རྩིས་ཁྲ་ནང་འདྲེན་ཚང་མ་འབྲི་ཚར།',
    en: () => 'ledger import written in full',
  },
  ledger_imported: {
    'zh-CN': (p, f) =>
      `由台账导入${opt(str(p.stagedBy), (v: string) => `（${v}${opt(str(p.stagedOn), (d: string) => `于${f.d(d)}`)}提交${opt(str(p.approvedBy), (a: string) => `，${a}${opt(str(p.approvedOn), (d: string) => `于${f.d(d)}`)}批准`)}）`)}`,
    bo: (p, f) =>
      `རྩིས་ཁྲ་ནས་ནང་འདྲེན་བྱས།${opt(str(p.stagedBy), (v: string) => ` (${v} ཡིས་${opt(str(p.stagedOn), (d: string) => `${f.d(d)} ལ་`)}ཕུལ།${opt(str(p.approvedBy), (a: string) => ` ${a} ཡིས་ཆོག་མཆན་སྤྲད།`)})`)}`,
    en: (p, f) =>
      `brought in from the office's ledger${opt(str(p.stagedBy), (v: string) => ` (staged by ${v}${opt(str(p.stagedOn), (d: string) => ` on ${f.d(d)}`)}${opt(str(p.approvedBy), (a: string) => `, approved by ${a}${opt(str(p.approvedOn), (d: string) => ` on ${f.d(d)}`)}`)})`)}`,
  },
  written_off: {
    'zh-CN': (p, f) => `核销余额${opt(num(p.amountFen), (v: number) => ` ${f.y(v)}`)}${opt(str(p.reason), (v: string) => `：${v}`)}`,
    bo: (p, f) => `ལྷག་མ་རྩིས་མེད་བཏང་།${opt(num(p.amountFen), (v: number) => ` ${f.y(v)}`)}${opt(str(p.reason), (v: string) => ` ${v}`)}`,
    en: (p, f) => `${opt(num(p.amountFen), (v: number) => `${f.y(v)} `)}written off${opt(str(p.reason), (v: string) => `: ${v}`)}`,
  },
  sms_preference: {
    'zh-CN': (p) => `${p.optIn ? '同意接收短信' : '停止短信'}（${p.lang === 'bo' ? '藏文' : '中文'}）${opt(str(p.phone), (v: string) => `，手机 ${v}`)}${opt(str(p.reason), (v: string) => `：${v}`)}`,
    bo: (p) =>
      `${p.optIn ? 'འཕྲིན་ཐུང་ལེན་པར་མོས།' : 'འཕྲིན་ཐུང་མཚམས་བཞག'} (${p.lang === 'bo' ? 'བོད་ཡིག' : 'རྒྱ་ཡིག'})${opt(str(p.phone), (v: string) => ` ཁ་པར་ ${v}`)}${opt(str(p.reason), (v: string) => ` ${v}`)}`,
    en: (p) => `text messages ${p.optIn ? 'on' : 'off'} (${p.lang === 'bo' ? 'Tibetan' : 'Chinese'})${opt(str(p.phone), (v: string) => `, phone ${v}`)}${opt(str(p.reason), (v: string) => `: ${v}`)}`,
  },
  overdue: {
    'zh-CN': (p, f) => `逾期${opt(p.dueOn, (v: string) => `（${f.d(v)}到期）`)}${opt(num(p.balanceFen), (v: number) => `，未还 ${f.y(v)}`)}`,
    bo: (p, f) => `དུས་ཡོལ།${opt(p.dueOn, (v: string) => ` (${f.d(v)} ལ་དུས་ཚོད་རྫོགས།)`)}${opt(num(p.balanceFen), (v: number) => ` མ་འཇལ་བ་ ${f.y(v)}`)}`,
    en: (p, f) => `past due${opt(p.dueOn, (v: string) => ` since ${f.d(v)}`)}${opt(num(p.balanceFen), (v: number) => ` with ${f.y(v)} outstanding`)}`,
  },
  round_opened: {
    'zh-CN': (p, f) =>
      `开启轮次${opt(str(p.name), (v: string) => `「${v}」`)}${opt(num(p.capitalFen), (v: number) => `，资金 ${f.y(v)}`)}${opt(num(p.grantFen), (v: number) => `，其中新拨 ${f.y(v)}`)}`,
    bo: (p, f) =>
      `སྐོར་རིམ་སྒོ་ཕྱེ།${opt(str(p.name), (v: string) => ` 「${v}」`)}${opt(num(p.capitalFen), (v: number) => ` མ་དངུལ་ ${f.y(v)}`)}${opt(num(p.grantFen), (v: number) => ` དེའི་ནང་གསར་སྤྲོད་ ${f.y(v)}`)}`,
    en: (p, f) =>
      `round${opt(str(p.name), (v: string) => ` "${v}"`)} opened${opt(num(p.capitalFen), (v: number) => ` with ${f.y(v)}`)}${opt(num(p.grantFen), (v: number) => `, of which ${f.y(v)} newly granted`)}`,
  },
  round_closed: {
    'zh-CN': (p, f) => `轮次结束${opt(p.closedOn, (v: string) => `（${f.d(v)}）`)}${opt(num(p.releasedFen), (v: number) => `，未用资金 ${f.y(v)} 退回周转金`)}`,
    bo: (p, f) => `སྐོར་རིམ་མཇུག་སྒྲིལ།${opt(p.closedOn, (v: string) => ` (${f.d(v)})`)}${opt(num(p.releasedFen), (v: number) => ` བེད་མ་སྤྱད་པའི་ ${f.y(v)} མ་དངུལ་ལ་ཕྱིར་ལོག`)}`,
    en: (p, f) => `round closed${opt(p.closedOn, (v: string) => ` on ${f.d(v)}`)}${opt(num(p.releasedFen), (v: number) => `; ${f.y(v)} of unused capital returned to the fund`)}`,
  },
  round_requested: {
    'zh-CN': (p, f) => `申请新轮次${opt(str(p.name), (v: string) => `「${v}」`)}${opt(num(p.capitalFen), (v: number) => `，资金 ${f.y(v)}`)}`,
    bo: (p, f) => `སྐོར་རིམ་གསར་པ་ཞུས།${opt(str(p.name), (v: string) => ` “${v}”`)}${opt(num(p.capitalFen), (v: number) => ` མ་དངུལ་ ${f.y(v)}`)}`,
    en: (p, f) => `new round${opt(str(p.name), (v: string) => ` "${v}"`)} requested${opt(num(p.capitalFen), (v: number) => ` with ${f.y(v)}`)}`,
  },
  round_request_approved: {
    'zh-CN': (p, f) => `批准新轮次${opt(num(p.capitalFen), (v: number) => `，资金 ${f.y(v)}`)}`,
    bo: (p, f) => `སྐོར་རིམ་གསར་པར་ཆོག་མཆན་སྤྲད།${opt(num(p.capitalFen), (v: number) => ` མ་དངུལ་ ${f.y(v)}`)}`,
    en: (p, f) => `round request approved${opt(num(p.capitalFen), (v: number) => `: round opened with ${f.y(v)}`)}`,
  },
  round_request_rejected: {
    'zh-CN': (p) => `不批准新轮次${opt(str(p.reason), (v: string) => `：${v}`)}`,
    bo: (p) => `སྐོར་རིམ་གསར་པར་ཆོག་མཆན་མ་སྤྲད།${opt(str(p.reason), (v: string) => ` ${v}`)}`,
    en: (p) => `round request rejected${opt(str(p.reason), (v: string) => `: ${v}`)}`,
  },
  handed_over: {
    'zh-CN': (p, f) => `移交还款（${f.w(LEVEL_WORDS, p.level)}）${opt(num(p.repaymentCount), (v: number) => ` ${v} 笔`)}${opt(num(p.amountFen), (v: number) => `，申报 ${f.y(v)}`)}`,
    bo: (p, f) => `བུ་ལོན་འཇལ་དངུལ་རྩིས་སྤྲོད། (${f.w(LEVEL_WORDS, p.level)})${opt(num(p.repaymentCount), (v: number) => ` ${v}`)}${opt(num(p.amountFen), (v: number) => ` ${f.y(v)}`)}`,
    en: (p, f) => `repayments handed over (${f.w(LEVEL_WORDS, p.level)})${opt(num(p.repaymentCount), (v: number) => `: ${v}`)}${opt(num(p.amountFen), (v: number) => `, declared ${f.y(v)}`)}`,
  },
  handed_over_flagged: {
    'zh-CN': (p, f) => `移交还款（${f.w(LEVEL_WORDS, p.level)}），申报金额与还款合计不符${opt(num(p.differenceFen), (v: number) => `，相差 ${f.y(Math.abs(v))}`)}`,
    bo: (p, f) => `བུ་ལོན་འཇལ་དངུལ་རྩིས་སྤྲོད། (${f.w(LEVEL_WORDS, p.level)}) གྲངས་ཀ་མི་མཐུན།${opt(num(p.differenceFen), (v: number) => ` ཁྱད་པར་ ${f.y(Math.abs(v))}`)}`,
    en: (p, f) => `repayments handed over (${f.w(LEVEL_WORDS, p.level)}), FLAGGED${opt(num(p.differenceFen), (v: number) => `: ${v > 0 ? 'over' : 'short'} by ${f.y(Math.abs(v))}`)}`,
  },
  ...SETTINGS_HISTORY_MESSAGES,
  ...PERSONAL_DATA_HISTORY_MESSAGES,
};

/** The name people know the actor by (shared/domain/actors.ts: a module of its own, so that naming an actor loads none of these texts). */
export { actorName };

/** What happened, in `lang`; the stored English summary for an action the catalogue does not know. */
export function historyText(event: Pick<HistoryEvent, 'action' | 'summary' | 'params' | 'data'>, lang: Lang): string {
  const entry = HISTORY_MESSAGES[event.action];
  if (!entry) return event.summary ?? event.action;
  const params = { ...event.data, ...event.params };
  const text = entry[lang](params, {
    lang,
    y: (v) => (typeof v === 'number' ? yuan(v, lang) : ''),
    d: (v) => (typeof v === 'string' ? date(v, lang) : ''),
    w: (table, v) => table[String(v)]?.[lang] ?? String(v ?? ''),
  });
  return `${params.backDated ? `${text}${BACK_DATED[lang](typeof params.daysLate === 'number' ? params.daysLate : undefined)}` : text}${controlsOffMark(params.controlsOff, lang)}`;
}

/** The mark of an entry recorded long after the date written on paper (back-dated: allowed, never silent). */
const BACK_DATED: Record<Lang, (daysLate?: number) => string> = {
  'zh-CN': (n) => `（补登${n ? `，晚 ${n} 天登记` : ''}）`,
  bo: (n) => ` (རྗེས་སུ་ཐོ་བཀོད།${n ? ` ཉིན་ ${n} འགྱངས།` : ''})`,
  en: (n) => ` (back-dated${n ? `: recorded ${n} days after its date` : ''})`,
};

/** History entries as the API returns them: each with its parameters, its actor's name and its text in `lang`. */
export function historyView<E extends HistoryEvent>(events: E[], lang: Lang) {
  return events.map((e) => ({ ...e, params: { ...e.data, ...e.params }, actorName: actorName(e.actor), text: historyText(e, lang) }));
}
