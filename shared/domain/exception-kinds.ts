/**
 * The exceptions report's kinds and the records they concern, in one list that the store's
 * record, the report's query and its answer all use (a leaf: the web app imports it too).
 * The insider controls' kinds come from `control-exceptions.ts`.
 */
import { CONTROL_EXCEPTION_KINDS, CONTROL_RECORD_TYPES } from './control-exceptions.ts';
import { PERSONAL_DATA_EXCEPTION_KINDS } from './personal-data-kinds.ts';

export const EXCEPTION_KINDS = [
  'back_dated',
  'duplicate_receipt',
  'cross_district_application',
  'resident_id_revealed',
  'remittance_mismatch',
  'bulk_id_check',
  ...CONTROL_EXCEPTION_KINDS,
  'sms_failed',
  'sms_over_budget',
  ...PERSONAL_DATA_EXCEPTION_KINDS,
] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

/** The records an exception concerns. */
export const EXCEPTION_RECORD_TYPES = ['application', 'loan', 'remittance', 'import', ...CONTROL_RECORD_TYPES] as const;
export type ExceptionRecordType = (typeof EXCEPTION_RECORD_TYPES)[number];
