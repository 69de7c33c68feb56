/** The fields of a ledger import: the sheets of an office's ledger and its paper totals, in each language (a part of the field labels, see ./fields.ts). */
import type { FieldLabels } from './fields.ts';
import type { Lang } from './lang.ts';

const L = (zh: string, bo: string, en: string): Record<Lang, string> => ({ 'zh-CN': zh, bo, en });

export const LEDGER_FIELD_LABELS: FieldLabels = {
  rounds: L('轮次表', 'སྐོར་རིམ་རེའུ་མིག', 'rounds sheet'),
  loans: L('借款表', 'བུ་ལོན་རེའུ་མིག', 'loans sheet'),
  repayments: L('还款表', 'བུ་ལོན་འཇལ་བའི་རེའུ་མིག', 'repayments sheet'),
  writeOffs: L('核销表', 'རྩིས་མེད་གཏོང་བའི་རེའུ་མིག', 'write-offs sheet'),
  declaredTotals: L('台账纸面合计', 'རྩིས་ཁྲའི་ཤོག་བུའི་བསྡོམས་', 'paper totals of the ledger'),
};
