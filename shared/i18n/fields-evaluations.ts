/** Form labels of a loan's evaluations (mid-term, year-end, final), in each language (a part of the field labels, see ./fields.ts). */
import type { FieldLabels } from './fields.ts';
import type { Lang } from './lang.ts';

const L = (zh: string, bo: string, en: string): Record<Lang, string> => ({ 'zh-CN': zh, bo, en });

export const EVALUATION_FIELD_LABELS: FieldLabels = {
  evaluatedOn: L('评估日期', 'དཔྱད་བསྡུར་ཚེས་གྲངས་', 'evaluation date'),
  fundUse: L('资金使用情况', 'མ་དངུལ་བེད་སྤྱོད་གནས་སྟངས་', 'use of the money'),
  progress: L('项目进展', 'ལས་གཞིའི་ཡར་ཐོན་', 'progress'),
  operatingState: L('经营状况', 'ཚོང་ལས་གནས་སྟངས་', 'operating state'),
  problems: L('发现的问题', 'རྙེད་པའི་དཀའ་ངལ་', 'problems found'),
  actionsUrged: L('督促事项', 'སྐུལ་མ་བཏང་བའི་བྱ་བ་', 'actions urged'),
};
