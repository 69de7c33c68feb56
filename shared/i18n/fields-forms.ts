/**
 * Form labels of the loan's fields that the shared input schemas name in their rules across
 * fields (shared/domain/schemas.ts: the mother and her consent, the amounts, the round's
 * capital and grants, the evaluation's figures), so that every function bundling those schemas
 * names them; and the loan a request names. The labels of one area's forms are parts of their
 * own (`fields-<area>.ts`, see ./fields.ts).
 */
import type { FieldLabels } from './fields.ts';
import type { Lang } from './lang.ts';

const L = (zh: string, bo: string, en: string): Record<Lang, string> => ({ 'zh-CN': zh, bo, en });

export const FORM_FIELD_LABELS: FieldLabels = {
  mother: L('母亲信息', 'ཨ་མའི་ཆ་འཕྲིན་', 'the mother'),
  'mother.name': L('姓名', 'མིང་', 'name'),
  'consent.givenOn': L('同意书签署日期', 'མོས་མཐུན་ཡི་གེར་མིང་རྟགས་བཀོད་པའི་ཚེས་གྲངས་', 'date the consent was signed'),
  'consent.takenBy': L('告知并取得同意的工作人员', 'མོས་མཐུན་ལེན་མཁན་ལས་བྱེད་པ་', 'staff member who took the consent'),
  householdAnnualIncomeFen: L('家庭年收入', 'ཁྱིམ་ཚང་གི་ལོ་འབབ་', 'household annual income'),
  villagePerCapitaIncomeFen: L('本村人均收入', 'གྲོང་ཚོའི་མི་རེའི་ཆ་སྙོམས་ཡོང་འབབ་', 'village income per person'),
  type: L('类型', 'རིགས་', 'type'),
  abbreviation: L('简称', 'མིང་བསྡུས་', 'abbreviation'),
  expectedAnnualReturnFen: L('预计年收益', 'ལོ་རེའི་ཁེ་འབབ་རེ་སྒུག་', 'expected annual return'),
  amountRequestedFen: L('申请金额', 'ཞུ་བའི་དངུལ་འབོར་', 'amount requested'),
  amountApprovedFen: L('批准金额', 'ཆོག་མཆན་ཐོབ་པའི་དངུལ་འབོར་', 'amount approved'),
  capitalFen: L('本轮资金', 'སྐོར་འདིའི་མ་དངུལ་', 'capital'),
  grantFen: L('新拨资金', 'གསར་དུ་སྤྲད་པའི་མ་དངུལ་', 'new grant'),
  grants: L('拨款', 'མ་དངུལ་སྤྲོད་པ་', 'grants'),
  'grants.source': L('拨款来源', 'མ་དངུལ་གྱི་འབྱུང་ཁུངས་', 'source of the grant'),
  'grants.amountFen': L('拨款金额', 'སྤྲད་པའི་དངུལ་འབོར་', 'amount granted'),
  minLoanFen: L('单笔最低金额', 'བུ་ལོན་རེའི་ཉུང་མཐའ་', 'smallest loan'),
  maxLoanFen: L('单笔最高金额', 'བུ་ལོན་རེའི་མང་མཐའ་', 'largest loan'),
  evaluationMonths: L('评估月份', 'དཔྱད་བསྡུར་ཀྱི་ཟླ་བ་', 'evaluation months'),
  incomeToDateFen: L('至今收入', 'ད་བར་གྱི་ཡོང་འབབ་', 'income to date'),
  forecastFen: L('预计效益', 'ཁེ་ཕན་སྔོན་རྩིས་', 'forecast'),
  methods: L('评估方式', 'དཔྱད་བསྡུར་བྱེད་ཐབས་', 'evaluation methods'),
  leftPoverty: L('是否脱贫', 'དབུལ་ཐར་བྱུང་མིན་', 'left poverty'),
  closedOn: L('结束日期', 'མཇུག་སྒྲིལ་ཚེས་གྲངས་', 'closing date'),
  decidedOn: L('决定日期', 'ཐག་གཅོད་ཚེས་གྲངས་', 'decision date'),
  loanId: L('贷款', 'བུ་ལོན་', 'loan'),
};
