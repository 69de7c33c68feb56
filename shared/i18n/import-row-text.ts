/** A refused import row's problem, said in a language: the catalogue's sentence, the column named by the template's Chinese header. */
import { COLUMNS, type ColumnKey, type ImportRowError } from '../domain/import-schemas.ts';
import { textFrom } from './catalogue.ts';
import { DIRECTORY_ERROR_MESSAGES } from './errors-directory.ts';
import { FILE_IMPORT_ERRORS } from './errors-file-import.ts';
import { LOAN_VALUE_ERRORS } from './errors-loan-values.ts';
import { REQUEST_ERRORS } from './errors-request.ts';
import { STATE_ERRORS } from './errors-states.ts';
import { VALUE_ERRORS } from './errors-values.ts';
import type { Lang } from './lang.ts';

/**
 * The parts of the catalogue a row's rule may come from: the file's and rows' own, the
 * request's, the consent's date, values, the loan's values and states. The imports function
 * answers with the same parts (its `lambdaHandler` messages), so test/infra/bundles.test.ts,
 * which finds every rule its code names in them, proves that every row's rule has its text.
 */
export const IMPORT_ROW_MESSAGES = [FILE_IMPORT_ERRORS, REQUEST_ERRORS, DIRECTORY_ERROR_MESSAGES, VALUE_ERRORS, LOAN_VALUE_ERRORS, STATE_ERRORS];

/** The problem with its `message` in `lang` (the English wording it was made with when the catalogue has no entry). */
export function importRowErrorIn(e: ImportRowError, lang: Lang): ImportRowError {
  const column = COLUMNS[e.field as ColumnKey]?.zh ?? '';
  return { ...e, message: textFrom(IMPORT_ROW_MESSAGES, e.rule, e.params, lang, column) ?? (column ? `${column} ${e.message}` : e.message) };
}
