/** English words of a mother's data-subject requests and their exceptions-report kinds. */
import type { PersonalDataKey } from './zh-CN.personal-data.ts';

export const enPersonalData: Record<PersonalDataKey, string> = {
  c_exc_kind_data_access_request: 'Data-access request',
  c_exc_kind_personal_data_corrected: 'Personal data corrected',
};
