/** English words of issue 21's rough edges (see zh-CN.edges.ts). */
import type { EdgesKey } from './zh-CN.edges.ts';

export const enEdges: Record<EdgesKey, string> = {
  f_not_yet_due: 'Not yet due',
  f_evals_hint_all: 'Evaluations overdue, due within 30 days and not yet due (one not yet due may be done early)',
  f_visits_waiting: '+ {n} waiting',
  d_evaluate_now: 'Evaluate',
  d_written_off_amount: 'Written off: {amount}',
  c_pf_repaid_in_full: '{n} repaid in full',
  r_no_loans_yet: 'no loans paid out yet',
  d_notice_unposted: 'Not yet posted, so not on the notice: {names}',
  d_notice_nothing_posted: 'No application of this village in this round has been posted yet: there is no notice to print. Record the posting date on the application page first.',
  table_scroll: '{name} (scrolls sideways)',
};
