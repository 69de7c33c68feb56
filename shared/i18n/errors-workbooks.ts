/**
 * Refusals of a workbook wider or larger than any template (issue 18), given before its rows
 * are read. A part of the catalogue (./errors.ts), listed in `lambdaHandler`'s messages by the
 * functions that read workbooks (imports, ledger). The Tibetan sentences await a native
 * speaker's review.
 */
import type { Entry } from './catalogue.ts';

const entry = <P = Record<string, never>>(e: Entry<P>): Entry<P> => e;

export const WORKBOOK_ERROR_MESSAGES = {
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
