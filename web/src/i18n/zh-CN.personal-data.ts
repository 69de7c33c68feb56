/** Chinese words of a mother's data-subject requests (prefix pd_) and their exceptions-report kinds: loaded with those pages. */
import { addChinese } from './chinese.ts';

export const zhCNPersonalData = {
  c_exc_kind_data_access_request: '本人查阅个人信息',
  c_exc_kind_personal_data_corrected: '更正个人信息',
} as const satisfies Record<`pd_${string}` | `c_exc_kind_${string}`, string>;

export type PersonalDataKey = keyof typeof zhCNPersonalData;

addChinese(zhCNPersonalData);
