/** Words used inside the API's messages, per language: records, statuses, steps, types. */
import { W } from './catalogue.ts';
import type { Lang } from './lang.ts';

/** Records named in "not found" and state messages. */
export const RECORD_WORDS: Record<string, Record<Lang, string>> = {
  'health check': W('健康检查', 'འཕྲོད་བསྟེན་ཞིབ་བཤེར།', 'health check'),
  'public report': W('公开报告', 'ཁྱབ་བསྒྲགས་སྙན་ཞུ།', 'public report'),
  'confirmation list': W('报批名单', 'ཆོག་མཆན་ཞུ་བའི་མིང་ཐོ།', 'confirmation list'),
  application: W('申请', 'རེ་ཞུ།', 'application'),
  loan: W('贷款', 'བུ་ལོན།', 'loan'),
  round: W('轮次', 'སྐོར་རིམ།', 'round'),
  'round request': W('新轮次申请', 'སྐོར་རིམ་གསར་པའི་རེ་ཞུ།', 'round request'),
  objection: W('异议', 'དགག་བརྗོད།', 'objection'),
  'remittance batch': W('移交批次', 'རྩིས་སྤྲོད་ཚན་པ།', 'remittance batch'),
  office: W('单位', 'ལས་ཁུངས།', 'office'),
  record: W('记录', 'ཟིན་ཐོ།', 'record'),
};

/** Statuses of applications and loans. */
export const STATUS_WORDS: Record<string, Record<Lang, string>> = {
  submitted: W('已提交', 'ཕུལ་ཟིན།', 'submitted'),
  approved: W('已批准', 'ཆོག་མཆན་ཐོབ།', 'approved'),
  rejected: W('未批准', 'ཆོག་མཆན་མ་ཐོབ།', 'rejected'),
  active: W('还款中', 'འཇལ་བཞིན་པ།', 'being repaid'),
  overdue: W('逾期', 'དུས་ཡོལ།', 'overdue'),
  repaid: W('已还清', 'འཇལ་ཚར།', 'repaid'),
  written_off: W('已核销', 'རྩིས་མེད་བཏང་ཟིན།', 'written off'),
  open: W('进行中', 'སྒོ་ཕྱེ་ཡོད།', 'open'),
  closed: W('已结束', 'མཇུག་སྒྲིལ་ཟིན།', 'closed'),
  compliant: W('遵守计划生育政策', 'འཆར་གཞི་ལྟར་བྱས།', 'compliant'),
  one_child: W('独生子女户', 'བུ་ཕྲུག་གཅིག་པའི་ཁྱིམ་ཚང་', 'one-child household'),
  two_daughters: W('双女户', 'བུ་མོ་གཉིས་ཡོད་པའི་ཁྱིམ་ཚང་', 'two-daughter household'),
  violation: W('违反计划生育政策', 'འཆར་གཞི་ལས་འགལ།', 'violation'),
  shop: W('小商店', 'ཚོང་ཁང་ཆུང་ཆུང་', 'shop'),
  transport: W('运输', 'སྐྱེལ་འདྲེན།', 'transport'),
  livestock: W('养殖', 'ཕྱུགས་གསོ།', 'livestock'),
  farming: W('种植', 'ཞིང་ལས།', 'farming'),
  handicraft: W('手工艺', 'ལག་ཤེས།', 'handicraft'),
  service: W('服务', 'ཞབས་ཞུ།', 'service'),
  other: W('其他', 'གཞན།', 'other'),
  pending: W('待审批', 'ཐག་གཅོད་སྒུག་བཞིན།', 'pending'),
  dismissed: W('驳回', 'ཕྱིར་བསྐྱུར།', 'dismissed'),
  upheld: W('成立', 'ངོས་ལེན།', 'upheld'),
};

/** What a loan step is called, for "cannot … now". */
export const STEP_WORDS: Record<string, Record<Lang, string>> = {
  approve: W('批准', 'ཆོག་མཆན་སྤྲོད་པ།', 'approve it'),
  reject: W('不予批准', 'ཁས་མི་ལེན་པ།', 'reject it'),
  record_agreement: W('登记借款协议', 'གྲོས་མཐུན་ཐོ་འགོད།', 'record an agreement'),
  disburse: W('放款', 'བུ་ལོན་སྤྲོད་པ།', 'disburse'),
  evaluate: W('登记评估', 'དཔྱད་བསྡུར་ཐོ་འགོད།', 'record an evaluation'),
  repay_part: W('登记还款', 'བུ་ལོན་འཇལ་བ་ཐོ་འགོད།', 'record a repayment'),
  repay_rest: W('登记还款', 'བུ་ལོན་འཇལ་བ་ཐོ་འགོད།', 'record a repayment'),
  mark_overdue: W('标记逾期', 'དུས་ཡོལ་རྟགས་འགོད།', 'mark it overdue'),
  write_off: W('核销', 'རྩིས་མེད་གཏོང་བ།', 'write it off'),
};

/** Evaluation kinds. */
export const EVALUATION_WORDS: Record<string, Record<Lang, string>> = {
  midterm: W('中期评估', 'བར་མའི་དཔྱད་བསྡུར།', 'mid-term'),
  yearend: W('年终评估', 'ལོ་མཇུག་དཔྱད་བསྡུར།', 'year-end'),
  final: W('终期评估', 'མཐའ་མའི་དཔྱད་བསྡུར།', 'final'),
};

/** The screening rules (三不一优先 and the conditions), for "screening failed: …". */
export const SCREENING_RULE_WORDS: Record<string, Record<Lang, string>> = {
  family_planning: W('计划生育', 'བྱིས་པ་འཆར་གཞིར་བཀོད་པ།', 'family planning'),
  project_plan: W('脱贫项目计划', 'དབུལ་ཐར་ལས་གཞིའི་འཆར་གཞི།', 'plan to leave poverty'),
  willing_to_work: W('劳动意愿', 'ལས་ཀ་བྱེད་འདོད།', 'will to work'),
  plan_credible: W('项目可行性', 'ལས་གཞི་འཐུས་ཚང་།', 'plan credible'),
  income_below_village: W('人均收入低于本村平均', 'མི་རེའི་ཡོང་འབབ་གྲོང་ཚོའི་ཆ་སྙོམས་ལས་དམའ།', 'income below the village average'),
  amount_in_range: W('金额在本轮范围内', 'དངུལ་འབོར་སྐོར་འདིའི་ཚད་ནང་།', 'amount within the round’s range'),
  capacity_to_repay: W('还款能力', 'བུ་ལོན་འཇལ་ནུས།', 'capacity to repay'),
  good_credit: W('信用良好', 'ཡིད་ཆེས་བཟང་།', 'good credit'),
};

/** Dates a date may not precede. */
export const REFERENCE_WORDS: Record<string, Record<Lang, string>> = {
  application: W('申请日期', 'རེ་ཞུ་ཕུལ་བའི་ཚེས་གྲངས།', 'the application date'),
  notice: W('公示日期', 'གསལ་བསྒྲགས་ཀྱི་ཚེས་གྲངས།', 'the notice date'),
  objection: W('异议提出日期', 'དགག་བརྗོད་བཏོན་པའི་ཚེས་གྲངས།', 'the day the objection was raised'),
  round_opened: W('本轮开始日期', 'སྐོར་འདི་འགོ་ཚུགས་པའི་ཚེས་གྲངས།', 'the day the round opened'),
  evidence: W('所依据的最后一次走访或异议处理', 'གཞི་བཅོལ་བའི་ཁྱིམ་བཅར་རམ་དགག་བརྗོད་ཀྱི་ཐག་གཅོད་མཐའ་མ།', 'the last visit or objection it relies on'),
  agreement: W('协议签订日期', 'གྲོས་མཐུན་ལ་མིང་རྟགས་བཀོད་པའི་ཚེས་གྲངས།', 'the agreement date'),
  disbursement: W('放款日期', 'བུ་ལོན་སྤྲོད་པའི་ཚེས་གྲངས།', 'the disbursement date'),
  approval: W('批准日期', 'ཆོག་མཆན་ཚེས་གྲངས།', 'the approval date'),
  last_repayment: W('上一笔还款日期', 'སྔོན་མའི་བུ་ལོན་འཇལ་ཚེས།', 'the last repayment'),
};

export const TYPE_WORDS: Record<string, Record<Lang, string>> = {
  string: W('文字', 'ཡི་གེ', 'text'),
  number: W('数字', 'ཨང་གྲངས།', 'a number'),
  int: W('整数', 'ཨང་གྲངས་ཆ་ཚང་།', 'a whole number'),
  boolean: W('是或否', 'ཡིན་ནམ་མིན།', 'true or false'),
  array: W('列表', 'ཐོ་གཞུང་།', 'a list'),
  object: W('一组字段', 'རེའུ་མིག་ཚོགས།', 'an object'),
};

export const OFFICE_LEVEL_WORDS: Record<string, Record<Lang, string>> = {
  committee: W('组委会', 'ཨུ་ཡོན་ལྷན་ཁང་།', 'committee'),
  district: W('区', 'ཆུས།', 'district'),
  township: W('乡（镇、街道）', 'ཤང་།', 'township'),
  village: W('村（居委会）', 'གྲོང་ཚོ།', 'village'),
};
