/** Chinese words of a mother's data-subject requests (prefix pd_) and their exceptions-report kinds: loaded with those pages. */
import { addChinese } from './chinese.ts';

export const zhCNPersonalData = {
  c_exc_kind_data_access_request: '本人查阅个人信息',
  c_exc_kind_personal_data_corrected: '更正个人信息',
  pd_open: '个人信息副本与更正',
  pd_title: '她的个人信息副本',
  pd_intro: '本人要求查阅时，打印本系统保存的她的全部信息交给她。每次打印都记入她的记录和异常报告。',
  pd_asked_on: '提出请求日期',
  pd_note: '备注（可不填）',
  pd_make_copy: '生成副本',
  pd_correct_title: '更正个人信息',
  pd_correct_intro: '只填要更正的项目，并写明理由（她出示了什么或说了什么）。更正前后的内容记入她的每一条记录。',
  pd_name: '姓名',
  pd_phone: '手机号码',
  pd_household_size: '家庭人口',
  pd_reason: '理由',
  pd_correct_submit: '保存更正',
  pd_corrected: '已更正',
  pd_before: '更正前',
  pd_after: '更正后',
  pd_back: '返回申请',
} as const satisfies Record<`pd_${string}` | `c_exc_kind_${string}`, string>;

export type PersonalDataKey = keyof typeof zhCNPersonalData;

addChinese(zhCNPersonalData);
