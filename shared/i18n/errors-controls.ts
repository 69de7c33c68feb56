/**
 * Refusals of the controls against insiders and careless files (issue 18): invisible
 * characters in any text, receipt numbers outside the allowed characters, workbooks wider or
 * larger than any template. Part of ERROR_MESSAGES. The Tibetan sentences await a native
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
  workbook_too_wide: entry<{ max: number }>({
    'zh-CN': (p) => `工作簿有超出模板的列（最多 ${p.max} 列），请用模板重新填写`,
    bo: (p) => `ལས་དེབ་ནང་དཔེ་གཞི་ལས་བརྒལ་བའི་ཀ་ཕྲེང་འདུག (མང་མཐར་ ${p.max})། དཔེ་གཞི་བཀོལ་ནས་ཡང་བསྐྱར་འབྲི་རོགས།`,
    en: (p) => `the workbook has cells beyond the template's columns (at most ${p.max}); fill in the template again`,
  }),
  workbook_too_large: entry<{ max: number }>({
    'zh-CN': (p) => `工作簿的单元格或文字太多（最多 ${p.max} 个单元格），请拆分文件`,
    bo: (p) => `ལས་དེབ་ནང་རེའུ་མིག་གི་སྒྲོམ་མམ་ཡི་གེ་མང་དྲགས་འདུག (མང་མཐར་ ${p.max})། ཡིག་ཆ་བགོ་རོགས།`,
    en: (p) => `the workbook holds too many cells or texts (at most ${p.max} cells); split the file`,
  }),
} satisfies Record<string, Entry<never>>;
