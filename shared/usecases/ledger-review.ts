/**
 * The committee's and the district's view of ledger imports (`GET /ledger-imports`,
 * `GET /ledger-imports/{id}`): a batch as stored, with why applying stopped said in the
 * caller's language.
 */
import { Forbidden, NotFound } from '../domain/errors.ts';
import type { LedgerListQuery } from '../domain/ledger-schemas.ts';
import { isWithin } from '../domain/offices.ts';
import { DEFAULT_LANG } from '../i18n/lang.ts';
import { ledgerBatchText } from '../i18n/ledger-row-text.ts';
import { getLedgerBatch, listLedgerBatches, type LedgerBatch } from '../store/ledger.ts';
import type { Page } from '../store/records.ts';
import type { Context } from './context.ts';
import { districtsFor } from './scope.ts';

/** A batch as answered: why applying stopped, in the caller's language (the stored English when the catalogue has no entry). */
export function batchFor(ctx: Context, batch: LedgerBatch): LedgerBatch {
  const { lastProblem, ...rest } = batch;
  if (!lastProblem) return rest;
  const said = ledgerBatchText(lastProblem.rule ?? lastProblem.code, lastProblem.params, ctx.lang ?? DEFAULT_LANG);
  return { ...rest, ...(said ? { lastError: said } : {}) };
}

export async function listLedgerImports(ctx: Context, q: LedgerListQuery): Promise<Page<LedgerBatch>> {
  const page = await listLedgerBatches(await districtsFor(ctx.caller, q.districtId), q);
  return { ...page, items: page.items.map((b) => batchFor(ctx, b)) };
}

export async function findLedgerImport(ctx: Context, id: string): Promise<LedgerBatch> {
  return batchFor(ctx, await loadLedgerImport(ctx, id));
}

/** The stored batch, within the caller's office. */
export async function loadLedgerImport(ctx: Context, id: string): Promise<LedgerBatch> {
  const batch = await getLedgerBatch(id);
  if (!batch) throw new NotFound('ledger import', id);
  if (!isWithin(batch.districtId, ctx.caller.officeId)) throw new Forbidden(`ledger import ${id} belongs to ${batch.districtId}, outside your office ${ctx.caller.officeId}`);
  return batch;
}
