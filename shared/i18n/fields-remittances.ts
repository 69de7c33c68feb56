/** Form labels of remittance batches (repayments handed on), in each language (a part of the field labels, see ./fields.ts). */
import type { FieldLabels } from './fields.ts';
import type { Lang } from './lang.ts';

const L = (zh: string, bo: string, en: string): Record<Lang, string> => ({ 'zh-CN': zh, bo, en });

export const REMITTANCE_FIELD_LABELS: FieldLabels = {
  fromOfficeId: L('移交单位', 'རྩིས་སྤྲོད་བྱེད་མཁན་ལས་ཁུངས་', 'office handing over'),
  handedOverOn: L('移交日期', 'རྩིས་སྤྲོད་ཚེས་གྲངས་', 'hand-over date'),
  handedOverBy: L('移交人', 'རྩིས་སྤྲོད་མཁན་', 'handed over by'),
  receivedBy: L('接收人', 'ལེན་མཁན་', 'received by'),
  repaymentRefs: L('还款记录', 'བུ་ལོན་འཇལ་བའི་ཟིན་ཐོ་', 'repayments'),
};
