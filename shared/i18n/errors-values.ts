/** Refusals of values: dates, amounts, offices, rounds, the mother present, and the rules across fields (sums, duties). */
import { entry, word, type MessageTable } from './catalogue.ts';
import { OFFICE_LEVEL_WORDS, REFERENCE_WORDS, STATUS_WORDS } from './words.ts';

export const VALUE_ERRORS = {
  // ----- values -----
  not_in_future: entry<{ today: string }>({
    'zh-CN': (p, f) => `${f.field}不能晚于今天（${f.date(p.today)}）`,
    bo: (p, f) => `${f.field} དེ་རིང་ (${f.date(p.today)}) ལས་རྗེས་སུ་ཡོང་མི་ཆོག`,
    en: (p, f) => `${f.field} must not be in the future (today is ${f.date(p.today)})`,
  }),
  not_before: entry<{ reference: string; date: string }>({
    'zh-CN': (p, f) => `${f.field}不能早于${word(REFERENCE_WORDS, p.reference, f.lang)}（${f.date(p.date)}）`,
    bo: (p, f) => `${f.field} ${word(REFERENCE_WORDS, p.reference, f.lang)} (${f.date(p.date)}) ལས་སྔོན་དུ་ཡོང་མི་ཆོག`,
    en: (p, f) => `${f.field} must not be before ${word(REFERENCE_WORDS, p.reference, f.lang)} (${f.date(p.date)})`,
  }),
  not_after: entry<{ reference: string; date: string }>({
    'zh-CN': (p, f) => `${f.field}不能晚于${word(REFERENCE_WORDS, p.reference, f.lang)}（${f.date(p.date)}）`,
    bo: (p, f) => `${f.field} ${word(REFERENCE_WORDS, p.reference, f.lang)} (${f.date(p.date)}) ལས་རྗེས་སུ་ཡོང་མི་ཆོག`,
    en: (p, f) => `${f.field} must not be after ${word(REFERENCE_WORDS, p.reference, f.lang)} (${f.date(p.date)})`,
  }),
  one_of: entry<{ values: string[] }>({
    'zh-CN': (p, f) => `${f.field}只能是：${f.list(p.values.map((v) => word(STATUS_WORDS, v, f.lang)))}`,
    bo: (p, f) => `${f.field} ནི་ ${f.list(p.values.map((v) => word(STATUS_WORDS, v, f.lang)))} ཡིན་དགོས།`,
    en: (p, f) => `${f.field} must be one of ${f.list(p.values)}`,
  }),
  office_level: entry<{ levels: string[] }>({
    'zh-CN': (p, f) => `${f.field}必须是${p.levels.map((l) => word(OFFICE_LEVEL_WORDS, l, f.lang)).join('或')}单位`,
    bo: (p, f) => `${f.field} ནི་ ${f.list(p.levels.map((l) => word(OFFICE_LEVEL_WORDS, l, f.lang)))} གི་ལས་ཁུངས་ཡིན་དགོས།`,
    en: (p, f) => `${f.field} must be a ${p.levels.join(' or ')} office`,
  }),
  office_missing: entry<{ officeId: string }>({
    'zh-CN': (p, f) => `${f.field}所指的单位 ${p.officeId} 不存在`,
    bo: (p, f) => `${f.field} ནང་གི་ལས་ཁུངས་ ${p.officeId} མེད།`,
    en: (p, f) => `${f.field} names office ${p.officeId}, which does not exist`,
  }),
  office_below_committee: entry({
    'zh-CN': () => '单位编号必须位于组委会之下（如 lhasa.chengguan）',
    bo: () => 'ལས་ཁུངས་ཀྱི་ཨང་རྟགས་ཨུ་ཡོན་ལྷན་ཁང་གི་འོག་ཏུ་ཡོད་དགོས། (དཔེར་ན་ lhasa.chengguan)',
    en: () => 'must name an office below the committee (dotted path)',
  }),
  round_missing: entry({ 'zh-CN': () => '所选轮次不存在', bo: () => 'བདམས་པའི་སྐོར་རིམ་མེད།', en: () => 'names a round that does not exist' }),
  round_other_district: entry({ 'zh-CN': () => '所选轮次不属于该村所在的区', bo: () => 'བདམས་པའི་སྐོར་རིམ་གྲོང་ཚོ་འདིའི་ཆུས་ཀྱི་མིན།', en: () => 'the round belongs to another district than the village' }),
  district_round_mismatch: entry({ 'zh-CN': () => '所选区与轮次所属的区不一致', bo: () => 'བདམས་པའི་ཆུས་དང་སྐོར་རིམ་གྱི་ཆུས་མི་མཐུན།', en: () => 'names another district than the round’s' }),
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

  sum_of: entry<{ other: string; sumFen: number }>({
    'zh-CN': (p, f) => `${f.field}必须等于各笔${f.label(p.other)}之和 ${f.yuan(p.sumFen)}`,
    bo: (p, f) => `${f.field} ${f.label(p.other)} ཡི་བསྡོམས་འབོར་ ${f.yuan(p.sumFen)} དང་མཉམ་དགོས།`,
    en: (p, f) => `${f.field} must equal the sum of the ${f.label(p.other)} (${f.yuan(p.sumFen)})`,
  }),
  not_above: entry<{ other: string }>({
    'zh-CN': (p, f) => `${f.field}不能大于${f.label(p.other)}`,
    bo: (p, f) => `${f.field} ${f.label(p.other)} ལས་ཆེ་མི་ཆོག`,
    en: (p, f) => `${f.field} must not exceed ${f.label(p.other)}`,
  }),
  district_only: entry({ 'zh-CN': (_p, f) => `只有区项目办才有${f.field}`, bo: (_p, f) => `${f.field} ཆུས་ཀྱི་ལས་ཁུངས་ཁོ་ནར་ཡོད།`, en: (_p, f) => `${f.field} is given to district offices only` }),
  before_term_end: entry({
    'zh-CN': (_p, f) => `${f.field}必须在借款期限结束之前`,
    bo: (_p, f) => `${f.field} བུ་ལོན་དུས་ཚོད་མ་རྫོགས་གོང་ཡིན་དགོས།`,
    en: (_p, f) => `${f.field} must fall before the end of the term (termMonths)`,
  }),
  increasing: entry({ 'zh-CN': (_p, f) => `${f.field}必须从小到大排列`, bo: (_p, f) => `${f.field} ཆུང་ནས་ཆེ་རུ་གོ་རིམ་བཞིན་ཡིན་དགོས།`, en: (_p, f) => `${f.field} must be in increasing order` }),
  no_repeats: entry({ 'zh-CN': (_p, f) => `${f.field}不能重复`, bo: (_p, f) => `${f.field} བསྐྱར་ཟློས་བྱེད་མི་ཆོག`, en: (_p, f) => `${f.field} must not repeat an item` }),
  final_only: entry({
    'zh-CN': (_p, f) => `${f.field}只在终期评估时填写`,
    bo: (_p, f) => `${f.field} མཐའ་མའི་དཔྱད་བསྡུར་སྐབས་ཁོ་ནར་འབྲི་དགོས།`,
    en: (_p, f) => `${f.field} is recorded only on the final evaluation`,
  }),
  final_required: entry({
    'zh-CN': (_p, f) => `终期评估必须填写${f.field}`,
    bo: (_p, f) => `མཐའ་མའི་དཔྱད་བསྡུར་ལ་${f.field} ངེས་པར་དུ་འབྲི་དགོས།`,
    en: (_p, f) => `${f.field} is required on the final evaluation`,
  }),
  mother_signs: entry({ 'zh-CN': (_p, f) => `${f.field}必须包括母亲本人`, bo: (_p, f) => `${f.field} ནང་ཨ་མ་རང་ཉིད་ཚུད་དགོས།`, en: (_p, f) => `${f.field} must include the mother (party "mother")` }),
  amount_given_once: entry({
    'zh-CN': () => '批准金额请只填 amountApprovedFen',
    bo: () => 'ཆོག་མཆན་དངུལ་འབོར་ amountApprovedFen ཁོ་ན་འབྲི་རོགས།',
    en: () => 'give the approved amount once, as amountApprovedFen',
  }),
  separation_of_duties: entry<{ step?: string }>({
    'zh-CN': (_p, f) => `四眼原则：同一个人不能既${f.field || '办理前一步'}又办理这一步，请由另一位工作人员办理`,
    bo: (_p, f) => `མིག་བཞིའི་སྒྲིག་གཞི། མི་གཅིག་གིས་${f.field || 'གོ་རིམ་སྔ་མ'} དང་གོ་རིམ་འདི་གཉིས་ཀ་བྱེད་མི་ཆོག ལས་བྱེད་པ་གཞན་ཞིག་གིས་བྱེད་རོགས།`,
    en: (_p, f) => `separation of duties: the person who did the earlier step (${f.field || 'an earlier step'}) may not do this one; another staff member must`,
  }),
  duplicate_receipt: entry({
    'zh-CN': () => '这个收据号在本乡（街道）已经登记过一笔还款，每张纸质收据只能登记一次',
    bo: () => 'འཛིན་ཤོག་ཨང་འདི་ཤང་འདིར་སྔོན་ནས་འཇལ་འབབ་ཅིག་ལ་ཐོ་བཀོད་ཟིན། འཛིན་ཤོག་རེར་ཐེངས་གཅིག་ཁོ་ན་ཐོ་འགོད་ཆོག',
    en: () => 'this receipt number was already used for a repayment in this township; each paper receipt is recorded once',
  }),
  receipt_already_recorded: entry({
    'zh-CN': () => '这个收据号在本乡（街道）已经登记过，每张纸质收据只能登记一次',
    bo: () => 'འཛིན་ཤོག་ཨང་འདི་ཤང་འདིར་སྔོན་ནས་ཐོ་བཀོད་ཟིན། འཛིན་ཤོག་རེར་ཐེངས་གཅིག་ཁོ་ན་ཐོ་འགོད་ཆོག',
    en: () => 'this receipt number was already recorded in this township; each paper receipt is recorded once',
  }),
  username_taken: entry({
    'zh-CN': () => '这个用户名已经有人使用',
    bo: () => 'སྤྱོད་མཁན་གྱི་མིང་འདི་མི་གཞན་གྱིས་བེད་སྤྱོད་བྱས་ཟིན།',
    en: () => 'this username is already taken',
  }),
} satisfies MessageTable;
