/** Refusals of a record's state: wrong status, already recorded, the approval blockers, hand-offs. */
import { entry, fmtFor, word, type Entry, type MessageTable } from './catalogue.ts';
import { clauses } from './format.ts';
import { CONFIRMATION_STATE_ERRORS } from './errors-confirmation-state.ts';
import { EVALUATION_WORDS, RECORD_WORDS, SCREENING_RULE_WORDS, STATUS_WORDS, STEP_WORDS } from './words.ts';
import type { Lang } from './lang.ts';

type Ids = { ids?: string[]; count?: number };
const n = (p: Ids) => p.count ?? p.ids?.length ?? 0;

// ---------- approval blockers (params.unmet of approval_blocked) ----------

export type Blocker =
  | { rule: 'notice_missing' }
  | { rule: 'notice_running'; endsOn: string }
  | { rule: 'objections_open'; count: number }
  | { rule: 'objections_upheld'; count: number }
  | { rule: 'visits_missing'; count: number; required: number }
  | { rule: 'screening_failed'; rules: string[] }
  | { rule: 'round_closed' }
  | { rule: 'capital_short'; availableFen: number; amountFen: number }
  | { rule: 'capital_short_or_closed'; amountFen: number };

type BlockerOf<R extends Blocker['rule']> = Extract<Blocker, { rule: R }>;
const BLOCKERS: { [R in Blocker['rule']]: Entry<BlockerOf<R>> } = {
  notice_missing: { 'zh-CN': () => '尚未张贴公示', bo: () => 'གསལ་བསྒྲགས་ད་དུང་སྦྱར་མེད།', en: () => 'the public notice (公示) has not been posted' },
  notice_running: {
    'zh-CN': (p, f) => `公示期至${f.date(p.endsOn)}才结束`,
    bo: (p, f) => `གསལ་བསྒྲགས་ཀྱི་དུས་ཚོད་${f.date(p.endsOn)}བར་ཡིན།`,
    en: (p, f) => `the public notice period runs until ${f.date(p.endsOn)}`,
  },
  objections_open: {
    'zh-CN': (p) => `${p.count} 条异议尚未处理`,
    bo: (p) => `དགག་བརྗོད་ ${p.count} ཐག་གཅོད་བྱས་མེད།`,
    en: (p) => `${p.count} objection(s) are unresolved`,
  },
  objections_upheld: {
    'zh-CN': (p) => `${p.count} 条异议经核实成立`,
    bo: (p) => `དགག་བརྗོད་ ${p.count} ངོས་ལེན་བྱས་ཟིན།`,
    en: (p) => `${p.count} objection(s) were upheld`,
  },
  visits_missing: {
    'zh-CN': (p) => `已入户走访 ${p.count} 次，需至少 ${p.required} 次`,
    bo: (p) => `ཁྱིམ་བཅར་ཐེངས་ ${p.count} བྱས་ཡོད། ཉུང་མཐར་ཐེངས་ ${p.required} དགོས།`,
    en: (p) => `${p.count} household visit(s) logged; ${p.required} are required`,
  },
  screening_failed: {
    'zh-CN': (p, f) => `资格审查未通过：${f.list(p.rules.map((r) => word(SCREENING_RULE_WORDS, r, f.lang)))}`,
    bo: (p, f) => `ཞིབ་བཤེར་ལས་མ་ཐར། ${f.list(p.rules.map((r) => word(SCREENING_RULE_WORDS, r, f.lang)))}`,
    en: (p, f) => `screening failed: ${f.list(p.rules.map((r) => word(SCREENING_RULE_WORDS, r, f.lang)))}`,
  },
  round_closed: { 'zh-CN': () => '本轮已结束', bo: () => 'སྐོར་འདི་མཇུག་སྒྲིལ་ཟིན།', en: () => 'the round is closed' },
  capital_short_or_closed: {
    'zh-CN': (p, f) => `本轮剩余资金不足 ${f.yuan(p.amountFen)}，或本轮已结束`,
    bo: (p, f) => `སྐོར་འདིའི་མ་དངུལ་ལྷག་མ་ ${f.yuan(p.amountFen)} ལ་མི་འདང་། ཡང་ན་སྐོར་འདི་མཇུག་སྒྲིལ་ཟིན།`,
    en: (p, f) => `the round has less than ${f.yuan(p.amountFen)} of capital left, or is closed`,
  },
  capital_short: {
    'zh-CN': (p, f) => `本轮剩余资金 ${f.yuan(p.availableFen)}，不足 ${f.yuan(p.amountFen)}`,
    bo: (p, f) => `སྐོར་འདིའི་མ་དངུལ་ལྷག་མ་${f.yuan(p.availableFen)}ལས་མེད། ${f.yuan(p.amountFen)}ལ་མི་འདང་།`,
    en: (p, f) => `the round has ${f.yuan(p.availableFen)} of capital left, less than ${f.yuan(p.amountFen)}`,
  },
};

export function blockerText(b: Blocker, lang: Lang): string {
  const e = BLOCKERS[b.rule] as Entry<Blocker> | undefined;
  return e ? e[lang](b, fmtFor(lang)) : b.rule;
}

export const STATE_ERRORS = {
  ...CONFIRMATION_STATE_ERRORS,
  // ----- states -----
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
  approval_blocked: entry<{ unmet: Blocker[] }>({
    'zh-CN': (p, f) =>
      `暂不能批准：${clauses(
        p.unmet.map((b) => blockerText(b, f.lang)),
        f.lang,
      )}`,
    bo: (p, f) =>
      `ད་ལྟ་ཆོག་མཆན་སྤྲོད་མི་ཐུབ། ${clauses(
        p.unmet.map((b) => blockerText(b, f.lang)),
        f.lang,
      )}`,
    en: (p, f) =>
      `cannot approve: ${clauses(
        p.unmet.map((b) => blockerText(b, f.lang)),
        f.lang,
      )}`,
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
  exists: entry({ 'zh-CN': () => '该单位已存在', bo: () => 'ལས་ཁུངས་འདི་ཡོད་ཟིན།', en: () => 'the office already exists' }),
  already_handed_on: entry<Ids>({
    'zh-CN': (p) => `${n(p)} 笔还款已由其他批次移交；每笔还款每一级只能移交一次`,
    bo: (p) => `བུ་ལོན་འཇལ་བ་ ${n(p)} ཚན་པ་གཞན་གྱིས་རྩིས་སྤྲོད་བྱས་ཟིན། རིམ་པ་རེར་ཐེངས་གཅིག་ལས་མི་ཆོག`,
    en: (p) => `${n(p)} repayment(s) were already handed on; a repayment travels in one batch per level`,
  }),
  not_received: entry<Ids>({
    'zh-CN': (p) => `${n(p)} 笔还款尚未移交到区，需先由乡（街道）移交`,
    bo: (p) => `བུ་ལོན་འཇལ་བ་ ${n(p)} ད་དུང་ཆུས་ལ་སླེབས་མེད། ཤང་གིས་སྔོན་ལ་རྩིས་སྤྲོད་དགོས།`,
    en: (p) => `${n(p)} repayment(s) have not reached the district yet; the township hands them over first`,
  }),
  repayments_repeated: entry<Ids>({
    'zh-CN': (p) => `同一笔还款被列了不止一次（${n(p)} 笔）`,
    bo: (p) => `བུ་ལོན་འཇལ་བ་གཅིག་ཐེངས་གཅིག་ལས་མང་བ་བཀོད་འདུག (${n(p)})`,
    en: (p) => `names repayment(s) more than once (${n(p)})`,
  }),
  repayments_unknown: entry<Ids>({
    'zh-CN': (p) => `${n(p)} 笔还款记录不存在`,
    bo: (p) => `བུ་ལོན་འཇལ་བའི་ཟིན་ཐོ་ ${n(p)} མེད།`,
    en: (p) => `names ${n(p)} repayment(s) that do not exist${p.ids?.length ? ` (${p.ids.join(', ')})` : ''}`,
  }),
  batch_too_large: entry<{ max: number }>({
    'zh-CN': (p) => `一个批次最多 ${p.max} 笔还款`,
    bo: (p) => `ཚན་པ་གཅིག་ལ་བུ་ལོན་འཇལ་བ་མང་མཐར་ ${p.max} ལས་མི་ཆོག`,
    en: (p) => `may name at most ${p.max} repayments`,
  }),
  handed_over_too_early: entry<Ids>({
    'zh-CN': (p, f) => `${f.field}不能早于这些还款到达的日期（${n(p)} 笔）`,
    bo: (p, f) => `${f.field} བུ་ལོན་འཇལ་བ་འདི་དག་སླེབས་པའི་ཚེས་གྲངས་ལས་སྔ་མི་ཆོག (${n(p)})`,
    en: (p) => `must not be before the repayment(s) were collected or received (${p.ids?.length ? p.ids.join(', ') : n(p)})`,
  }),
} satisfies MessageTable;
