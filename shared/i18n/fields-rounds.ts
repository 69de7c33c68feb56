/** Form labels of rounds and round requests, in each language (a part of the field labels, see ./fields.ts). */
import type { FieldLabels } from './fields.ts';
import type { Lang } from './lang.ts';

const L = (zh: string, bo: string, en: string): Record<Lang, string> => ({ 'zh-CN': zh, bo, en });

export const ROUND_FIELD_LABELS: FieldLabels = {
  termMonths: L('借款期限（月）', 'བུ་ལོན་དུས་ཚོད། (ཟླ་བ།)', 'term (months)'),
  noticeDays: L('公示天数', 'གསལ་བསྒྲགས་ཉིན་གྲངས་', 'notice days'),
  openedOn: L('开始日期', 'འགོ་འཛུགས་ཚེས་གྲངས་', 'opening date'),
  requestedOn: L('申请日期', 'ཞུ་བའི་ཚེས་གྲངས་', 'request date'),
};
