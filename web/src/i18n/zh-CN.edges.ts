/** Chinese words of issue 21's rough edges: evaluations not yet due, visits waiting on the phone, the loan page's link to evaluate, words that misled. Loaded with the pages that use them. */
import { addChinese } from './chinese.ts';

export const zhCNEdges = {
  f_not_yet_due: '未到期',
  f_evals_hint_all: '已逾期、30 天内到期和尚未到期的评估（未到期的也可以提前评估）',
  f_visits_waiting: '+ {n} 次待发送',
  d_evaluate_now: '评估',
  d_written_off_amount: '已核销 {amount}',
  c_pf_repaid_in_full: '已还清 {n} 笔',
  r_no_loans_yet: '尚未放款',
  d_notice_unposted: '以下申请尚未公示，不在公示单上：{names}',
  d_notice_nothing_posted: '本村在本轮次的申请都还没有公示，没有可打印的公示单。先在申请页登记公示日期。',
  table_scroll: '{name}（可左右滚动）',
} as const satisfies Record<string, string>;

export type EdgesKey = keyof typeof zhCNEdges;
addChinese(zhCNEdges);
