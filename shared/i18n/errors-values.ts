/**
 * Refusals of values every function may give: dates against today and against each other, a
 * choice out of a list, the office level, the rules across a form's fields (sums, order, the
 * final evaluation, the mother's signature), a paper receipt recorded twice. The values of one
 * area are parts of their own: the loan's steps (./errors-loan-values.ts), offices and rounds
 * (./errors-places.ts); a function lists the parts its code can name in `lambdaHandler`'s
 * messages (test/infra/bundles.test.ts checks).
 */
import { entry, word, type MessageTable } from './catalogue.ts';
import { OFFICE_LEVEL_WORDS, REFERENCE_WORDS, STATUS_WORDS } from './words.ts';

export const VALUE_ERRORS = {
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
  duplicate_receipt: entry({
    'zh-CN': () => '这个收据号在本乡（街道）已经登记过一笔还款，每张纸质收据只能登记一次',
    bo: () => 'འཛིན་ཤོག་ཨང་འདི་ཤང་འདིར་སྔོན་ནས་འཇལ་འབབ་ཅིག་ལ་ཐོ་བཀོད་ཟིན། འཛིན་ཤོག་རེར་ཐེངས་གཅིག་ཁོ་ན་ཐོ་འགོད་ཆོག',
    en: () => 'this receipt number was already used for a repayment in this township; each paper receipt is recorded once',
  }),
} satisfies MessageTable;
