/**
 * The exceptions report's texts for the insider controls (issue 18): staff accounts created,
 * moved, re-activated or given another role; programme settings proposed, confirmed,
 * withdrawn or changed; records made while a control was off; bursts of full-ID reveals.
 * To be reviewed by a native Tibetan reader.
 */
import type { CONTROL_EXCEPTION_KINDS } from '../domain/control-exceptions.ts';
import type { ExceptionRecord } from '../store/exceptions.ts';
import type { Lang } from './lang.ts';

type Words = Record<Lang, string>;
const W = (zh: string, bo: string, en: string): Words => ({ 'zh-CN': zh, bo, en });

export const CONTROL_KIND_WORDS: Record<(typeof CONTROL_EXCEPTION_KINDS)[number], Words> = {
  staff_changed: W('账号开设或调动', 'རྩིས་ཐོ་གསར་འཛུགས་དང་སྤོ་བ།', 'staff account created or changed'),
  settings_changed: W('项目设置变更', 'ལས་གཞིའི་སྒྲིག་འགོད་བཟོ་བཅོས།', 'programme settings changed'),
  controls_off: W('控制关闭期间的记录', 'ཚོད་འཛིན་བཀག་པའི་སྐབས་ཀྱི་ཟིན་ཐོ།', 'recorded while a control was off'),
  resident_id_burst: W('短时间内多次查看身份证号', 'དུས་ཐུང་ནང་ཐོབ་ཐང་ལག་འཁྱེར་ཨང་ཐེངས་མང་ལྟ་བ།', 'many full-ID reveals in a short time'),
};

/** The programme settings by name. */
export const SETTING_WORDS: Record<string, Words> = {
  separationOfDuties: W('四眼原则', 'མིག་བཞིའི་སྒྲིག་གཞི།', 'four eyes'),
  backDatedAfterDays: W('补录判定天数', 'རྗེས་སུ་ཐོ་བཀོད་ཀྱི་ཉིན་གྲངས།', 'back-dated after days'),
  accountOwnerDays: W('账号归属天数', 'རྩིས་ཐོའི་བདག་པོའི་ཉིན་གྲངས།', 'account counts as its maker for days'),
  revealsPerDay: W('每人每日查看身份证号次数', 'མི་རེར་ཉིན་རེར་ལག་འཁྱེར་ཨང་ལྟ་ཐེངས།', 'full-ID reveals per person per day'),
  retentionYears: W('个人信息保存年限', 'མི་སྒེར་ཆ་འཕྲིན་ཉར་ཚགས་ཀྱི་ལོ་གྲངས།', 'years personal data is kept'),
};

const ROLE_WORDS: Record<string, Words> = {
  committee: W('组委会', 'ཨུ་ཡོན་ལྷན་ཁང་།', 'committee'),
  district: W('区项目办', 'ཆུས་ལས་ཁུངས།', 'district office'),
  township: W('乡（街道）', 'ཤང་།', 'township'),
  field: W('实地工作人员', 'ས་གནས་ལས་བྱེད་པ།', 'field staff'),
};

const STAGE_WORDS: Record<string, Words> = {
  changed: W('已生效', 'ལག་བསྟར་བྱས།', 'in force'),
  proposed: W('已提出，待另一位组委会成员确认', 'གྲོས་འཆར་བཏོན། ཨུ་ཡོན་ལྷན་ཁང་གི་ཁོངས་མི་གཞན་ཞིག་གིས་གཏན་འཁེལ་བྱེད་སྒུག', 'proposed, waiting for a second committee member'),
  confirmed: W('经另一位组委会成员确认后生效', 'ཨུ་ཡོན་ལྷན་ཁང་གི་ཁོངས་མི་གཞན་ཞིག་གིས་གཏན་འཁེལ་བྱས་ནས་ལག་བསྟར་བྱས།', 'confirmed by a second committee member, in force'),
  withdrawn: W('已撤回', 'ཕྱིར་བསྡུས།', 'withdrawn'),
};

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const word = (table: Record<string, Words>, v: unknown, lang: Lang) => table[String(v)]?.[lang] ?? String(v ?? '');

/** A setting's value as people read it: on/off, or a number. */
function value(v: unknown, lang: Lang): string {
  if (v === true) return lang === 'zh-CN' ? '开' : lang === 'bo' ? 'ཁ་ཕྱེ།' : 'on';
  if (v === false) return lang === 'zh-CN' ? '关' : lang === 'bo' ? 'ཁ་བརྒྱབ།' : 'off';
  return String(v ?? '');
}

/** "四眼原则：开 → 关；补录判定天数：7 → 365" from `{ key: { before, after } }`. */
export function settingChanges(changes: unknown, lang: Lang): string {
  if (!changes || typeof changes !== 'object') return '';
  const sep = lang === 'zh-CN' ? '；' : lang === 'bo' ? ' ' : '; ';
  const colon = lang === 'zh-CN' ? '：' : ' ';
  return Object.entries(changes as Record<string, { before?: unknown; after?: unknown }>)
    .map(([k, c]) => `${word(SETTING_WORDS, k, lang)}${colon}${value(c?.before, lang)} → ${value(c?.after, lang)}`)
    .join(sep);
}

/** What happened, in `lang`, for the kinds of this file; `what` names a recorded entry (the report's own words). */
export function controlExceptionText(e: Pick<ExceptionRecord, 'kind' | 'data'>, lang: Lang, officeName: (id: string) => string, what: (v: unknown) => string): string {
  const d = e.data ?? {};
  switch (e.kind) {
    case 'staff_changed': {
      const name = str(d.displayName) ?? '';
      const role = word(ROLE_WORDS, d.role, lang);
      const office = str(d.officeId) ? officeName(str(d.officeId)!) : '';
      const from = str(d.fromOfficeId) ? officeName(str(d.fromOfficeId)!) : '';
      const fromRole = word(ROLE_WORDS, d.fromRole, lang);
      switch (d.change) {
        case 'moved':
          if (lang === 'zh-CN') return `调动账号：${name}从${from}调到${office}`;
          if (lang === 'bo') return `རྩིས་ཐོ་སྤོ་བ། ${name} ${from} ནས་ ${office} ལ་སྤོས།`;
          return `account moved: ${name} from ${from} to ${office}`;
        case 'role_changed':
          if (lang === 'zh-CN') return `更改账号角色：${name}由${fromRole}改为${role}`;
          if (lang === 'bo') return `རྩིས་ཐོའི་ལས་འགན་བསྒྱུར་བ། ${name} ${fromRole} ནས་ ${role} ལ་བསྒྱུར།`;
          return `account role changed: ${name} from ${fromRole} to ${role}`;
        case 'reactivated':
          if (lang === 'zh-CN') return `重新启用账号：${name}（${role}，${office}）`;
          if (lang === 'bo') return `རྩིས་ཐོ་བསྐྱར་དུ་སྤྱོད་འགོ་ཚུགས། ${name} (${role} ${office})`;
          return `account re-activated: ${name} (${role}, ${office})`;
        default:
          if (lang === 'zh-CN') return `开设账号：${name}（${role}，${office}）`;
          if (lang === 'bo') return `རྩིས་ཐོ་གསར་འཛུགས། ${name} (${role} ${office})`;
          return `account created: ${name} (${role}, ${office})`;
      }
    }
    case 'settings_changed': {
      const stage = word(STAGE_WORDS, d.stage, lang);
      const changes = settingChanges(d.changes, lang);
      const reason = str(d.reason);
      if (lang === 'zh-CN') return `项目设置${stage}：${changes}${reason ? `（理由：${reason}）` : ''}`;
      if (lang === 'bo') return `ལས་གཞིའི་སྒྲིག་འགོད། ${stage} ${changes}${reason ? ` རྒྱུ་མཚན། ${reason}` : ''}`;
      return `programme settings ${stage}: ${changes}${reason ? ` (reason: ${reason})` : ''}`;
    }
    case 'controls_off': {
      const controls = (Array.isArray(d.controls) ? d.controls : []).map((k) => word(SETTING_WORDS, k, lang));
      const entry = what(d.what);
      if (lang === 'zh-CN') return `${entry}登记时，以下控制已关闭或放宽：${controls.join('、')}`;
      if (lang === 'bo') return `${entry} ཐོ་བཀོད་སྐབས་ཚོད་འཛིན་འདི་དག་བཀག་ཡོད། ${controls.join(' ')}`;
      return `${entry} recorded while these controls were off or loosened: ${controls.join(', ')}`;
    }
    case 'resident_id_burst': {
      const n = typeof d.count === 'number' ? d.count : 0;
      const minutes = typeof d.minutes === 'number' ? d.minutes : 0;
      if (lang === 'zh-CN') return `${minutes} 分钟内查看完整身份证号 ${n} 次`;
      if (lang === 'bo') return `སྐར་མ་ ${minutes} ནང་ཐོབ་ཐང་ལག་འཁྱེར་ཨང་ཆ་ཚང་ཐེངས་ ${n} ལྟས།`;
      return `the full resident ID number was shown ${n} times within ${minutes} minutes`;
    }
    default:
      return '';
  }
}
