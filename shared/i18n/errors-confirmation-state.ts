/**
 * The two refusals about a loan's confirmation that the lifecycle itself throws (so every
 * function that moves a loan answers them); spread into `STATE_ERRORS`.
 */
import type { Entry, Fmt } from './catalogue.ts';
import type { Lang } from './lang.ts';

type Words = Record<string, Record<Lang, string>>;
const W = (zh: string, bo: string, en: string): Record<Lang, string> => ({ 'zh-CN': zh, bo, en });
const say = (table: Words, key: unknown, f: Fmt) => table[String(key)]?.[f.lang] ?? String(key ?? '');
const entry = <P = Record<string, never>>(e: Entry<P>): Entry<P> => e;

/** Where a loan stands with the committee, as a sentence part. */
export const CONFIRMATION_STATE: Words = {
  unconfirmed: W('尚未报批', 'ད་དུང་ཆོག་མཆན་ཞུ་མེད།', 'has not been sent for confirmation'),
  listed: W('已报批，正等待组委会审核', 'ཆོག་མཆན་ཞུས་ཟིན། ཨུ་ཡོན་ལྷན་ཁང་གི་ཞིབ་བཤེར་སྒུག་བཞིན་ཡོད།', 'is on a list waiting for the committee'),
  confirmed: W('已经组委会审核确定', 'ཨུ་ཡོན་ལྷན་ཁང་གིས་ཞིབ་བཤེར་གཏན་འཁེལ་བྱས་ཟིན།', 'is already confirmed by the committee'),
  returned: W('已被组委会退回', 'ཨུ་ཡོན་ལྷན་ཁང་གིས་ཕྱིར་སློག་བྱས་ཟིན།', 'was returned by the committee'),
};

export const CONFIRMATION_STATE_ERRORS = {
  confirmation_missing: entry<{ confirmation?: string }>({
    'zh-CN': (p, f) => `组委会尚未审核确定这笔贷款，不能放款（这笔贷款${say(CONFIRMATION_STATE, p.confirmation ?? 'unconfirmed', f)}）`,
    bo: (p, f) => `ཨུ་ཡོན་ལྷན་ཁང་གིས་བུ་ལོན་འདི་ད་དུང་ཞིབ་བཤེར་གཏན་འཁེལ་བྱས་མེད་པས་བུ་ལོན་སྤྲོད་པ་མི་ཆོག (བུ་ལོན་འདི་${say(CONFIRMATION_STATE, p.confirmation ?? 'unconfirmed', f)})`,
    en: (p, f) => `cannot disburse: the committee has not confirmed this loan (it ${say(CONFIRMATION_STATE, p.confirmation ?? 'unconfirmed', f)})`,
  }),
  confirmation_wrong_state: entry<{ confirmation?: string; step?: string }>({
    'zh-CN': (p, f) => `这笔贷款${say(CONFIRMATION_STATE, p.confirmation, f)}，${p.step === 'send' ? '不能再次报批' : '不能审核'}`,
    bo: (p, f) => `བུ་ལོན་འདི་${say(CONFIRMATION_STATE, p.confirmation, f)} ${p.step === 'send' ? 'ཡང་བསྐྱར་ཆོག་མཆན་ཞུ་མི་ཐུབ།' : 'ཞིབ་བཤེར་བྱེད་མི་ཐུབ།'}`,
    en: (p, f) => `this loan ${say(CONFIRMATION_STATE, p.confirmation, f)}; it cannot be ${p.step === 'send' ? 'sent again' : 'decided'}`,
  }),
};
