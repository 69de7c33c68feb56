/**
 * History texts of the programme settings (issue 18): a change in force at once, a loosening
 * proposed, confirmed by a second committee member or withdrawn — each with before → after
 * and the reason; and the mark of an entry recorded while a control was off. Part of
 * HISTORY_MESSAGES. To be reviewed by a native Tibetan reader.
 */
import { SETTING_WORDS, settingChanges } from './exceptions-controls.ts';
import type { Lang } from './lang.ts';

type P = Record<string, unknown>;
type Entry = Record<Lang, (p: P) => string>;

const reason = (p: P, lang: Lang) => {
  const r = typeof p.reason === 'string' && p.reason ? p.reason : '';
  if (!r) return '';
  return lang === 'zh-CN' ? `（理由：${r}）` : lang === 'bo' ? ` རྒྱུ་མཚན། ${r}` : ` (reason: ${r})`;
};
const who = (p: P) => {
  const a = p.proposedBy as { displayName?: string; username?: string } | undefined;
  return a?.displayName ?? a?.username ?? '';
};

export const SETTINGS_HISTORY_MESSAGES: Record<string, Entry> = {
  settings_changed: {
    'zh-CN': (p) => `修改了项目设置${p.changes ? `：${settingChanges(p.changes, 'zh-CN')}` : ''}${reason(p, 'zh-CN')}`,
    bo: (p) => `ལས་གཞིའི་སྒྲིག་འགོད་བཟོ་བཅོས་བྱས།${p.changes ? ` ${settingChanges(p.changes, 'bo')}` : ''}${reason(p, 'bo')}`,
    en: (p) => `programme settings changed${p.changes ? `: ${settingChanges(p.changes, 'en')}` : ''}${reason(p, 'en')}`,
  },
  settings_proposed: {
    'zh-CN': (p) => `提出放宽项目设置，待另一位组委会成员确认：${settingChanges(p.changes, 'zh-CN')}${reason(p, 'zh-CN')}`,
    bo: (p) => `ལས་གཞིའི་སྒྲིག་འགོད་ལྷོད་པའི་གྲོས་འཆར་བཏོན། ཨུ་ཡོན་ལྷན་ཁང་གི་ཁོངས་མི་གཞན་ཞིག་གིས་གཏན་འཁེལ་བྱེད་སྒུག ${settingChanges(p.changes, 'bo')}${reason(p, 'bo')}`,
    en: (p) => `loosening of the programme settings proposed, waiting for a second committee member: ${settingChanges(p.changes, 'en')}${reason(p, 'en')}`,
  },
  settings_confirmed: {
    'zh-CN': (p) => `确认了${who(p)}提出的设置变更，现已生效：${settingChanges(p.changes, 'zh-CN')}${reason(p, 'zh-CN')}`,
    bo: (p) => `${who(p)} ཡིས་བཏོན་པའི་སྒྲིག་འགོད་བཟོ་བཅོས་གཏན་འཁེལ་བྱས། ད་ལྟ་ལག་བསྟར་བྱེད། ${settingChanges(p.changes, 'bo')}${reason(p, 'bo')}`,
    en: (p) => `confirmed the settings change proposed by ${who(p)}, now in force: ${settingChanges(p.changes, 'en')}${reason(p, 'en')}`,
  },
  settings_withdrawn: {
    'zh-CN': (p) => `撤回了${who(p)}提出的设置变更：${settingChanges(p.changes, 'zh-CN')}`,
    bo: (p) => `${who(p)} ཡིས་བཏོན་པའི་སྒྲིག་འགོད་བཟོ་བཅོས་ཕྱིར་བསྡུས། ${settingChanges(p.changes, 'bo')}`,
    en: (p) => `withdrew the settings change proposed by ${who(p)}: ${settingChanges(p.changes, 'en')}`,
  },
};

/** The mark of an entry recorded while controls were off or loosened (`params.controlsOff`). */
export function controlsOffMark(controls: unknown, lang: Lang): string {
  if (!Array.isArray(controls) || controls.length === 0) return '';
  const names = controls.map((k) => SETTING_WORDS[String(k)]?.[lang] ?? String(k));
  if (lang === 'zh-CN') return `（登记时${names.join('、')}已关闭或放宽）`;
  if (lang === 'bo') return ` (ཐོ་བཀོད་སྐབས་ ${names.join(' ')} བཀག་ཡོད།)`;
  return ` (recorded while ${names.join(', ')} ${names.length > 1 ? 'were' : 'was'} off or loosened)`;
}
