/**
 * Refusals of a remittance batch (repayments handed on from township to district to
 * committee): handed on already, not received yet, named twice or unknown, too many, handed
 * over before they arrived. A part of the catalogue (./errors.ts), listed in `lambdaHandler`'s
 * messages by the remittances function.
 */
import { entry, type MessageTable } from './catalogue.ts';

type Ids = { ids?: string[]; count?: number };
const n = (p: Ids) => p.count ?? p.ids?.length ?? 0;

export const REMITTANCE_ERRORS = {
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
