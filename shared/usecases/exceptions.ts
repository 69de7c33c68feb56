/**
 * The exceptions report: what an auditor reads first — back-dated entries, refused duplicate
 * receipts, cross-district duplicate applications, full resident-ID reveals and remittance
 * batches that do not reconcile — per district, by the day they happened.
 */
import { ValidationFailed } from '../domain/errors.ts';
import type { ExceptionsQuery } from '../domain/schemas.ts';
import { listExceptions, type ExceptionRecord } from '../store/exceptions.ts';
import type { Context } from './context.ts';
import { districtsFor } from './scope.ts';

/**
 * exceptionsReport: 1. the districts asked for (the committee: all, or one); 2. for each, a
 * Query of its exceptions from `from` to `asOf`; 3. counts by kind and the list, oldest first.
 */
export async function exceptionsReport(ctx: Context, q: ExceptionsQuery) {
  const asOf = q.asOf ?? ctx.today;
  if (asOf > ctx.today) throw new ValidationFailed(`must not be in the future (today is ${ctx.today})`, 'asOf');
  const from = q.from ?? '0000-01-01';
  if (from > asOf) throw new ValidationFailed(`must not be after asOf (${asOf})`, 'from');
  const districts = await districtsFor(ctx.caller, q.districtId);
  const lists = await Promise.all(districts.map((d) => listExceptions(d, from, asOf)));
  const items: ExceptionRecord[] = lists.flat().filter((e) => !q.kind || e.kind === q.kind);
  items.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  const counts: Record<string, number> = {};
  for (const e of items) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  return { asOf, ...(q.from ? { from } : {}), districtIds: districts, counts, items };
}
