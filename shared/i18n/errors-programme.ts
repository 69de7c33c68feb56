/**
 * Refusals of the programme around the loan desk (committee confirmation 审核确定, evaluation
 * reports 评估报告), in the shape of `ERROR_MESSAGES` (spread into it), and the labels of
 * their request fields (spread into `FIELD_LABELS`).
 */
import type { Entry, Fmt } from './catalogue.ts';
import type { Lang } from './lang.ts';

type Words = Record<string, Record<Lang, string>>;
const _W = (zh: string, bo: string, en: string): Record<Lang, string> => ({ 'zh-CN': zh, bo, en });
const _say = (table: Words, key: unknown, f: Fmt) => table[String(key)]?.[f.lang] ?? String(key ?? '');

const entry = <P = Record<string, never>>(e: Entry<P>): Entry<P> => e;

export { PROGRAMME_FIELD_LABELS } from './fields-programme.ts';

export const PROGRAMME_ERROR_MESSAGES = {
  confirmation_list_decided: entry<{ on?: string }>({
    'zh-CN': (p, f) => `该报批名单已于${p.on ? f.date(p.on) : ''}审核过，不能再次审核`,
    bo: (p, f) => `ཆོག་མཆན་ཞུ་བའི་མིང་ཐོ་འདི་${p.on ? ` ${f.date(p.on)} ལ་` : ''}ཞིབ་བཤེར་བྱས་ཟིན། ཡང་བསྐྱར་ཞིབ་བཤེར་བྱེད་མི་ཆོག`,
    en: (p, f) => `the list was already decided${p.on ? ` on ${f.date(p.on)}` : ''}`,
  }),
  list_mixed_rounds: entry({
    'zh-CN': (_p, f) => `${f.field}必须是同一轮次的贷款（每轮一张报批表）`,
    bo: (_p, f) => `${f.field} སྐོར་རིམ་གཅིག་གི་བུ་ལོན་ཡིན་དགོས། (སྐོར་རིམ་རེར་ཆོག་མཆན་ཞུ་ཤོག་གཅིག)`,
    en: (_p, f) => `${f.field} must all be loans of one round (one list per round)`,
  }),
  list_loan_repeated: entry({
    'zh-CN': (_p, f) => `${f.field}中同一笔贷款只能列入一次`,
    bo: (_p, f) => `${f.field} ནང་བུ་ལོན་གཅིག་ཐེངས་གཅིག་ལས་འགོད་མི་ཆོག`,
    en: (_p, f) => `${f.field} names a loan twice`,
  }),
  list_loan_not_approved: entry<{ status?: string }>({
    'zh-CN': () => '只有已批准、尚未放款的贷款才能报批',
    bo: () => 'ཆོག་མཆན་ཐོབ་ཟིན་ལ་ད་དུང་བུ་ལོན་སྤྲོད་པ་མ་བྱས་པའི་བུ་ལོན་ཁོ་ན་ཆོག་མཆན་ཞུ་ཆོག',
    en: () => 'only approved loans not yet paid out can be sent for confirmation',
  }),
  list_loan_not_on_list: entry({
    'zh-CN': () => '这笔贷款不在该报批名单上',
    bo: () => 'བུ་ལོན་འདི་མིང་ཐོ་འདིའི་ནང་མེད།',
    en: () => 'this loan is not on the list',
  }),
  decided_before_sent: entry<{ date: string }>({
    'zh-CN': (p, f) => `${f.field}不能早于报批日期（${f.date(p.date)}）`,
    bo: (p, f) => `${f.field} ཆོག་མཆན་ཞུས་པའི་ཚེས་གྲངས་ (${f.date(p.date)}) ལས་སྔ་མི་ཆོག`,
    en: (p, f) => `${f.field} must not be before the list was sent (${f.date(p.date)})`,
  }),
};
