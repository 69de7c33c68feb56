/** Tibetan words of a mother's data-subject requests and their exceptions-report kinds. To be reviewed by a native reader. */
import type { PersonalDataKey } from './zh-CN.personal-data.ts';

export const boPersonalData: Record<PersonalDataKey, string> = {
  c_exc_kind_data_access_request: 'རང་ཉིད་ཀྱི་མི་སྒེར་ཆ་འཕྲིན་ལྟ་བའི་རེ་ཞུ།',
  c_exc_kind_personal_data_corrected: 'མི་སྒེར་ཆ་འཕྲིན་བཅོས་སྒྲིག',
};
