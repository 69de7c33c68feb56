/** Chinese words of search, the collection page and the loan file's paper links (prefix s_). Loaded with the parts that use them. */
import { addChinese } from './chinese.ts';

export const zhCNFind = {
  s_search_label: '查找母亲',
  s_search_placeholder: '姓名开头或完整身份证号',
  s_search: '查找',
  s_results: '查找结果',
  s_found: '找到 {n} 条',
  s_nothing_found: '没有找到“{q}”。请输入姓名的开头几个字，或完整的18位身份证号。',
  s_kind_application: '申请',
  s_kind_loan: '贷款',
  s_repayment_card: '打印还款卡',
  s_from_ledger: '台账导入',
  s_from_ledger_hint: '此笔贷款由历史台账导入，没有申请记录',
  s_collection_title: '催收清单',
  s_collection_intro: '收款日按村列出本月到期和已逾期的贷款及余额，可打印后带到各村收款。',
  s_township: '乡（街道）',
  s_choose_township: '请选择乡（街道）',
  s_as_of: '收款日',
  s_print_list: '打印催收清单',
  s_due_this_month: '本月到期',
  s_overdue: '已逾期',
  s_to_collect: '应收合计',
  s_loans_n: '{n} 笔',
  s_nothing_to_collect: '这一天本乡（街道）没有到期或逾期的贷款',
  s_mother: '母亲',
  s_due_on: '到期日',
  s_balance: '余额',
  s_state: '状态',
  s_total: '贷款笔数',
} as const satisfies Record<string, string>;

addChinese(zhCNFind);
