/** Form labels of reports and periods: the level, the grouping, the as-of date, the first and last day, in each language (a part of the field labels, see ./fields.ts). */
import type { FieldLabels } from './fields.ts';
import type { Lang } from './lang.ts';

const L = (zh: string, bo: string, en: string): Record<Lang, string> => ({ 'zh-CN': zh, bo, en });

export const REPORT_FIELD_LABELS: FieldLabels = {
  level: L('层级', 'རིམ་པ་', 'level'),
  groupBy: L('分组方式', 'སྡེ་ཚན་འབྱེད་སྟངས་', 'grouping'),
  asOf: L('截止日期', 'མཇུག་སྒྲིལ་ཚེས་གྲངས་', 'as-of date'),
  from: L('起始日期', 'འགོ་ཚུགས་ཚེས་གྲངས་', 'first day'),
  to: L('截止日期', 'མཇུག་གི་ཚེས་གྲངས་', 'last day'),
};
