/**
 * The refusals of the insider controls (issue 18): four eyes that counts people, not
 * accounts; settings changes with a reason, loosened only by two committee members; limited
 * full-ID reveals; consent dated and taken by the office's own staff. Part of ERROR_MESSAGES.
 * The Tibetan sentences await a native speaker's review.
 */
import type { Entry } from './catalogue.ts';

const entry = <P = Record<string, never>>(e: Entry<P>): Entry<P> => e;

export const SETTINGS_ERROR_MESSAGES = {
  account_made_by_you: entry<{ account?: string; days?: number }>({
    'zh-CN': (p, f) =>
      `四眼原则：${f.field || '前一步'}是由账号 ${p.account ?? ''} 办理的，这个账号是你在 ${p.days ?? 90} 天内开设（或调动、重新启用）的，视同你本人办理；请由另一位工作人员办理这一步`,
    bo: (p, f) =>
      `མིག་བཞིའི་སྒྲིག་གཞི། ${f.field || 'གོ་རིམ་སྔ་མ'} རྩིས་ཐོ་ ${p.account ?? ''} ཡིས་བྱས། རྩིས་ཐོ་དེ་ཁྱེད་ཀྱིས་ཉིན་ ${p.days ?? 90} ནང་གསར་འཛུགས་སམ་སྤོ་བ། ཡང་ན་བསྐྱར་དུ་སྤྱོད་འགོ་ཚུགས་པས་ཁྱེད་རང་གིས་བྱས་པ་དང་འདྲ། ལས་བྱེད་པ་གཞན་ཞིག་གིས་གོ་རིམ་འདི་བྱེད་རོགས།`,
    en: (p, f) =>
      `separation of duties: the ${f.field || 'earlier step'} was done by the account ${p.account ?? ''}, which you created, moved or re-activated within ${p.days ?? 90} days, so it counts as you; another staff member must do this step`,
  }),
  account_made_by_step_actor: entry<{ account?: string; days?: number }>({
    'zh-CN': (p, f) => `四眼原则：你的账号是 ${p.account ?? ''} 在 ${p.days ?? 90} 天内开设（或调动、重新启用）的，而${f.field || '前一步'}正是由此人办理；请由另一位工作人员办理这一步`,
    bo: (p, f) => `མིག་བཞིའི་སྒྲིག་གཞི། ཁྱེད་ཀྱི་རྩིས་ཐོ་ ${p.account ?? ''} ཡིས་ཉིན་ ${p.days ?? 90} ནང་གསར་འཛུགས་སམ་སྤོ་བ་བྱས་ལ། ${f.field || 'གོ་རིམ་སྔ་མ'} ཡང་མི་དེས་བྱས། ལས་བྱེད་པ་གཞན་ཞིག་གིས་གོ་རིམ་འདི་བྱེད་རོགས།`,
    en: (p, f) =>
      `separation of duties: your account was created, moved or re-activated by ${p.account ?? ''} within ${p.days ?? 90} days, who also did the ${f.field || 'earlier step'}; another staff member must do this step`,
  }),
  reason_too_short: entry<{ han?: number; tibetanSyllables?: number; words?: number }>({
    'zh-CN': (p, f) => `${f.field || '理由'}要用几句话说明：至少 ${p.han ?? 4} 个汉字（或 ${p.tibetanSyllables ?? 3} 个藏文音节、${p.words ?? 3} 个词）`,
    bo: (p, f) => `${f.field || 'རྒྱུ་མཚན'} ཚིག་འགའ་ཡིས་གསལ་བཤད་བྱེད་དགོས། ཉུང་མཐར་ཡི་གེ་ ${p.tibetanSyllables ?? 3} (རྒྱ་ཡིག་ ${p.han ?? 4}) དགོས།`,
    en: (p, f) => `${f.field || 'the reason'} must say why in a few words: at least ${p.words ?? 3} words (or ${p.han ?? 4} Chinese characters, ${p.tibetanSyllables ?? 3} Tibetan syllables)`,
  }),
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
  reveal_limit_reached: entry<{ limit?: number }>({
    'zh-CN': (p) => `你今天已经查看了 ${p.limit ?? 20} 个完整身份证号，每人每天最多这么多；请明天再查看，或请组委会调整`,
    bo: (p) => `ཁྱེད་ཀྱིས་དེ་རིང་ཐོབ་ཐང་ལག་འཁྱེར་ཨང་ཆ་ཚང་ ${p.limit ?? 20} ལྟས་ཟིན། མི་རེར་ཉིན་རེར་མང་མཐར་དེ་ཙམ་ཡིན། སང་ཉིན་ཡང་བསྐྱར་ལྟ་རོགས། ཡང་ན་ཨུ་ཡོན་ལྷན་ཁང་ལ་ཞུ་རོགས།`,
    en: (p) => `you have seen ${p.limit ?? 20} full resident ID numbers today, the most one person may in a day: ask again tomorrow, or ask the committee`,
  }),
} satisfies Record<string, Entry<never>>;
