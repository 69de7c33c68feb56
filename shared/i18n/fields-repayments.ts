/** Form labels of repayments and write-offs, in each language (a part of the field labels, see ./fields.ts). */
import type { FieldLabels } from './fields.ts';
import type { Lang } from './lang.ts';

const L = (zh: string, bo: string, en: string): Record<Lang, string> => ({ 'zh-CN': zh, bo, en });

export const REPAYMENT_FIELD_LABELS: FieldLabels = {
  paidOn: L('还款日期', 'བུ་ལོན་འཇལ་བའི་ཚེས་གྲངས་', 'payment date'),
  receiptNo: L('收据号', 'འཛིན་ཤོག་ཨང་', 'receipt number'),
  writtenOffOn: L('核销日期', 'རྩིས་མེད་གཏོང་བའི་ཚེས་གྲངས་', 'write-off date'),
};
