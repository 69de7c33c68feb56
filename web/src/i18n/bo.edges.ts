/** Tibetan words of issue 21's rough edges (see zh-CN.edges.ts). To be reviewed by a native reader. */
import type { EdgesKey } from './zh-CN.edges.ts';

export const boEdges: Record<EdgesKey, string> = {
  f_not_yet_due: 'ད་དུང་དུས་ཚོད་མ་སླེབས།',
  f_evals_hint_all: 'དུས་ཡོལ་ཟིན་པ་དང་། ཉིན་ 30 ནང་དུས་ཚོད་སླེབས་རྒྱུ། ད་དུང་དུས་ཚོད་མ་སླེབས་པའི་དཔྱད་བསྡུར། (དུས་ཚོད་མ་སླེབས་ཀྱང་སྔོན་ལ་དཔྱད་བསྡུར་བྱེད་ཆོག)',
  f_visits_waiting: '+ {n} གཏོང་རྒྱུ་སྒུག་བཞིན།',
  d_evaluate_now: 'དཔྱད་བསྡུར་བྱེད།',
  d_written_off_amount: 'རྩིས་མེད་བཏང་ཟིན། {amount}',
  c_pf_repaid_in_full: 'ཆ་ཚང་འཇལ་ཟིན་ {n}',
  r_no_loans_yet: 'ད་དུང་བུ་ལོན་སྤྲད་མེད།',
  d_notice_unposted: 'གཤམ་གྱི་རེ་ཞུ་ད་དུང་གསལ་བསྒྲགས་བྱས་མེད། གསལ་བསྒྲགས་ཤོག་བུར་མེད། {names}',
  d_notice_nothing_posted: 'སྐོར་རིམ་འདིར་གྲོང་ཚོ་འདིའི་རེ་ཞུ་གང་ཡང་ད་དུང་གསལ་བསྒྲགས་བྱས་མེད། པར་འདེབས་བྱ་རྒྱུའི་གསལ་བསྒྲགས་མེད། སྔོན་ལ་རེ་ཞུའི་ཤོག་ངོས་སུ་གསལ་བསྒྲགས་ཀྱི་ཚེས་གྲངས་འགོད་རོགས།',
  table_scroll: '{name} (གཡས་གཡོན་དུ་འགུལ་ཆོག)',
};
