/** Answers of the ledger-import routes. (Part of `../response-schemas.ts`; a function's route table imports only its own parts.) */
import { DeclaredTotals, LEDGER_STATUSES, LedgerFigures, RoundFigures } from '../ledger-schemas.ts';
import { isoDate, officeId, recordId } from '../schemas/common.ts';
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { amount, count, instant, version, Actor, page } from './common.ts';

/** A district's ledger import: what it brings, checked against the paper, and how far it is written. */
export const LedgerBatch = z.object({
  id: recordId,
  districtId: officeId,
  status: z.enum(LEDGER_STATUSES),
  stagedBy: Actor,
  stagedAt: instant,
  declaredTotals: DeclaredTotals,
  totals: LedgerFigures,
  rounds: z.array(RoundFigures),
  counts: z.object({
    rounds: count('rounds it creates'),
    loans: count('loans it creates'),
    repayments: count('repayments it creates'),
    writeOffs: count('write-offs it records'),
    disbursedFen: amount('principal of its loans'),
    repaidFen: amount('its repayments'),
    writtenOffFen: amount('its write-offs'),
  }),
  alreadyImported: count('rows of the ledger imported before'),
  newRounds: z.array(
    z.object({
      row: z.int(),
      id: recordId,
      name: z.string(),
      openedOn: isoDate,
      capitalFen: amount('capital of the round'),
      grantFen: amount('new money granted with it'),
      minLoanFen: amount('smallest loan'),
      maxLoanFen: amount('largest loan'),
      termMonths: z.int().check(z.gte(1)),
      closedOn: z.optional(isoDate),
      declared: z.optional(z.partial(DeclaredTotals)),
    }),
  ),
  parts: count('stored parts of its loans'),
  decision: z.optional(z.object({ decision: z.enum(['approve', 'reject']), reason: z.optional(z.string()), decidedBy: Actor, decidedAt: instant })),
  progress: z.object({
    phase: z.enum(['rounds', 'records', 'counters', 'firsts', 'done']),
    partsDone: count('parts whose loans are written'),
    loansWritten: count('loans written'),
    countersTotal: count('counter chunks planned'),
    countersDone: count('counter chunks applied'),
  }),
  lastError: withMeta(z.optional(z.string()), { description: 'why writing stopped last time (it resumes from where it was)' }),
  appliedAt: z.optional(instant),
  version,
});

export const LedgerBatchPage = page(LedgerBatch);

/** A ledger template is a file (CSV or .xlsx), never JSON. */
export const LedgerTemplateFile = withMeta(z.string(), { description: 'the template file itself: text/csv (UTF-8 with BOM) or an .xlsx workbook' });
