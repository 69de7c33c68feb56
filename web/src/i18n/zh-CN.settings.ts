/** Chinese words of the programme settings page (prefix s_) and the exceptions report's control kinds: loaded with those pages. */
import { addChinese } from './chinese.ts';

export const zhCNSettings = {
  s_title: '项目设置',
  s_intro: '这些设置是项目的控制措施。收紧立即生效；关闭或放宽须由另一位组委会成员确认后才生效。每次变更都要写明理由，并记入历史和异常情况表。',
  s_current: '当前设置',
  s_four_eyes: '四眼原则（提交、公示、走访、审查的人不能批准；批准的人不能放款）',
  s_back_dated: '补录判定天数（晚于纸面日期多少天登记算补录）',
  s_account_owner: '账号归属天数（某人开设、调动或重新启用的账号，在此天数内视同本人）',
  s_reveals: '每人每日查看完整身份证号的次数',
  s_on: '开',
  s_off: '关',
  s_days: '{n} 天',
  s_times: '{n} 次',
  s_change: '修改设置',
  s_reason: '理由（至少几句话：4 个汉字以上）',
  s_submit: '提交修改',
  s_loosen_note: '关闭或放宽的部分要等另一位组委会成员确认后才生效。',
  s_saved: '已保存。',
  s_no_change: '没有改动任何设置',
  s_pending: '待确认的变更',
  s_pending_none: '没有待确认的变更。',
  s_proposed_by: '提出人：{name}，{when}',
  s_pending_reason: '理由：{reason}',
  s_confirm: '确认生效',
  s_withdraw: '撤回',
  s_own_proposal: '这是你提出的变更，须由另一位组委会成员确认。',
  s_history: '变更历史',
  s_more: '更多',
  c_exc_kind_staff_changed: '账号开设或调动',
  c_exc_kind_settings_changed: '项目设置变更',
  c_exc_kind_controls_off: '控制关闭期间的记录',
  c_exc_kind_resident_id_burst: '短时间内多次查看身份证号',
} as const satisfies Record<`s_${string}` | `c_exc_kind_${string}`, string>;

export type SettingsKey = keyof typeof zhCNSettings;

addChinese(zhCNSettings);
