/**
 * The refusals of the settings' changes (issue 18): loosened only by two committee members,
 * one change waiting at a time. A part of the catalogue (./errors.ts); the other insider
 * controls are parts of their own: four eyes that counts people, not accounts
 * (./errors-accounts.ts), reasons and the limited full-ID reveals (./errors-reasons.ts).
 * The Tibetan sentences await a native speaker's review.
 */
import type { Entry } from './catalogue.ts';

const entry = <P = Record<string, never>>(e: Entry<P>): Entry<P> => e;

export const SETTINGS_ERROR_MESSAGES = {
  settings_change_pending: entry<{ proposedBy?: string }>({
    'zh-CN': (p) => `${p.proposedBy ?? '另一位组委会成员'}提出的设置变更正在等待确认：请先确认或撤回，再提出新的放宽`,
    bo: (p) => `${p.proposedBy ?? 'ཨུ་ཡོན་ལྷན་ཁང་གི་ཁོངས་མི་གཞན་ཞིག'} གིས་བཏོན་པའི་སྒྲིག་འགོད་བཟོ་བཅོས་གཏན་འཁེལ་བྱེད་སྒུག་ཡོད། སྔོན་ལ་གཏན་འཁེལ་ལམ་ཕྱིར་བསྡུ་རོགས།`,
    en: (p) => `a change of the settings proposed by ${p.proposedBy ?? 'another committee member'} waits for confirmation: confirm or withdraw it first`,
  }),
  proposer_cannot_confirm: entry({
    'zh-CN': () => '这项设置变更是你提出的，须由另一位组委会成员确认',
    bo: () => 'སྒྲིག་འགོད་བཟོ་བཅོས་འདི་ཁྱེད་ཀྱིས་བཏོན་པས། ཨུ་ཡོན་ལྷན་ཁང་གི་ཁོངས་མི་གཞན་ཞིག་གིས་གཏན་འཁེལ་བྱེད་དགོས།',
    en: () => 'you proposed this change of the settings: another committee member must confirm it',
  }),
  no_pending_change: entry({
    'zh-CN': () => '没有这项待确认的设置变更（可能已被确认或撤回），请刷新后再看',
    bo: () => 'གཏན་འཁེལ་བྱེད་སྒུག་པའི་སྒྲིག་འགོད་བཟོ་བཅོས་འདི་མི་འདུག བསྐྱར་དུ་ཀློག་རོགས།',
    en: () => 'no such change of the settings waits for confirmation (it may have been confirmed or withdrawn): reload',
  }),
} satisfies Record<string, Entry<never>>;
