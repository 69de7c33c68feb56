/** English words of a mother's data-subject requests and their exceptions-report kinds. */
import type { PersonalDataKey } from './zh-CN.personal-data.ts';

export const enPersonalData: Record<PersonalDataKey, string> = {
  c_exc_kind_data_access_request: 'Data-access request',
  c_exc_kind_personal_data_corrected: 'Personal data corrected',
  pd_open: 'Her personal data: copy and correction',
  pd_title: 'Copy of her personal data',
  pd_intro: 'When she asks to see her data, print everything the system holds about her and give it to her. Each copy is recorded in her history and the exceptions report.',
  pd_asked_on: 'Date she asked',
  pd_note: 'Note (optional)',
  pd_make_copy: 'Make the copy',
  pd_correct_title: 'Correct her details',
  pd_correct_intro: 'Fill in only what changes, with the reason (what she showed or said). Before and after are recorded in each of her records.',
  pd_name: 'Name',
  pd_phone: 'Mobile phone',
  pd_household_size: 'Household size',
  pd_reason: 'Reason',
  pd_correct_submit: 'Save the correction',
  pd_corrected: 'Corrected',
  pd_before: 'Before',
  pd_after: 'After',
  pd_back: 'Back to the application',
};
