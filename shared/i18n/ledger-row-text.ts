/** A refused ledger row's problem, said in a language: the catalogue's sentence, the column named by the ledger template's Chinese header. */
import { LEDGER_COLUMNS } from '../domain/ledger.ts';
import type { LedgerFile, LedgerRowError } from '../domain/ledger-schemas.ts';
import { errorText } from './errors.ts';
import type { Lang } from './lang.ts';

/**
 * The problem with its `message` in `lang` (the English wording it was made with when the
 * catalogue has no entry), and its `column`: the header as written in the file, or the
 * template's when the rule was found from the ledger as a whole (none for the row as a whole).
 */
export function ledgerRowErrorIn(file: LedgerFile, e: LedgerRowError, lang: Lang): LedgerRowError {
  const column = LEDGER_COLUMNS[file].find((c) => c.key === e.field)?.zh ?? '';
  const message = errorText(e.rule, e.params, lang, column) ?? (column ? `${column} ${e.message}` : e.message);
  return { ...e, ...(column && !e.column ? { column } : {}), message };
}
