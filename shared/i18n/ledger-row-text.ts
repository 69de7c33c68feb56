/**
 * What the ledger's functions say, in a language: the catalogue parts each answers with and
 * a refused ledger row's problem, the column named by the ledger template's Chinese header.
 * The use cases render with the same parts as their function's `lambdaHandler`, so that a
 * function bundles no part of the catalogue it cannot answer with (not the merged `errors.ts`).
 */
import { LEDGER_COLUMNS } from '../domain/ledger-columns.ts';
import type { LedgerFile, LedgerRowError } from '../domain/ledger-schemas.ts';
import { textFrom, type ErrorParams, type MessageTable } from './catalogue.ts';
import { LEDGER_BATCH_ERRORS } from './errors-ledger-batch.ts';
import { LEDGER_STAGING_ERRORS } from './errors-ledger-staging.ts';
import { LOAN_VALUE_ERRORS } from './errors-loan-values.ts';
import { REQUEST_ERRORS } from './errors-request.ts';
import { STATE_ERRORS } from './errors-states.ts';
import { VALUE_ERRORS } from './errors-values.ts';
import { WORKBOOK_ERROR_MESSAGES } from './errors-workbooks.ts';
import { APPLICATION_FIELD_LABELS } from './fields-applications.ts';
import { DISBURSEMENT_FIELD_LABELS } from './fields-disbursement.ts';
import { FORM_FIELD_LABELS } from './fields-forms.ts';
import { LEDGER_FIELD_LABELS } from './fields-ledger.ts';
import { REPAYMENT_FIELD_LABELS } from './fields-repayments.ts';
import { ROUND_FIELD_LABELS } from './fields-rounds.ts';
import type { FieldLabels } from './fields.ts';
import type { Lang } from './lang.ts';
import { LEDGER_ROW_MESSAGES } from './ledger-rows.ts';
import { SHEET_MESSAGES } from './sheet-rows.ts';

/**
 * The parts `ledger-stage` answers with (besides the request part every function has): the rows
 * of the four sheets, read with the sheet readers the application import uses too (what they
 * refuse: `SHEET_MESSAGES`, none of the application import's own), and the batch as staging
 * refuses it (not what applying it refuses). No record's state refuses a row (`STATE_ERRORS`):
 * the ledger's own rules and the database checks name theirs (test/infra/bundles.test.ts finds
 * every rule the function's code names in these parts).
 */
export const LEDGER_STAGE_MESSAGES: readonly MessageTable[] = [VALUE_ERRORS, LOAN_VALUE_ERRORS, SHEET_MESSAGES, LEDGER_STAGING_ERRORS, LEDGER_ROW_MESSAGES, WORKBOOK_ERROR_MESSAGES];

/** The parts `ledger-apply` answers with, and `ledger` says why applying stopped with: the batch as a whole, never its rows. */
export const LEDGER_BATCH_MESSAGES: readonly MessageTable[] = [VALUE_ERRORS, LOAN_VALUE_ERRORS, STATE_ERRORS, LEDGER_BATCH_ERRORS];

/** The field labels the ledger's functions name: the sheets' and those of the records a ledger becomes (rounds, applications, loans, repayments). */
export const LEDGER_FIELD_PARTS: readonly FieldLabels[] = [APPLICATION_FIELD_LABELS, DISBURSEMENT_FIELD_LABELS, FORM_FIELD_LABELS, LEDGER_FIELD_LABELS, REPAYMENT_FIELD_LABELS, ROUND_FIELD_LABELS];

/** A message of the staging function's parts in a language, or undefined when they have none. */
export function ledgerStageText(key: string, params: ErrorParams, lang: Lang, field?: string): string | undefined {
  return textFrom([REQUEST_ERRORS, ...LEDGER_STAGE_MESSAGES], key, params, lang, field);
}

/** Why applying a batch stopped, in a language (undefined when the parts have no message for it). */
export function ledgerBatchText(key: string, params: ErrorParams, lang: Lang): string | undefined {
  return textFrom([REQUEST_ERRORS, ...LEDGER_BATCH_MESSAGES], key, params, lang);
}

/**
 * The problem with its `message` in `lang` (the English wording it was made with when the
 * catalogue has no entry), and its `column`: the header as written in the file, or the
 * template's when the rule was found from the ledger as a whole (none for the row as a whole).
 */
export function ledgerRowErrorIn(file: LedgerFile, e: LedgerRowError, lang: Lang): LedgerRowError {
  const column = LEDGER_COLUMNS[file].find((c) => c.key === e.field)?.zh ?? '';
  const message = ledgerStageText(e.rule, e.params, lang, column) ?? (column ? `${column} ${e.message}` : e.message);
  return { ...e, ...(column && !e.column ? { column } : {}), message };
}
