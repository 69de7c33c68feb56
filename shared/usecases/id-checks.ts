/**
 * Every check of resident ID numbers in bulk leaves a trace: who checked how many, when, in
 * which district. The numbers themselves are not kept (counts only).
 */
import { recordException } from '../store/exceptions.ts';
import { actorOf, newId, type Context } from './context.ts';

export interface IdCheck {
  /** which import checked the numbers */
  via: 'ledger_import' | 'application_import';
  districtId: string;
  dryRun: boolean;
  /** rows of the file */
  rows: number;
  /** distinct resident ID numbers checked against the records */
  ids: number;
  /** the round imported into (application imports) */
  roundId?: string;
}

/**
 * auditIdCheck: records a bulk check of ID numbers for the exceptions report.
 * 1. one `bulk_id_check` item in the caller's district: who, when, dry run or not, how many
 *    rows and distinct ID numbers (never the numbers);
 * 2. written on its own, before the answer, so a dry run leaves the same trace as an import.
 */
export async function auditIdCheck(ctx: Context, check: IdCheck): Promise<void> {
  await recordException({
    id: newId(),
    kind: 'bulk_id_check',
    date: ctx.today,
    at: ctx.now.toISOString(),
    districtId: check.districtId,
    officeId: ctx.caller.officeId,
    recordType: 'import',
    recordId: '',
    actor: actorOf(ctx.caller),
    summary: `${check.dryRun ? 'a dry run of ' : ''}${check.via === 'ledger_import' ? 'a ledger import' : 'an application import'} checked ${check.ids} resident ID number(s) in ${check.rows} row(s)`,
    data: { via: check.via, dryRun: check.dryRun, rows: check.rows, ids: check.ids, ...(check.roundId ? { roundId: check.roundId } : {}) },
  });
}
