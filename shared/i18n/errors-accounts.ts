/**
 * Four eyes that counts people, not accounts (issue 18): a step done by an account you made,
 * or by the person who made yours, counts as done by you. A part of the catalogue
 * (./errors.ts), listed in `lambdaHandler`'s messages by the functions whose steps four eyes
 * keeps apart. The Tibetan sentences await a native speaker's review.
 */
import type { Entry } from './catalogue.ts';

const entry = <P = Record<string, never>>(e: Entry<P>): Entry<P> => e;

export const ACCOUNT_ERROR_MESSAGES = {
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
} satisfies Record<string, Entry<never>>;
