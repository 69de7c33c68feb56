/**
 * The exceptions report: what an auditor reads first — back-dated entries, refused duplicate
 * receipts, cross-district duplicate applications, full resident-ID reveals and remittance
 * batches that do not reconcile — per district, by the day they happened.
 */
import { ValidationFailed } from '../domain/errors.ts';
import type { ExceptionsQuery } from '../domain/schemas/reports.ts';
import { exceptionText } from '../i18n/exceptions.ts';
import { actorName } from '../domain/actors.ts';
import { DEFAULT_LANG } from '../i18n/lang.ts';
import { listExceptions, type ExceptionRecord } from '../store/exceptions.ts';
import { officeSubtree } from '../store/offices.ts';
import type { Context } from './context.ts';
import { districtsFor } from './scope.ts';

/**
 * exceptionsReport: 1. the districts asked for (the committee: all, or one; and its own
 * office's programme-wide items, such as settings changes); 2. for each, a Query of its
 * exceptions from `from` to `asOf`; 3. counts by kind and the list, oldest first,
 * each with its office, district and actor by name and its text in the caller's language.
 */
export async function exceptionsReport(ctx: Context, q: ExceptionsQuery) {
  const asOf = q.asOf ?? ctx.today;
  if (asOf > ctx.today) throw new ValidationFailed(`must not be in the future (today is ${ctx.today})`, 'asOf');
  const from = q.from ?? '0000-01-01';
  if (from > asOf) throw new ValidationFailed(`must not be after asOf (${asOf})`, 'from');
  const districts = await districtsFor(ctx.caller, q.districtId);
  // programme-wide exceptions (settings changes) are kept under the committee's own office: its members read them with every district
  const partitions = ctx.caller.role === 'committee' ? [...districts, ctx.caller.officeId] : districts;
  const lists = await Promise.all(partitions.map((d) => listExceptions(d, from, asOf)));
  const items: ExceptionRecord[] = lists.flat().filter((e) => !q.kind || e.kind === q.kind);
  items.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  const counts: Record<string, number> = {};
  for (const e of items) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  // the offices are one small partition: one Query names them all
  const names = new Map((await officeSubtree(undefined)).map((o) => [o.id, o.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const lang = ctx.lang ?? DEFAULT_LANG;
  const named = items.map((e) => ({ ...e, districtName: nameOf(e.districtId), officeName: nameOf(e.officeId), actorName: actorName(e.actor), text: exceptionText(e, lang, nameOf) }));
  return { asOf, ...(q.from ? { from } : {}), districtIds: districts, counts, items: named };
}
