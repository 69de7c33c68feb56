/**
 * Refusals, record words and field labels of 三治 (health checks, training, consents) and of
 * the donor report, in Chinese, Tibetan and English; spread into `ERROR_MESSAGES` (./errors.ts),
 * its record words are in `RECORD_WORDS` (./words.ts), its field labels in ./fields-outreach.ts.
 */
import type { Entry, Fmt } from './catalogue.ts';

const entry = <P = Record<string, never>>(e: Entry<P>): Entry<P> => e;
const at = (f: Fmt) => (f.field ? `${f.field}：` : '');
const atBo = (f: Fmt) => (f.field ? `${f.field}། ` : '');

export { OUTREACH_FIELD_LABELS } from './fields-outreach.ts';

export const OUTREACH_MESSAGES = {
  health_consent_missing: entry<{ name: string; date: string }>({
    'zh-CN': (p, f) => `${p.name}家未在${f.date(p.date)}前签署健康检查单独同意书，请先在她的档案中登记`,
    bo: (p, f) => `${p.name} ཡི་ཁྱིམ་ཚང་གིས་ ${f.date(p.date)} གོང་དུ་འཕྲོད་བསྟེན་ཞིབ་བཤེར་གྱི་མོས་མཐུན་ཡི་གེར་མིང་རྟགས་བཀོད་མེད། ཐོག་མར་ཁོ་མོའི་ཡིག་ཚགས་ནང་ཐོ་འགོད་གནང་རོགས།`,
    en: (p, f) => `${p.name}'s household gave no separate health consent by ${f.date(p.date)}; record it on her file first`,
  }),
  report_group_too_small: entry<{ mothers: number; min: number }>({
    'zh-CN': (p) => `本报告只涉及${p.mothers}位母亲，至少需要${p.min}位才能公开发布`,
    bo: (p) => `སྙན་ཞུ་འདིར་ཨ་མ་ ${p.mothers} ལས་མེད། ཉུང་མཐར་ ${p.min} ཡོད་ན་ད་གཟོད་ཁྱབ་བསྒྲགས་བྱེད་ཆོག`,
    en: (p) => `the report covers ${p.mothers} mothers; at least ${p.min} are needed before it is published`,
  }),
  loan_unknown: entry({
    'zh-CN': (_p, f) => `${at(f)}找不到该贷款档案`,
    bo: (_p, f) => `${atBo(f)}བུ་ལོན་གྱི་ཡིག་ཚགས་དེ་རྙེད་མ་སོང་།`,
    en: (_p, f) => `${f.field}: no such loan`,
  }),
  loan_other_district: entry({
    'zh-CN': (_p, f) => `${at(f)}该贷款属于其他区`,
    bo: (_p, f) => `${atBo(f)}བུ་ལོན་དེ་ཆུས་གཞན་གྱི་ཡིན།`,
    en: (_p, f) => `${f.field}: the loan belongs to another district`,
  }),
  publicity_only: entry({
    'zh-CN': (_p, f) => `只有宣传同意书才填写${f.field}`,
    bo: (_p, f) => `${f.field} ནི་ཁྱབ་བསྒྲགས་ཀྱི་མོས་མཐུན་ཡི་གེ་ཁོ་ནར་འབྲི་དགོས།`,
    en: (_p, f) => `${f.field} is given with a publicity consent only`,
  }),
  finding_unknown: entry({
    'zh-CN': (_p, f) => `${at(f)}检查时未发现这一疾病`,
    bo: (_p, f) => `${atBo(f)}ཞིབ་བཤེར་སྐབས་ནད་འདི་རྙེད་མེད།`,
    en: (_p, f) => `${f.field}: this illness was not found at the check`,
  }),
  already_cured: entry({
    'zh-CN': (_p, f) => `${at(f)}这一疾病已登记治愈`,
    bo: (_p, f) => `${atBo(f)}ནད་འདི་སྔར་ནས་དྲག་པར་ཐོ་བཀོད་ཟིན།`,
    en: (_p, f) => `${f.field}: this illness is already recorded as cured`,
  }),
  before_health_check: entry<{ date: string }>({
    'zh-CN': (p, f) => `${f.field}不能早于检查日期（${f.date(p.date)}）`,
    bo: (p, f) => `${f.field} ཞིབ་བཤེར་གྱི་ཚེས་གྲངས་ (${f.date(p.date)}) ལས་སྔོན་དུ་ཡོང་མི་ཆོག`,
    en: (p, f) => `${f.field} must not be before the check (${f.date(p.date)})`,
  }),
  from_after_to: entry<{ date: string }>({
    'zh-CN': (p, f) => `${f.field}不能晚于截止日期（${f.date(p.date)}）`,
    bo: (p, f) => `${f.field} མཇུག་གི་ཚེས་གྲངས་ (${f.date(p.date)}) ལས་རྗེས་སུ་ཡོང་མི་ཆོག`,
    en: (p, f) => `${f.field} must not be after the end of the period (${f.date(p.date)})`,
  }),
};
