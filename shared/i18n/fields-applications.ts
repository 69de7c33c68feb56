/** Form labels of the application, its notice, objections and household visits, and the screening's checks, in each language (a part of the field labels, see ./fields.ts). */
import type { FieldLabels } from './fields.ts';
import type { Lang } from './lang.ts';

const L = (zh: string, bo: string, en: string): Record<Lang, string> => ({ 'zh-CN': zh, bo, en });

export const APPLICATION_FIELD_LABELS: FieldLabels = {
  villageId: L('村（居委会）', 'གྲོང་ཚོ་', 'village'),
  residentId: L('身份证号', 'ཐོབ་ཐང་ལག་འཁྱེར་ཨང་', 'resident ID number'),
  consent: L('个人信息处理同意书', 'མི་སྒེར་ཆ་འཕྲིན་བེད་སྤྱོད་ཀྱི་མོས་མཐུན་ཡི་གེ་', 'consent to the processing of her personal information'),
  householdSize: L('家庭人口', 'ཁྱིམ་ཚང་མི་གྲངས་', 'household size'),
  familyPlanning: L('计划生育情况', 'བྱིས་པ་འཆར་གཞིར་བཀོད་པའི་གནས་སྟངས་', 'family-planning status'),
  project: L('项目', 'ལས་གཞི་', 'project'),
  description: L('说明', 'འགྲེལ་བཤད་', 'description'),
  days: L('公示天数', 'གསལ་བསྒྲགས་ཉིན་གྲངས་', 'notice days'),
  submittedOn: L('申请日期', 'རེ་ཞུ་ཕུལ་བའི་ཚེས་གྲངས་', 'application date'),
  postedOn: L('公示日期', 'གསལ་བསྒྲགས་ཀྱི་ཚེས་གྲངས་', 'notice date'),
  raisedOn: L('异议提出日期', 'དགག་བརྗོད་བཏོན་པའི་ཚེས་གྲངས་', 'date the objection was raised'),
  raisedBy: L('提出人', 'དགག་བརྗོད་འདོན་མཁན་', 'raised by'),
  resolvedOn: L('处理日期', 'ཐག་གཅོད་ཚེས་གྲངས་', 'date resolved'),
  outcome: L('处理结果', 'ཐག་གཅོད་འབྲས་བུ་', 'outcome'),
  visitedOn: L('走访日期', 'ཁྱིམ་བཅར་གྱི་ཚེས་གྲངས་', 'visit date'),
  visitors: L('走访人员', 'ཁྱིམ་བཅར་བྱེད་མཁན་', 'visitors'),
  willingToWork: L('劳动意愿', 'ལས་ཀ་བྱེད་འདོད་', 'willing to work'),
  planCredible: L('项目可行', 'ལས་གཞི་འཐུས་ཚང་', 'plan credible'),
  notes: L('记录', 'ཟིན་ཐོ་', 'notes'),
};
