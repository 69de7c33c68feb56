/** Form labels of the confirmation fields, in each language (a part of the field labels, see ./fields.ts). */
import type { Lang } from './lang.ts';

type Words = Record<string, Record<Lang, string>>;
const W = (zh: string, bo: string, en: string): Record<Lang, string> => ({ 'zh-CN': zh, bo, en });

export const PROGRAMME_FIELD_LABELS: Words = {
  sentOn: W('报批日期', 'ཆོག་མཆན་ཞུས་པའི་ཚེས་གྲངས་', 'date sent'),
  loanIds: W('报批的贷款', 'ཆོག་མཆན་ཞུ་བའི་བུ་ལོན་', 'loans on the list'),
  returns: W('退回的贷款', 'ཕྱིར་སློག་པའི་བུ་ལོན་', 'loans returned'),
};
