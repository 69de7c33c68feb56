/** Form labels of the evaluation report fields, in each language (part of FIELD_LABELS). */
import type { Lang } from './lang.ts';

type Words = Record<string, Record<Lang, string>>;
const W = (zh: string, bo: string, en: string): Record<Lang, string> => ({ 'zh-CN': zh, bo, en });

export const EVALUATION_REPORT_FIELD_LABELS: Words = {
  point: W('评估节点', 'དཔྱད་བསྡུར་གྱི་དུས་ཚིགས་', 'evaluation point'),
  assessment: W('区项目办评估意见', 'ཆུས་ལས་གཞིའི་ལས་ཁང་གི་དཔྱད་བསྡུར་བསམ་འཆར་', 'the district office’s evaluation assessment'),
  refreshFigures: W('重新汇总数据', 'གྲངས་ཀ་བསྐྱར་དུ་བསྡུ་བ་', 'draw the figures again'),
  reportedOn: W('报送日期', 'ཕུལ་བའི་ཚེས་གྲངས་', 'date submitted'),
  reviewedOn: W('审阅日期', 'ཞིབ་དཔྱད་ཚེས་གྲངས་', 'date reviewed'),
  comment: W('意见', 'བསམ་འཆར་', 'comment'),
};
