/**
 * The exceptions report as an auditor reads it: each stored exception (a `kind` with its
 * figures under `data`) written out in the request's language, with amounts in yuan, dates
 * as people write them and offices by name. Record ids stay in their own column.
 */
import type { ExceptionRecord } from '../store/exceptions.ts';
import { date, yuan } from './format.ts';
import { CONTROL_KIND_WORDS, controlExceptionText } from './exceptions-controls.ts';
import { PERSONAL_DATA_KIND_WORDS, personalDataExceptionText } from './exceptions-personal-data.ts';
import type { Lang } from './lang.ts';

type Words = Record<Lang, string>;
const W = (zh: string, bo: string, en: string): Words => ({ 'zh-CN': zh, bo, en });

/** The kinds of exception. To be reviewed by a native Tibetan reader. */
export const EXCEPTION_KIND_WORDS: Record<ExceptionRecord['kind'], Words> = {
  back_dated: W('补录（倒签）', 'རྗེས་སུ་ཐོ་བཀོད།', 'back-dated entry'),
  duplicate_receipt: W('重复收据（已拒绝）', 'བསྡུ་ཡིག་བསྐྱར་ཟློས། (ཁས་མ་བླངས།)', 'duplicate receipt (refused)'),
  cross_district_application: W('跨区重复申请', 'ཆུས་གཞན་དུ་རེ་ཞུ་བསྐྱར་ཟློས།', 'application across districts'),
  resident_id_revealed: W('查看完整身份证号', 'ཐོབ་ཐང་ལག་འཁྱེར་ཨང་ཆ་ཚང་ལྟ་བ།', 'full resident ID shown'),
  remittance_mismatch: W('上交金额不符', 'རྩིས་སྤྲོད་དངུལ་འབོར་མི་མཐུན།', 'remittance does not add up'),
  bulk_id_check: W('批量核对身份证号', 'ཐོབ་ཐང་ལག་འཁྱེར་ཨང་ཚོམ་བུས་ཞིབ་བཤེར།', 'resident ID numbers checked in bulk'),
  ...CONTROL_KIND_WORDS,
  sms_failed: W('短信未能发送', 'འཕྲིན་ཐུང་བསྐུར་མ་ཐུབ།', 'text message not sent'),
  sms_over_budget: W('短信超出月度额度', 'འཕྲིན་ཐུང་ཟླ་རེའི་ཚད་ལས་བརྒལ།', 'text message over the monthly cap'),
  ...PERSONAL_DATA_KIND_WORDS,
};

/** What a message was about (`data.messageKind` of an SMS exception). */
const SMS_KIND_WORDS: Record<string, Words> = {
  payout: W('放款确认', 'དངུལ་སྤྲོད་ངེས་གཏན།', 'payout confirmation'),
  repayment: W('还款确认', 'བུ་ལོན་འཇལ་བ་ངེས་གཏན།', 'repayment confirmation'),
  due_reminder: W('到期提醒', 'དུས་ཚོད་ཐིམ་པའི་དྲན་སྐུལ།', 'due reminder'),
  overdue_notice: W('逾期通知', 'དུས་ཡོལ་བརྡ་ཐོ།', 'overdue notice'),
  collection_day: W('收款日通知', 'བུ་ལོན་སྡུད་ཉིན་གྱི་བརྡ་ཐོ།', 'collection-day notice'),
};

/** Why a message failed (`data.refusal`, or the code). */
const SMS_REFUSAL_WORDS: Record<string, Words> = {
  invalid_number: W('手机号无效', 'ཁ་པར་ཨང་གྲངས་ནོར་འདུག', 'invalid number'),
  template_not_approved: W('短信模板未获批准', 'འཕྲིན་ཐུང་དཔེ་གཞི་ཆོག་མཆན་མ་ཐོབ།', 'template not approved'),
  throttled: W('发送过于频繁，多次重试未成功', 'ཐེངས་མང་བསྐྱར་དུ་བསྐུར་ཡང་མ་ཐུབ།', 'throttled, retries exhausted'),
  unreachable: W('短信服务连接不上，多次重试未成功', 'འཕྲིན་ཐུང་ཞབས་ཞུ་དང་འབྲེལ་མ་ཐུབ།', 'provider unreachable, retries exhausted'),
  not_delivered: W('未送达手机', 'ཁ་པར་དུ་འབྱོར་མེད།', 'not delivered to the phone'),
  refused: W('短信服务拒绝发送', 'འཕྲིན་ཐུང་ཞབས་ཞུས་ཁས་མ་བླངས།', 'refused by the provider'),
};

/** What was entered late (`data.what` of a back-dated entry). */
const WHAT_WORDS: Record<string, Words> = {
  application: W('申请', 'རེ་ཞུ།', 'application'),
  'public notice': W('公示', 'གསལ་བསྒྲགས།', 'public notice'),
  objection: W('异议', 'དགག་བརྗོད།', 'objection'),
  'household visit': W('入户走访', 'ཁྱིམ་བཅར།', 'household visit'),
  approval: W('批准', 'ཆོག་མཆན།', 'approval'),
  'loan agreement': W('借款协议', 'བུ་ལོན་གྲོས་མཐུན།', 'loan agreement'),
  disbursement: W('放款', 'བུ་ལོན་སྤྲོད་པ།', 'disbursement'),
  repayment: W('还款', 'བུ་ལོན་འཇལ་བ།', 'repayment'),
  evaluation: W('评估', 'དཔྱད་བསྡུར།', 'evaluation'),
  'midterm evaluation': W('中期评估', 'བར་མའི་དཔྱད་བསྡུར།', 'mid-term evaluation'),
  'yearend evaluation': W('年终评估', 'ལོ་མཇུག་དཔྱད་བསྡུར།', 'year-end evaluation'),
  'final evaluation': W('终期评估', 'མཐའ་མའི་དཔྱད་བསྡུར།', 'final evaluation'),
  'imported applications': W('导入的申请', 'ནང་འདྲེན་བྱས་པའི་རེ་ཞུ།', 'imported applications'),
};

const LEVEL_WORDS: Record<string, Words> = {
  township_to_district: W('乡（街道）交区', 'ཤང་ནས་ཆུས་ལ་རྩིས་སྤྲོད།', 'township to district'),
  district_to_committee: W('区交组委会', 'ཆུས་ནས་ཨུ་ཡོན་ལྷན་ཁང་ལ་རྩིས་སྤྲོད།', 'district to committee'),
};

const num = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined);
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const word = (table: Record<string, Words>, v: unknown, lang: Lang) => table[String(v)]?.[lang] ?? String(v ?? '');

/** What happened, in `lang`; `officeName` names an office id (its Chinese name, else the id). */
export function exceptionText(e: Pick<ExceptionRecord, 'kind' | 'data'>, lang: Lang, officeName: (id: string) => string): string {
  const d = e.data ?? {};
  const y = (v: unknown) => (num(v) === undefined ? '' : yuan(num(v)!, lang));
  const dt = (v: unknown) => (str(v) ? date(str(v)!, lang) : '');
  switch (e.kind) {
    case 'back_dated': {
      const what = word(WHAT_WORDS, d.what, lang);
      const n = num(d.daysLate);
      const count = num(d.applications) ?? (Array.isArray(d.applications) ? d.applications.length : undefined);
      const many = count === undefined ? '' : lang === 'zh-CN' ? `（${count} 份）` : lang === 'bo' ? ` (${count})` : ` (${count})`;
      if (lang === 'zh-CN') return `${what}${many}${d.paperDate ? `纸面日期 ${dt(d.paperDate)}，` : ''}${n === undefined ? '晚于规定天数登记' : `晚 ${n} 天登记`}`;
      if (lang === 'bo') return `${what}${many}${d.paperDate ? ` ཤོག་བུའི་ཚེས་གྲངས་ ${dt(d.paperDate)}` : ''} ${n === undefined ? 'འགྱངས་ནས་ཐོ་བཀོད།' : `ཉིན་ ${n} འགྱངས་ནས་ཐོ་བཀོད།`}`;
      return `${what}${many}${d.paperDate ? ` dated ${dt(d.paperDate)}` : ''} recorded ${n === undefined ? 'late' : `${n} days later`}`;
    }
    case 'duplicate_receipt': {
      const r = str(d.receiptNo) ?? '';
      if (lang === 'zh-CN') return `收据 ${r} 已用于之前的一笔还款，再次登记被拒绝`;
      if (lang === 'bo') return `བསྡུ་ཡིག་ ${r} སྔོན་ལ་བེད་སྤྱད་ཟིན། ཡང་བསྐྱར་ཐོ་བཀོད་ཁས་མ་བླངས།`;
      return `receipt ${r} was already used for an earlier repayment; recording it again was refused`;
    }
    case 'cross_district_application': {
      const from = str(d.submittingDistrictId) ? officeName(str(d.submittingDistrictId)!) : '';
      const open = str(d.openCaseDistrictId) ? officeName(str(d.openCaseDistrictId)!) : '';
      if (lang === 'zh-CN') return `${from}为一位在${open}有未结申请或借款的母亲提交申请，已拒绝`;
      if (lang === 'bo') return `${from}ནས་${open}དུ་རེ་ཞུའམ་བུ་ལོན་མཇུག་མ་སྒྲིལ་བའི་ཨ་མ་ཞིག་གི་ཆེད་དུ་རེ་ཞུ་ཕུལ་བ་ཁས་མ་བླངས།`;
      return `${from} applied for a mother with an open application or loan in ${open}; refused`;
    }
    case 'resident_id_revealed': {
      const reason = str(d.reason);
      if (lang === 'zh-CN') return `查看了完整身份证号${reason ? `，理由：${reason}` : ''}`;
      if (lang === 'bo') return `ཐོབ་ཐང་ལག་འཁྱེར་ཨང་ཆ་ཚང་ལྟས།${reason ? ` རྒྱུ་མཚན། ${reason}` : ''}`;
      return `the full resident ID number was shown${reason ? `; reason: ${reason}` : ''}`;
    }
    case 'bulk_id_check': {
      const ids = num(d.ids) ?? 0;
      const rows = num(d.rows) ?? 0;
      const ledger = d.via === 'ledger_import';
      if (lang === 'zh-CN') return `${d.dryRun ? '试导入' : '导入'}${ledger ? '台账' : '申请'}：核对了 ${ids} 个身份证号（${rows} 行）`;
      if (lang === 'bo') return `${ledger ? 'རྩིས་ཁྲ་' : 'རེ་ཞུ་'}${d.dryRun ? 'ཚོད་ལྟའི་ནང་འདྲེན་' : 'ནང་འདྲེན་'}བྱས་ཏེ་ཐོབ་ཐང་ལག་འཁྱེར་ཨང་ ${ids} (ཕྲེང་ ${rows}) ཞིབ་བཤེར་བྱས།`;
      return `${d.dryRun ? 'a dry run of ' : ''}${ledger ? 'a ledger import' : 'an application import'} checked ${ids} resident ID number(s) (${rows} row(s))`;
    }
    case 'remittance_mismatch': {
      const level = word(LEVEL_WORDS, d.level, lang);
      if (lang === 'zh-CN') return `${level}：申报 ${y(d.amountFen)}，所含还款合计 ${y(d.sumOfRepaymentsFen)}，差额 ${y(d.differenceFen)}`;
      if (lang === 'bo') return `${level}། སྙན་ཞུ་ ${y(d.amountFen)} བུ་ལོན་བསྡོམས་ ${y(d.sumOfRepaymentsFen)} ཁྱད་པར་ ${y(d.differenceFen)}`;
      return `${level}: declared ${y(d.amountFen)}, its repayments add up to ${y(d.sumOfRepaymentsFen)}, a difference of ${y(d.differenceFen)}`;
    }
    case 'sms_failed': {
      const what = word(SMS_KIND_WORDS, d.messageKind, lang);
      const why = word(SMS_REFUSAL_WORDS, d.refusal ?? d.code, lang);
      if (lang === 'zh-CN') return `给母亲的${what}短信未能发送：${why}`;
      if (lang === 'bo') return `ཨ་མར་${what}འཕྲིན་ཐུང་བསྐུར་མ་ཐུབ། ${why}`;
      return `the ${what} text message to the mother was not sent: ${why}`;
    }
    case 'sms_over_budget': {
      const what = word(SMS_KIND_WORDS, d.messageKind, lang);
      if (lang === 'zh-CN') return `本月短信已达上限，给母亲的${what}未发送`;
      if (lang === 'bo') return `ཟླ་འདིའི་འཕྲིན་ཐུང་ཚད་ལ་སླེབས་པས་ཨ་མར་${what}མ་བསྐུར།`;
      return `the month's text-message cap was reached; the ${what} to the mother was not sent`;
    }
    case 'data_access_request':
    case 'personal_data_corrected':
      return personalDataExceptionText(e.kind, d, lang) ?? '';
    default:
      return controlExceptionText(e, lang, officeName, (v) => word(WHAT_WORDS, v, lang));
  }
}
