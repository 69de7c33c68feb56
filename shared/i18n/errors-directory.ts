/**
 * Refusals about who is who and when: a sign-in subject bound to someone else in the staff
 * directory, a username already taken, and an application's consent signed more than a year
 * before the application. A part of the catalogue (./errors.ts), listed in `lambdaHandler`'s
 * messages by the functions whose code names these rules (staff, applications, imports).
 */
import { entry, type MessageTable } from './catalogue.ts';

export const DIRECTORY_ERROR_MESSAGES = {
  subject_taken: entry({
    'zh-CN': () => '这个登录身份（主体标识）已属于人员名录中的另一个人',
    bo: () => 'ནང་འཛུལ་ཐོབ་ཐང་འདི་ལས་བྱེད་པའི་ཐོ་ཡིག་ནང་མི་གཞན་ཞིག་གི་ཡིན།',
    en: () => 'this sign-in identity (subject) already belongs to another person in the staff directory',
  }),
  username_taken: entry({
    'zh-CN': () => '这个用户名已经有人使用',
    bo: () => 'སྤྱོད་མཁན་གྱི་མིང་འདི་མི་གཞན་གྱིས་བེད་སྤྱོད་བྱས་ཟིན།',
    en: () => 'this username is already taken',
  }),
  consent_too_old: entry<{ days: number; date: string }>({
    'zh-CN': (p, f) => `${f.field || '同意书签署日期'}不能早于申请日期前 ${p.days} 天（${f.date(p.date)}）：请重新取得她的同意`,
    bo: (p, f) => `${f.field || 'མོས་མཐུན་ཡིག་ཆའི་ཚེས་'} རེ་འདུན་ཚེས་གྲངས་ཀྱི་སྔོན་ཉིན་གྲངས་ ${p.days} (${f.date(p.date)}) ལས་སྔ་མི་ཆོག ཁོང་གི་མོས་མཐུན་ཡང་བསྐྱར་ལེན་རོགས།`,
    en: (p, f) => `${f.field || 'the consent date'} must be no more than ${p.days} days before the application (${f.date(p.date)}): take her consent again`,
  }),
} satisfies MessageTable;
