/** A refused import row's problem, said in a language: the catalogue's sentence, the column named by the template's Chinese header. */
import { COLUMNS, type ColumnKey, type ImportRowError } from '../domain/import-schemas.ts';
import { errorText } from './errors.ts';
import type { Lang } from './lang.ts';

/** The problem with its `message` in `lang` (the English wording it was made with when the catalogue has no entry). */
export function importRowErrorIn(e: ImportRowError, lang: Lang): ImportRowError {
  const column = COLUMNS[e.field as ColumnKey]?.zh ?? '';
  return { ...e, message: errorText(e.rule, e.params, lang, column) ?? (column ? `${column} ${e.message}` : e.message) };
}
