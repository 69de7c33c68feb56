/** Request and answer shapes of the ledger import (an office's past rounds, loans, repayments and write-offs). */
import * as z from 'zod/mini';
import { withMeta } from './meta.ts';
import { officeId, recordId, text } from './schemas/common.ts';
import { DeclaredTotals, LEDGER_FILES, paperTotals } from './schemas/ledger-import.ts';

// the request of POST /ledger-imports is its own module, so that the staging function bundles none of the schemas below
export { DeclaredTotals, LEDGER_FILES, LedgerImportInput, MAX_LEDGER_ROWS, paperTotals, type LedgerFile } from './schemas/ledger-import.ts';

export const LedgerRowError = z.object({
  /** the column's canonical (English) name, e.g. amountYuan, paidOn; `row` for the row as a whole */
  field: z.string(),
  /** the column's header as written in the file */
  column: z.optional(z.string()),
  rule: withMeta(z.string(), { description: 'the rule the row breaks, a key of the message catalogue (shared/i18n/errors.ts, shared/i18n/ledger-rows.ts), e.g. required, ledger_exceeds_balance' }),
  params: withMeta(z.record(z.string(), z.unknown()), { description: "the rule's parameters (amounts in fen, dates YYYY-MM-DD, row numbers)" }),
  /** the rule in the request's language (Accept-Language), naming the column by the ledger template's Chinese header */
  message: z.string(),
});
export type LedgerRowError = z.infer<typeof LedgerRowError>;

export const LedgerRowResult = z.object({
  file: z.enum(LEDGER_FILES),
  /** 1-based line (CSV) or row (Excel) number in that file */
  row: z.int(),
  status: z.enum(['accepted', 'refused', 'already_imported']),
  /** the record the row becomes (round, loan or repayment id) */
  id: z.optional(z.string()),
  errors: z.optional(z.array(LedgerRowError)),
});
export type LedgerRowResult = z.infer<typeof LedgerRowResult>;

/** figures recomputed from the rows: outstanding may come out negative when the rows are wrong */
export const LedgerFigures = z.object({ loans: z.int(), repayments: z.int(), writeOffs: z.int(), disbursedFen: z.int(), repaidFen: z.int(), writtenOffFen: z.int(), outstandingFen: z.int() });
export type LedgerFigures = z.infer<typeof LedgerFigures>;

export const RoundFigures = z.extend(LedgerFigures, {
  name: z.string(),
  roundId: z.string(),
  /** the round's paper totals from its row in the rounds sheet, when written there */
  declared: z.optional(z.partial(z.strictObject(paperTotals))),
});
export type RoundFigures = z.infer<typeof RoundFigures>;

export const TotalDifference = z.object({
  /** the round's name, or absent for the whole ledger */
  round: z.optional(z.string()),
  field: z.enum(['disbursedFen', 'repaidFen', 'writtenOffFen', 'outstandingFen']),
  declaredFen: z.int(),
  computedFen: z.int(),
  /** computed − declared */
  differenceFen: z.int(),
});
export type TotalDifference = z.infer<typeof TotalDifference>;

export const LedgerReport = z.object({
  districtId: z.string(),
  dryRun: z.boolean(),
  rows: z.array(LedgerRowResult),
  accepted: z.int(),
  refused: z.int(),
  alreadyImported: z.int(),
  /** figures recomputed from every row (imported before or not), whole ledger and per round */
  totals: LedgerFigures,
  rounds: z.array(RoundFigures),
  declaredTotals: DeclaredTotals,
  /** true when every total equals the declared paper totals to the fen */
  reconciled: z.boolean(),
  differences: z.array(TotalDifference),
  /** the staged batch, when not a dry run */
  batchId: z.optional(z.string()),
});
export type LedgerReport = z.infer<typeof LedgerReport>;

export const LEDGER_STATUSES = ['staged', 'applying', 'applied', 'rejected'] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

export const LedgerApprovalInput = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approve'), reason: z.optional(text(2000)) }),
  z.strictObject({ decision: z.literal('reject'), reason: text(2000) }),
]);
export type LedgerApprovalInput = z.output<typeof LedgerApprovalInput>;

export const LedgerListQuery = z.strictObject({
  districtId: z.optional(officeId),
  status: z.optional(z.enum(LEDGER_STATUSES)),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
});
export type LedgerListQuery = z.output<typeof LedgerListQuery>;

export const LedgerTemplateQuery = z.strictObject({
  kind: z.enum(LEDGER_FILES),
  format: z._default(z.enum(['csv', 'xlsx']), 'csv'),
});
export type LedgerTemplateQuery = z.output<typeof LedgerTemplateQuery>;

export const LedgerImportId = recordId;
