/** Refusals of a bulk import of applications: the file, and each row (./import-rows.ts), with what reading any sheet refuses (./sheet-rows.ts). */
import { entry, type MessageTable } from './catalogue.ts';
import { IMPORT_ROW_MESSAGES } from './import-rows.ts';
import { SHEET_MESSAGES } from './sheet-rows.ts';

export const FILE_IMPORT_ERRORS = {
  // ----- any sheet: the file, a value of a row -----
  ...SHEET_MESSAGES,
  // ----- bulk import: the file -----
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
  // ----- one row -----
  ...IMPORT_ROW_MESSAGES,
} satisfies MessageTable;
