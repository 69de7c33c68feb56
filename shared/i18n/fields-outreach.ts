/** Form labels of the 三治 and donor-report fields, in each language (a part of the field labels, see ./fields.ts). */
import type { Lang } from './lang.ts';

const L = (zh: string, bo: string, en: string): Record<Lang, string> => ({ 'zh-CN': zh, bo, en });

export const OUTREACH_FIELD_LABELS: Record<string, Record<Lang, string>> = {
  heldOn: L('日期', 'ཚེས་གྲངས་', 'date'),
  examiners: L('检查人员', 'ཞིབ་བཤེར་བྱེད་མཁན་', 'examined by'),
  women: L('受检妇女', 'ཞིབ་བཤེར་བྱས་པའི་བུད་མེད་', 'women checked'),
  relation: L('与母亲的关系', 'ཨ་མ་དང་འབྲེལ་བ་', 'relation to the mother'),
  findings: L('检查发现', 'ཞིབ་བཤེར་གྱི་རྙེད་དོན་', 'findings'),
  category: L('疾病类别', 'ནད་ཀྱི་རིགས་', 'category'),
  treated: L('已治疗', 'སྨན་བཅོས་བྱས་ཟིན་', 'treated'),
  followedUpOn: L('复查日期', 'བསྐྱར་ཞིབ་ཚེས་གྲངས་', 'follow-up date'),
  cured: L('治愈', 'དྲག་པ་', 'cured'),
  womanId: L('受检妇女', 'ཞིབ་བཤེར་བྱས་པའི་བུད་མེད་', 'woman checked'),
  attendees: L('参加培训的母亲', 'སྦྱོང་བརྡར་ལ་ཞུགས་པའི་ཨ་མ་', 'mothers who attended'),
  trainer: L('培训人', 'སྦྱོང་བརྡར་གཏོང་མཁན་', 'trainer'),
  topic: L('培训内容', 'སྦྱོང་བརྡར་གྱི་བརྗོད་གཞི་', 'topic'),
  publicName: L('公开使用的姓名', 'ཁྱབ་བསྒྲགས་སུ་སྤྱོད་པའི་མིང་', 'name to be shown'),
  story: L('她的故事', 'ཁོ་མོའི་གནས་ཚུལ་', 'her story'),
  givenOn: L('签署日期', 'མིང་རྟགས་བཀོད་པའི་ཚེས་གྲངས་', 'date signed'),
  takenBy: L('取得同意的工作人员', 'མོས་མཐུན་ལེན་མཁན་ལས་བྱེད་པ་', 'staff member who took the consent'),
  title: L('标题', 'ཁ་བྱང་', 'title'),
};
