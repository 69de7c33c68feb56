/**
 * History entries of a mother's personal data (PIPL arts. 45–47): anonymised by the retention
 * job, a copy of everything held given to her (data-access request), a correction of her
 * details with before → after. In the shape of `HISTORY_MESSAGES` (spread into it). To be
 * reviewed by a native Tibetan reader.
 */
import type { Lang } from './lang.ts';

type P = Record<string, unknown>;
type Render = (p: P, f: { lang: Lang; y: (v: unknown) => string; d: (v: unknown) => string }) => string;
type Entry = Record<Lang, Render>;

const n = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : 0);
const s = (v: unknown) => (typeof v === 'string' ? v : '');

/** The fields a correction may change, by name. */
export const CORRECTION_FIELD_WORDS: Record<string, Record<Lang, string>> = {
  name: { 'zh-CN': '姓名', bo: 'མིང་།', en: 'name' },
  phone: { 'zh-CN': '联系电话', bo: 'ཁ་པར་ཨང་།', en: 'phone' },
  householdSize: { 'zh-CN': '家庭人口', bo: 'ཁྱིམ་མིའི་གྲངས།', en: 'household size' },
};

function changes(p: P, lang: Lang): string {
  const before = (p.before ?? {}) as Record<string, unknown>;
  const after = (p.after ?? {}) as Record<string, unknown>;
  const none = lang === 'zh-CN' ? '（无）' : lang === 'bo' ? '(མེད།)' : '(none)';
  const show = (v: unknown) => (v === undefined || v === null || v === '' ? none : String(v));
  const sep = lang === 'zh-CN' ? '；' : lang === 'bo' ? '། ' : '; ';
  return Object.keys(after)
    .map((k) => `${CORRECTION_FIELD_WORDS[k]?.[lang] ?? k}${lang === 'zh-CN' ? '：' : ': '}${show(before[k])} → ${show(after[k])}`)
    .join(sep);
}

export const PERSONAL_DATA_HISTORY_MESSAGES: Record<string, Entry> = {
  personal_data_anonymised: {
    'zh-CN': (p, f) => `保存期满（借款于${f.d(p.closedOn)}结清或核销，保存${n(p.retentionYears)}年），个人信息已作匿名化处理：姓名、身份证号、电话、家庭情况和备注已删除，金额和日期保留`,
    bo: (p, f) =>
      `ཉར་ཚགས་དུས་ཚོད་རྫོགས། (བུ་ལོན་ ${f.d(p.closedOn)} ལ་འཇལ་ཚར་བའམ་རྩིས་མེད་བཏང་། ལོ་ ${n(p.retentionYears)} ཉར་ཚགས་བྱས།) མི་སྒེར་ཆ་འཕྲིན་མིང་མེད་དུ་བཟོས། མིང་། ཐོབ་ཐང་ལག་ཁྱེར་ཨང་། ཁ་པར། ཁྱིམ་ཚང་གི་གནས་ཚུལ་བཅས་བསུབས། དངུལ་གྲངས་དང་ཚེས་གྲངས་ཉར་ཡོད།`,
    en: (p, f) =>
      `retention period over (loan repaid or written off on ${f.d(p.closedOn)}, kept ${n(p.retentionYears)} years): personal data anonymised — name, resident ID, phone, household details and notes removed; amounts and dates kept`,
  },
  personal_data_copy_given: {
    'zh-CN': (p) => `应本人查阅请求，打印了她的全部个人信息副本${s(p.note) ? `（${s(p.note)}）` : ''}`,
    bo: (p) => `ཁོ་མོ་རང་གི་རེ་ཞུ་ལྟར་ཁོ་མོའི་མི་སྒེར་ཆ་འཕྲིན་ཆ་ཚང་གི་འདྲ་བཤུས་པར་དུ་བསྐྲུན།${s(p.note) ? ` (${s(p.note)})` : ''}`,
    en: (p) => `at her request, a copy of all her personal data was printed for her${s(p.note) ? ` (${s(p.note)})` : ''}`,
  },
  personal_data_corrected: {
    'zh-CN': (p) => `应本人请求更正个人信息：${changes(p, 'zh-CN')}（理由：${s(p.reason)}）`,
    bo: (p) => `ཁོ་མོ་རང་གི་རེ་ཞུ་ལྟར་མི་སྒེར་ཆ་འཕྲིན་བཅོས་སྒྲིག་བྱས། ${changes(p, 'bo')} རྒྱུ་མཚན། ${s(p.reason)}`,
    en: (p) => `personal data corrected at her request: ${changes(p, 'en')} (reason: ${s(p.reason)})`,
  },
};
