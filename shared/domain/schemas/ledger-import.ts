/**
 * The request of `POST /ledger-imports` (an office's ledger: four sheets and its paper totals) and
 * what reading it needs: the sheets' names and their row limit. Apart from `../ledger-schemas.ts`
 * (the answers and the other ledger routes' requests, which re-exports these), so that the
 * staging function bundles only these schemas.
 */
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { fenOrZero, officeId } from './common.ts';

/** Largest number of rows in one ledger file (a district's whole history is about 2,000 loans and 20,000 repayments). */
export const MAX_LEDGER_ROWS = 30_000;

export const LEDGER_FILES = ['rounds', 'loans', 'repayments', 'writeOffs'] as const;
export type LedgerFile = (typeof LEDGER_FILES)[number];

const file = (what: string) =>
  withMeta(z.string().check(z.minLength(1), z.maxLength(5_000_000)), {
    description: `the ${what} sheet: CSV text (UTF-8), or the .xlsx workbook in base64 (first sheet); columns as in GET /ledger-imports/templates`,
  });

/** The four paper totals, in fen (the whole ledger's, and a round's on the rounds sheet). */
export const paperTotals = {
  disbursedFen: fenOrZero('disbursedFen'),
  repaidFen: fenOrZero('repaidFen'),
  writtenOffFen: fenOrZero('writtenOffFen'),
  outstandingFen: fenOrZero('outstandingFen'),
};

export const DeclaredTotals = withMeta(z.strictObject(paperTotals), { description: 'the office’s own paper totals over the whole ledger, in fen: the rows must add up to them exactly' });
export type DeclaredTotals = z.output<typeof DeclaredTotals>;

export const LedgerImportInput = z.strictObject({
  districtId: officeId,
  format: z.enum(['csv', 'xlsx']),
  rounds: file('rounds (轮次)'),
  loans: file('loans (借款)'),
  repayments: file('repayments (还款)'),
  writeOffs: z.optional(file('write-offs (核销)')),
  declaredTotals: DeclaredTotals,
  dryRun: withMeta(z._default(z.boolean(), false), { description: 'check every row and the totals, writing nothing' }),
});
export type LedgerImportInput = z.output<typeof LedgerImportInput>;
