/**
 * Refusals of the controls against insiders and careless files (issue 18): invisible
 * characters in any text, receipt numbers outside the allowed characters (spread into the
 * refusals every function may answer with; workbooks wider or larger than any template are a
 * part of their own, ./errors-workbooks.ts). The Tibetan sentences await a native
 * speaker's review.
 */
import type { Entry } from './catalogue.ts';

const entry = <P = Record<string, never>>(e: Entry<P>): Entry<P> => e;

export const CONTROL_ERROR_MESSAGES = {
  hidden_characters: entry<{ codePoint?: string }>({
    'zh-CN': (p, f) => `${f.field || '内容'}含有看不见的字符${p.codePoint ? `（${p.codePoint}）` : ''}，请重新输入`,
    bo: (p, f) => `${f.field || 'ནང་དོན'} ནང་མིག་གིས་མི་མཐོང་བའི་ཡིག་རྟགས་${p.codePoint ? ` (${p.codePoint}) ` : ''}འདུག ཡང་བསྐྱར་འབྲི་རོགས།`,
    en: (p, f) => `${f.field || 'the text'} contains an invisible character${p.codePoint ? ` (${p.codePoint})` : ''}; type it again`,
  }),
  receipt_characters: entry<{ characters?: string[] }>({
    'zh-CN': (p, f) => `${f.field || '收据号'}只能包含字母 A–Z、汉字、数字、“-”和“/”${p.characters?.length ? `（不能有 ${p.characters.join(' ')}）` : ''}`,
    bo: (p, f) => `${f.field || 'འཛིན་ཤོག་ཨང་'} ནང་དབྱིན་ཡིག་ A–Z དང་། རྒྱ་ཡིག ཨང་ཀི། "-" "/" བཅས་ཁོ་ན་འབྲི་ཆོག${p.characters?.length ? ` (${p.characters.join(' ')} མི་ཆོག)` : ''}`,
    en: (p, f) => `${f.field || 'the receipt number'} may hold only letters A–Z, Chinese characters, digits, "-" and "/"${p.characters?.length ? ` (not ${p.characters.join(' ')})` : ''}`,
  }),
} satisfies Record<string, Entry<never>>;
