/** A refused import row's problem, said in a language: the catalogue's sentence, the column named by the template's Chinese header. */
import { COLUMNS, type ColumnKey, type ImportRowError } from '../domain/import-schemas.ts';
import { textFrom } from './catalogue.ts';
import { FILE_IMPORT_ERRORS } from './errors-file-import.ts';
import { REQUEST_ERRORS } from './errors-request.ts';
import { SETTINGS_ERROR_MESSAGES } from './errors-settings.ts';
import { SMS_ERROR_MESSAGES } from './errors-sms.ts';
import { STATE_ERRORS } from './errors-states.ts';
import { VALUE_ERRORS } from './errors-values.ts';
import type { Lang } from './lang.ts';

/** The parts of the catalogue a row's rule may come from (every part but the ledger's). */
const ROW_MESSAGES = [FILE_IMPORT_ERRORS, REQUEST_ERRORS, VALUE_ERRORS, STATE_ERRORS, SETTINGS_ERROR_MESSAGES, SMS_ERROR_MESSAGES];

/** The problem with its `message` in `lang` (the English wording it was made with when the catalogue has no entry). */
export function importRowErrorIn(e: ImportRowError, lang: Lang): ImportRowError {
  const column = COLUMNS[e.field as ColumnKey]?.zh ?? '';
  return { ...e, message: textFrom(ROW_MESSAGES, e.rule, e.params, lang, column) ?? (column ? `${column} ${e.message}` : e.message) };
}
