/**
 * Why a loan cannot be approved yet (`approval_blocked`, with each unmet condition in
 * `params.unmet`): the notice, objections, visits, screening, the round and its capital. A part
 * of the catalogue (./errors.ts), listed in `lambdaHandler`'s messages by the functions whose
 * code checks the approval's conditions.
 */
import { entry, fmtFor, word, type Entry, type MessageTable } from './catalogue.ts';
import { clauses } from './format.ts';
import { SCREENING_RULE_WORDS } from './words.ts';
import type { Lang } from './lang.ts';

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

export const APPROVAL_ERRORS = {
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
} satisfies MessageTable;
