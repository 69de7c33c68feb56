/**
 * The exceptions report's words for a mother's data-subject requests: a copy of her data
 * given (PIPL art. 45) and a correction of her details (art. 46). The report names what was
 * done and which fields changed, never the values. To be reviewed by a native Tibetan reader.
 */
import type { PERSONAL_DATA_EXCEPTION_KINDS } from '../domain/personal-data-kinds.ts';
import { CORRECTION_FIELD_WORDS } from './history-personal-data.ts';
import type { Lang } from './lang.ts';

type Words = Record<Lang, string>;
const W = (zh: string, bo: string, en: string): Words => ({ 'zh-CN': zh, bo, en });

export const PERSONAL_DATA_KIND_WORDS: Record<(typeof PERSONAL_DATA_EXCEPTION_KINDS)[number], Words> = {
  data_access_request: W('本人查阅个人信息', 'རང་ཉིད་ཀྱི་མི་སྒེར་ཆ་འཕྲིན་ལྟ་བའི་རེ་ཞུ།', 'data-access request'),
  personal_data_corrected: W('更正个人信息', 'མི་སྒེར་ཆ་འཕྲིན་བཅོས་སྒྲིག', 'personal data corrected'),
};

const num = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : 0);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** What happened, in `lang`, for the kinds above (else undefined). */
export function personalDataExceptionText(kind: string, d: Record<string, unknown>, lang: Lang): string | undefined {
  if (kind === 'data_access_request') {
    const apps = num(d.applications);
    const loans = num(d.loans);
    if (lang === 'zh-CN') return `应母亲本人请求，打印了她的全部个人信息副本（申请 ${apps} 份，借款 ${loans} 笔）`;
    if (lang === 'bo') return `ཨ་མ་རང་གི་རེ་ཞུ་ལྟར་ཁོ་མོའི་མི་སྒེར་ཆ་འཕྲིན་ཆ་ཚང་གི་འདྲ་བཤུས་པར་དུ་བསྐྲུན། (རེ་ཞུ་ ${apps} བུ་ལོན་ ${loans})`;
    return `at the mother's request, a copy of all her personal data was printed (${apps} application(s), ${loans} loan(s))`;
  }
  if (kind === 'personal_data_corrected') {
    const fields = (Array.isArray(d.fields) ? d.fields : []).map((f) => CORRECTION_FIELD_WORDS[String(f)]?.[lang] ?? String(f));
    const reason = str(d.reason);
    if (lang === 'zh-CN') return `应母亲本人请求更正了${fields.join('、')}${reason ? `，理由：${reason}` : ''}`;
    if (lang === 'bo') return `ཨ་མ་རང་གི་རེ་ཞུ་ལྟར་${fields.join('། ')} བཅོས་སྒྲིག་བྱས།${reason ? ` རྒྱུ་མཚན། ${reason}` : ''}`;
    return `at the mother's request, her ${fields.join(', ')} corrected${reason ? `; reason: ${reason}` : ''}`;
  }
  return undefined;
}
