/**
 * The API's refusals in each language, all parts merged. An error names its message by
 * `rule` (when the throw site gives one) or by its `code`, with structured `params` (amounts
 * in fen, dates YYYY-MM-DD, counts, the unmet conditions); the catalogue writes the sentence.
 * A code not in the catalogue keeps the English message it was thrown with.
 *
 * Each area's messages live in their own part, `errors-<area>.ts` (a new area adds its file
 * and one line here); a Lambda function bundles only the parts it answers with (see
 * `lambdaHandler`), this merged table serves the tests and the documentation. What an entry
 * is: `./catalogue.ts`.
 */
import { textFrom, type Entry, type ErrorParams } from './catalogue.ts';
import { FILE_IMPORT_ERRORS } from './errors-file-import.ts';
import { LEDGER_IMPORT_ERRORS } from './errors-ledger-import.ts';
import { REQUEST_ERRORS } from './errors-request.ts';
import { STATE_ERRORS } from './errors-states.ts';
import { VALUE_ERRORS } from './errors-values.ts';
import { LOAN_VALUE_ERRORS } from './errors-loan-values.ts';
import { PLACE_ERRORS } from './errors-places.ts';
import { APPROVAL_ERRORS } from './errors-approval.ts';
import { CONFIRMATION_STATE_ERRORS } from './errors-confirmation-state.ts';
import { REMITTANCE_ERRORS } from './errors-remittances.ts';
import { DIRECTORY_ERROR_MESSAGES } from './errors-directory.ts';
import { WORKBOOK_ERROR_MESSAGES } from './errors-workbooks.ts';
import { SETTINGS_ERROR_MESSAGES } from './errors-settings.ts';
import { ACCOUNT_ERROR_MESSAGES } from './errors-accounts.ts';
import { REASON_ERROR_MESSAGES } from './errors-reasons.ts';
import { REVEAL_ERROR_MESSAGES } from './errors-reveals.ts';
import { OUTREACH_MESSAGES } from './errors-outreach.ts';
import { SMS_ERROR_MESSAGES } from './errors-sms.ts';
import { PROGRAMME_ERROR_MESSAGES } from './errors-programme.ts';
import { EVALUATION_REPORT_ERRORS } from './errors-evaluation-reports.ts';
import { PERSONAL_DATA_ERROR_MESSAGES } from './errors-personal-data.ts';
import type { Lang } from './lang.ts';
import { addFieldLabels } from './fields.ts';
import { AREA_FIELD_LABELS } from './fields-all.ts';

export { fmtFor, type Entry, type ErrorParams, type Fmt } from './catalogue.ts';
export { blockerText, type Blocker } from './errors-approval.ts';
export { EVALUATION_WORDS, RECORD_WORDS, SCREENING_RULE_WORDS, STATUS_WORDS } from './words.ts';

export const ERROR_MESSAGES = {
  ...REQUEST_ERRORS,
  ...VALUE_ERRORS,
  ...LOAN_VALUE_ERRORS,
  ...PLACE_ERRORS,
  ...STATE_ERRORS,
  ...APPROVAL_ERRORS,
  ...CONFIRMATION_STATE_ERRORS,
  ...REMITTANCE_ERRORS,
  ...DIRECTORY_ERROR_MESSAGES,
  ...WORKBOOK_ERROR_MESSAGES,
  ...FILE_IMPORT_ERRORS,
  ...LEDGER_IMPORT_ERRORS,
  ...SETTINGS_ERROR_MESSAGES,
  ...ACCOUNT_ERROR_MESSAGES,
  ...REASON_ERROR_MESSAGES,
  ...REVEAL_ERROR_MESSAGES,
  ...OUTREACH_MESSAGES,
  ...SMS_ERROR_MESSAGES,
  ...PROGRAMME_ERROR_MESSAGES,
  ...EVALUATION_REPORT_ERRORS,
  ...PERSONAL_DATA_ERROR_MESSAGES,
} satisfies Record<string, Entry<never>>;

// the merged catalogue names every field by its label, as every function together does
addFieldLabels(AREA_FIELD_LABELS);

export type MessageKey = keyof typeof ERROR_MESSAGES;
export type ParamsOf<K extends MessageKey> = (typeof ERROR_MESSAGES)[K] extends Entry<infer P> ? P : never;

/** The message for a rule or code in a language, or undefined when the catalogue has none. */
export function errorText(key: string, params: ErrorParams, lang: Lang, field?: string): string | undefined {
  return textFrom([ERROR_MESSAGES], key, params, lang, field);
}
