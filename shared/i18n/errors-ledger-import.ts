/** Refusals of a ledger import: the batch (./errors-ledger-batch.ts), and each sheet, row and paper total (./ledger-rows.ts). */
import type { MessageTable } from './catalogue.ts';
import { LEDGER_BATCH_ERRORS } from './errors-ledger-batch.ts';
import { LEDGER_ROW_MESSAGES } from './ledger-rows.ts';

export const LEDGER_IMPORT_ERRORS = {
  ...LEDGER_BATCH_ERRORS,
  // ----- a sheet, a row, the paper totals -----
  ...LEDGER_ROW_MESSAGES,
} satisfies MessageTable;
