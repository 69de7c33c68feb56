/**
 * Refusals of the values of a loan's steps: the amount against the round's range, the amount
 * asked for, approved or owed; the mother in person with her ID card at disbursement; the
 * notice period; four eyes; a receipt number already recorded. A part of the catalogue
 * (./errors.ts), listed in `lambdaHandler`'s messages by the functions of those steps.
 */
import { entry, type MessageTable } from './catalogue.ts';

export const LOAN_VALUE_ERRORS = {
  amount_out_of_range: entry<{ minFen: number; maxFen: number }>({
    'zh-CN': (p, f) => `${f.field}必须在 ${f.range(p.minFen, p.maxFen)}之间`,
    bo: (p, f) => `${f.field} ${f.range(p.minFen, p.maxFen)} བར་ཡིན་དགོས།`,
    en: (p, f) => `${f.field} must be within the round’s range of ${f.range(p.minFen, p.maxFen)}`,
  }),
  amount_above_requested: entry<{ requestedFen: number }>({
    'zh-CN': (p, f) => `${f.field}不能超过申请金额 ${f.yuan(p.requestedFen)}`,
    bo: (p, f) => `${f.field} ཞུ་བའི་དངུལ་འབོར་ ${f.yuan(p.requestedFen)} ལས་བརྒལ་མི་ཆོག`,
    en: (p, f) => `${f.field} must not exceed the ${f.yuan(p.requestedFen)} asked for`,
  }),
  amount_must_equal_approved: entry<{ approvedFen: number }>({
    'zh-CN': (p, f) => `放款金额必须等于批准金额 ${f.yuan(p.approvedFen)}`,
    bo: (p, f) => `བུ་ལོན་སྤྲོད་པའི་དངུལ་འབོར་ཆོག་མཆན་ཐོབ་པའི་ ${f.yuan(p.approvedFen)} དང་མཉམ་དགོས།`,
    en: (p, f) => `the amount paid out must equal the approved amount of ${f.yuan(p.approvedFen)}`,
  }),
  amount_positive: entry({ 'zh-CN': (_p, f) => `${f.field}必须大于零`, bo: (_p, f) => `${f.field} ཀླད་ཀོར་ལས་མང་བ་དགོས།`, en: (_p, f) => `${f.field} must be more than zero` }),
  exceeds_balance: entry<{ balanceFen: number }>({
    'zh-CN': (p, f) => `${f.field}超过了未还余额 ${f.yuan(p.balanceFen)}`,
    bo: (p, f) => `${f.field} འཇལ་རྒྱུ་ལྷག་མ་ ${f.yuan(p.balanceFen)} ལས་བརྒལ་འདུག`,
    en: (p, f) => `${f.field} exceeds the outstanding balance of ${f.yuan(p.balanceFen)}`,
  }),
  mother_not_present: entry({ 'zh-CN': () => '母亲本人必须到场领取借款', bo: () => 'ཨ་མ་རང་ཉིད་ཡོང་ནས་བུ་ལོན་ལེན་དགོས།', en: () => 'the mother must come in person to receive the money' }),
  id_not_checked: entry({
    'zh-CN': () => '放款时必须核验母亲的身份证',
    bo: () => 'བུ་ལོན་སྤྲོད་སྐབས་ཨ་མའི་ཐོབ་ཐང་ལག་འཁྱེར་ཞིབ་བཤེར་བྱེད་དགོས།',
    en: () => 'the mother’s resident ID card must be checked at disbursement',
  }),
  notice_too_short: entry<{ days: number }>({
    'zh-CN': (p) => `公示期不能短于本轮规定的 ${p.days} 天`,
    bo: (p) => `གསལ་བསྒྲགས་ཀྱི་དུས་ཚོད་སྐོར་འདིའི་ཉིན་ ${p.days} ལས་ཐུང་མི་ཆོག`,
    en: (p) => `must be at least the round’s notice period of ${p.days} days`,
  }),
  separation_of_duties: entry<{ step?: string }>({
    'zh-CN': (_p, f) => `四眼原则：同一个人不能既${f.field || '办理前一步'}又办理这一步，请由另一位工作人员办理`,
    bo: (_p, f) => `མིག་བཞིའི་སྒྲིག་གཞི། མི་གཅིག་གིས་${f.field || 'གོ་རིམ་སྔ་མ'} དང་གོ་རིམ་འདི་གཉིས་ཀ་བྱེད་མི་ཆོག ལས་བྱེད་པ་གཞན་ཞིག་གིས་བྱེད་རོགས།`,
    en: (_p, f) => `separation of duties: the person who did the earlier step (${f.field || 'an earlier step'}) may not do this one; another staff member must`,
  }),
  receipt_already_recorded: entry({
    'zh-CN': () => '这个收据号在本乡（街道）已经登记过，每张纸质收据只能登记一次',
    bo: () => 'འཛིན་ཤོག་ཨང་འདི་ཤང་འདིར་སྔོན་ནས་ཐོ་བཀོད་ཟིན། འཛིན་ཤོག་རེར་ཐེངས་གཅིག་ཁོ་ན་ཐོ་འགོད་ཆོག',
    en: () => 'this receipt number was already recorded in this township; each paper receipt is recorded once',
  }),
} satisfies MessageTable;
