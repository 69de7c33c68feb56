/**
 * Refusals of a record's state in the loan's life: wrong status, round closed, an open case,
 * already recorded or resolved, the agreement missing, evaluations done, a round request
 * pending, the district's fund short. The states of one area are parts of their own: why an
 * approval is blocked (./errors-approval.ts), the confirmation by the committee
 * (./errors-confirmation-state.ts), remittance batches (./errors-remittances.ts), offices
 * (./errors-places.ts); a function lists the parts its code can name in `lambdaHandler`'s
 * messages (test/infra/bundles.test.ts checks).
 */
import { entry, word, type MessageTable } from './catalogue.ts';
import { EVALUATION_WORDS, RECORD_WORDS, STATUS_WORDS, STEP_WORDS } from './words.ts';

export const STATE_ERRORS = {
  wrong_state: entry<{ status: string; step?: string }>({
    'zh-CN': (p, f) => `该记录${word(STATUS_WORDS, p.status, f.lang)}，现在不能${p.step ? word(STEP_WORDS, p.step, f.lang) : '修改'}`,
    bo: (p, f) => `ཟིན་ཐོ་འདི་${word(STATUS_WORDS, p.status, f.lang)} ཡིན་པས་ད་ལྟ་${p.step ? word(STEP_WORDS, p.step, f.lang) : 'བཟོ་བཅོས།'} བྱེད་མི་ཆོག`,
    en: (p, f) => `it is ${word(STATUS_WORDS, p.status, f.lang)}; it cannot ${p.step ? word(STEP_WORDS, p.step, f.lang) : 'be changed'} now`,
  }),
  round_closed: entry({ 'zh-CN': () => '本轮已结束，不再受理申请', bo: () => 'སྐོར་འདི་མཇུག་སྒྲིལ་ཟིན་པས་རེ་ཞུ་ལེན་མི་ཐུབ།', en: () => 'the round is closed' }),
  mother_has_open_case: entry<{ kind?: string }>({
    'zh-CN': (p, f) => `这位母亲已有一笔未结的${word(RECORD_WORDS, p.kind ?? 'application', f.lang)}，还清或未获批准后才能再次申请`,
    bo: (p, f) => `ཨ་མ་འདིར་མཇུག་མ་སྒྲིལ་བའི་${word(RECORD_WORDS, p.kind ?? 'application', f.lang)}ཞིག་ཡོད། འཇལ་ཚར་རྗེས་སམ་ཆོག་མཆན་མ་ཐོབ་རྗེས་ཡང་བསྐྱར་ཞུ་ཆོག`,
    en: (p) => `this mother already has an open ${p.kind ?? 'case'}; she may apply again after it is repaid or rejected`,
  }),
  already_recorded: entry<{ on?: string }>({
    'zh-CN': (p, f) => (p.on ? `已于${f.date(p.on)}登记过，不能重复登记` : '已登记过，不能重复登记'),
    bo: (p, f) => (p.on ? `${f.date(p.on)} ལ་ཐོ་བཀོད་ཟིན། ཡང་བསྐྱར་ཐོ་འགོད་མི་ཆོག` : 'ཐོ་བཀོད་ཟིན། ཡང་བསྐྱར་ཐོ་འགོད་མི་ཆོག'),
    en: (p, f) => (p.on ? `already recorded on ${f.date(p.on)}` : 'already recorded'),
  }),
  notice_missing: entry({ 'zh-CN': () => '尚未张贴公示', bo: () => 'གསལ་བསྒྲགས་ད་དུང་སྦྱར་མེད།', en: () => 'the public notice has not been posted yet' }),
  already_resolved: entry<{ status?: string }>({
    'zh-CN': () => '该异议已处理过',
    bo: () => 'དགག་བརྗོད་འདི་ཐག་གཅོད་བྱས་ཟིན།',
    en: () => 'the objection is already resolved',
  }),
  agreement_missing: entry({
    'zh-CN': () => '借款协议尚未签订登记，不能放款',
    bo: () => 'བུ་ལོན་གྲོས་མཐུན་མིང་རྟགས་བཀོད་ནས་ཐོ་འགོད་བྱས་མེད་པས་བུ་ལོན་སྤྲོད་མི་ཆོག',
    en: () => 'cannot disburse: the loan agreement has not been signed and recorded',
  }),
  evaluation_recorded: entry<{ kind: string; scheduled: boolean }>({
    'zh-CN': (p, f) => (p.scheduled ? `该贷款的${word(EVALUATION_WORDS, p.kind, f.lang)}已全部登记` : `该贷款的计划中没有${word(EVALUATION_WORDS, p.kind, f.lang)}`),
    bo: (p, f) => (p.scheduled ? `བུ་ལོན་འདིའི་${word(EVALUATION_WORDS, p.kind, f.lang)}ཚང་མ་ཐོ་བཀོད་ཟིན།` : `བུ་ལོན་འདིའི་འཆར་གཞིའི་ནང་${word(EVALUATION_WORDS, p.kind, f.lang)}མེད།`),
    en: (p) => (p.scheduled ? `every ${p.kind} evaluation of this loan is already recorded` : `this loan's schedule has no ${p.kind} evaluation`),
  }),
  request_pending: entry({
    'zh-CN': () => '本区已有一份新轮次申请在等待组委会决定',
    bo: () => 'ཆུས་འདིའི་སྐོར་རིམ་གསར་པའི་རེ་ཞུ་ཞིག་ཨུ་ཡོན་ལྷན་ཁང་གི་ཐག་གཅོད་སྒུག་བཞིན་ཡོད།',
    en: () => 'a round request of this district is still waiting for the committee’s decision',
  }),
  fund_insufficient: entry<{ amountFen: number }>({
    'zh-CN': (p, f) => `本区可周转资金不足 ${f.yuan(p.amountFen)}，需组委会拨付差额（新拨资金）`,
    bo: (p, f) => `ཆུས་འདིའི་བསྐྱར་སྤྲོད་རུང་བའི་མ་དངུལ་ ${f.yuan(p.amountFen)} ལ་མི་འདང་། ཨུ་ཡོན་ལྷན་ཁང་གིས་ཁྱད་པར་སྤྲོད་དགོས།`,
    en: (p, f) => `the district's fund has less than ${f.yuan(p.amountFen)} available to re-lend; the committee must grant the difference (grantFen)`,
  }),
} satisfies MessageTable;
