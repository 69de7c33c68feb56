/**
 * "Not a single fen lost": repayments travel mother → township → district → committee, and
 * every hand-off is a remittance batch that reconciles what was paid, what was handed over
 * and what was received. Rules in `shared/domain/remittance.ts`, storage in
 * `shared/store/remittances.ts`.
 */
import type { HistoryEvent } from '../domain/entities.ts';
import { historyView } from '../i18n/history.ts';
import { DEFAULT_LANG } from '../i18n/lang.ts';
import type { Loan, Repayment } from '../domain/entities.ts';
import { NotFound, ValidationFailed, futureDate, notOneOf } from '../domain/errors.ts';
import { ancestorAt, isWithin, levelOf, type Office } from '../domain/offices.ts';
import {
  assertDistinct,
  batchFlows,
  checkBatch,
  collectedFlows,
  flagOf,
  noFlows,
  receivingOffice,
  rowOf,
  totalsOf,
  withSenders,
  HAND_OFF_STATES,
  type HandOffRepayment,
  type HandOffState,
  type ReconciliationRow,
  type RemittanceBatch,
} from '../domain/remittance.ts';
import type { RemittanceInput, RemittanceListQuery } from '../domain/remittance-schemas.ts';
import type { ReportQuery } from '../domain/schemas/reports.ts';
import { getOffice, officeSubtree } from '../store/offices.ts';
import type { Page } from '../store/records.ts';
import {
  batchSummary,
  flaggedBatchesOf,
  listBatches,
  listRepaymentsIn,
  loadBatch,
  readFlows,
  remittanceKeys,
  repaymentsAt,
  stageFlag,
  stageFlows,
  stageHandOff,
  motherNamesOfLoans,
  stageNewBatch,
} from '../store/remittances.ts';
import { stageException } from '../store/exceptions.ts';
import { replayOf } from '../store/idempotency.ts';
import { Transaction } from '../store/transaction.ts';
import { actorOf, historyItem, newId, type Context } from './context.ts';
import { assertSeesRecordOf, districtsFor } from './scope.ts';

/** A stored repayment as the hand-off rules see it (repayments recorded before hand-offs were tracked have no state and count as unknown). */
function handOffOf(r: Repayment): HandOffRepayment | undefined {
  if (!r.remittanceState || !r.districtId || !r.villageId) return undefined;
  return {
    id: r.id,
    loanId: r.loanId,
    amountFen: r.amountFen,
    paidOn: r.paidOn,
    districtId: r.districtId,
    villageId: r.villageId,
    state: r.remittanceState,
    toDistrict: r.toDistrict,
    toCommittee: r.toCommittee,
  };
}

/**
 * recordRemittance: a township hands the repayments it collected to its district, or a
 * district remits what it received to the committee.
 * 1. the sending office is a township (or the district) in the caller's subtree, of the
 *    level's kind; the receiving office is its district (or the committee);
 * 2. every repayment exists (422: read by its loan and id, one BatchGetItem), was collected below the sending office (403), and is
 *    where this level picks it up, not already handed on (409); the date is not in the
 *    future nor before any repayment was paid (or received by the district) (422);
 * 3. the declared amount is compared with the sum of the repayments: a difference is
 *    accepted but flagged;
 * 4. one transaction: the batch, each repayment's move (conditioned on its state, so a
 *    repayment can never be in two batches of a level), the counters of both offices, the
 *    flag, the history, and the Idempotency-Key record. At most 90 repayments + 8 items.
 * A retry with the same Idempotency-Key that raced the first attempt (and so finds the
 * repayments already moved) answers the first attempt's result, not 409.
 */
export async function recordRemittance(ctx: Context, input: RemittanceInput): Promise<RemittanceBatch> {
  const toOfficeId = receivingOffice(ctx.caller, input.level, input.fromOfficeId);
  assertDistinct(input.repaymentRefs.map((r) => r.id));
  if (!(await getOffice(input.fromOfficeId)))
    throw new ValidationFailed(`names office ${input.fromOfficeId}, which does not exist`, 'fromOfficeId', { rule: 'office_missing', params: { officeId: input.fromOfficeId } });
  const stored = await repaymentsAt(input.repaymentRefs);
  const found = new Map([...stored].flatMap(([id, r]) => (handOffOf(r) ? [[id, handOffOf(r)!] as const] : [])));
  let repayments: HandOffRepayment[];
  try {
    repayments = checkBatch(input, found, ctx.today);
  } catch (error) {
    // a retry of this very request that raced its first attempt (which moved the repayments): answer the first result
    const earlier = ctx.idempotency ? await replayOf<RemittanceBatch>(ctx.idempotency) : undefined;
    if (earlier) return earlier;
    throw error;
  }
  const flag = flagOf(input.amountFen, repayments);

  const batch: RemittanceBatch = {
    id: newId(),
    level: input.level,
    fromOfficeId: input.fromOfficeId,
    toOfficeId,
    districtId: ancestorAt(input.fromOfficeId, 'district')!,
    handedOverOn: input.handedOverOn,
    amountFen: input.amountFen,
    ...flag,
    repaymentCount: repayments.length,
    repayments: repayments.map((r) => ({ id: r.id, loanId: r.loanId, villageId: r.villageId, paidOn: r.paidOn, amountFen: r.amountFen, receiptNo: stored.get(r.id)!.receiptNo })),
    handedOverBy: input.handedOverBy,
    receivedBy: input.receivedBy,
    ...(input.note ? { note: input.note } : {}),
    recordedBy: actorOf(ctx.caller),
    recordedAt: ctx.now.toISOString(),
  };

  const tx = new Transaction();
  stageNewBatch(tx, batch);
  const ref = { batchId: batch.id, handedOverOn: batch.handedOverOn };
  for (const r of repayments) stageHandOff(tx, r, input.level, ref);
  const moved = batchFlows(input.amountFen, flag, repayments.length);
  stageFlows(tx, batch.fromOfficeId, batch.handedOverOn, moved.sender);
  stageFlows(tx, batch.toOfficeId, batch.handedOverOn, moved.receiver);
  if (flag.flagged) stageFlag(tx, batch);
  if (flag.flagged)
    stageException(tx, {
      id: newId(),
      kind: 'remittance_mismatch',
      date: ctx.today,
      at: batch.recordedAt,
      districtId: batch.districtId,
      officeId: batch.fromOfficeId,
      recordType: 'remittance',
      recordId: batch.id,
      actor: actorOf(ctx.caller),
      summary: `${batch.fromOfficeId} declared ${batch.amountFen} fen handed to ${toOfficeId} on ${batch.handedOverOn}; its ${repayments.length} repayment(s) add up to ${flag.sumOfRepaymentsFen} fen (${flag.differenceFen > 0 ? 'over' : 'short'} by ${Math.abs(flag.differenceFen)} fen)`,
      data: { level: batch.level, amountFen: batch.amountFen, sumOfRepaymentsFen: flag.sumOfRepaymentsFen, differenceFen: flag.differenceFen },
    });
  const summary =
    `${batch.fromOfficeId} handed ${repayments.length} repayment(s) of ${flag.sumOfRepaymentsFen} fen to ${toOfficeId} on ${batch.handedOverOn} ` +
    `(${batch.handedOverBy} → ${batch.receivedBy}); declared ${batch.amountFen} fen` +
    (flag.flagged ? `, FLAGGED: ${flag.differenceFen > 0 ? 'over' : 'short'} by ${Math.abs(flag.differenceFen)} fen` : '');
  tx.create(
    historyItem(ctx, remittanceKeys.batch(batch.id).pk, flag.flagged ? 'handed_over_flagged' : 'handed_over', summary, {
      level: batch.level,
      amountFen: batch.amountFen,
      ...flag,
      repaymentCount: batch.repaymentCount,
    }),
  );
  return tx.commit(batch, ctx.idempotency);
}

/**
 * Hook called by recordRepayment inside its transaction: the township now holds this money (its
 * collected counters). A batch names the repayment by its loan and id, so no locator is written
 * (those written before 6 December 2026 stay, unread).
 */
export function stageCollected(tx: Transaction, repayment: Repayment, loan: Loan): void {
  stageFlows(tx, loan.townshipId, repayment.paidOn, collectedFlows(repayment.amountFen));
}

/**
 * The batches of the caller's offices, newest office by office: a township sees the ones it
 * handed over, a district those of its townships and its own, the committee every district's.
 */
export async function listRemittances(ctx: Context, query: RemittanceListQuery): Promise<Page<Omit<RemittanceBatch, 'repayments'>>> {
  const districtIds = await districtsFor(ctx.caller, query.districtId);
  let skPrefix: string | undefined = query.level ? `${query.level}#` : undefined;
  if (levelOf(ctx.caller.officeId) === 'township') {
    // a township hands over only to its district, and sees only its own batches
    if (query.level === 'district_to_committee') return { items: [] };
    skPrefix = `township_to_district#${ctx.caller.officeId}#`;
  }
  const page = await listBatches(districtIds, { skPrefix, limit: query.limit, cursor: query.cursor });
  return { ...page, items: page.items.map(batchSummary) };
}

/** One batch with its repayments (where each is now) and its history. */
export async function getRemittance(ctx: Context, id: string) {
  const found = await loadBatch(id);
  if (!found) throw new NotFound('remittance batch', id);
  const { batch, history } = found;
  assertSeesRecordOf(ctx.caller, batch.fromOfficeId, 'remittance batch');
  const now = await repaymentsAt(batch.repayments);
  return {
    ...batch,
    repayments: batch.repayments.map((r) => {
      const current = now.get(r.id);
      return {
        ...r,
        remittanceState: current?.remittanceState,
        ...(current?.toDistrict ? { toDistrict: current.toDistrict } : {}),
        ...(current?.toCommittee ? { toCommittee: current.toCommittee } : {}),
      };
    }),
    history: historyView(history as unknown as HistoryEvent[], ctx.lang ?? DEFAULT_LANG),
  };
}

/**
 * The repayments waiting at an office (not routed yet; for a "still held" screen): at a
 * township those it still holds, at a district those received and not yet remitted (or any
 * hand-off state asked for). One Query on a key prefix, paginated; the mothers' names from
 * their loans (one BatchGetItem per page).
 */
export async function listWaitingRepayments(ctx: Context, q: { officeId?: string; state?: HandOffState; limit: number; cursor?: string }): Promise<Page<Repayment>> {
  const officeId = q.officeId ?? ctx.caller.officeId;
  const level = levelOf(officeId);
  if (level !== 'township' && level !== 'district')
    throw new ValidationFailed('must be a township or district office', 'officeId', { rule: 'office_level', params: { levels: ['township', 'district'] } });
  assertSeesRecordOf(ctx.caller, officeId, 'office');
  if (q.state && !HAND_OFF_STATES.includes(q.state)) throw notOneOf('state', HAND_OFF_STATES);
  const state = q.state ?? (level === 'township' ? 'held' : 'at_district');
  const districtId = ancestorAt(officeId, 'district')!;
  const page = await listRepaymentsIn(districtId, state, { officePrefix: level === 'township' ? `${officeId}.` : undefined, limit: q.limit, cursor: q.cursor });
  // the clerk ticks what she hands over by the mother who paid: one BatchGetItem names them
  const names = await motherNamesOfLoans(page.items.map((r) => r.loanId));
  return { ...page, items: page.items.map((r) => ({ ...r, ...(names.get(r.loanId) ? { motherName: names.get(r.loanId) } : {}) })) };
}

export interface RemittanceReconciliation {
  /** figures as they stood at the end of this day, by the dates the money moved (paidOn, handedOverOn) */
  asOf: string;
  /** the office whose subtree the report covers */
  officeId: string;
  /** one row per office, in hierarchy order: the committee, each district, its townships */
  rows: ReconciliationRow[];
  totals: ReturnType<typeof totalsOf>;
  /** batches whose declared amount differs from their repayments, handed over up to asOf, oldest first */
  flaggedBatches: Omit<RemittanceBatch, 'repayments'>[];
}

/**
 * GET /reports/remittances: the hand-off reconciliation. For every township, district and
 * (for the committee) the committee in the caller's scope: what came in (collected from
 * mothers, or received in batches), what was handed on, what is still held, and the
 * declared amounts against the repayments; each receiving office is checked against what
 * the offices below it handed over; and the list of flagged batches.
 * Reads counters kept as the money moved (never the repayments): one snapshot of the
 * running totals, less the day counters after `asOf` when a past day is asked for.
 * `groupBy` does not apply (rows are always per office); `format` is left to the caller.
 */
export async function remittanceReconciliation(ctx: Context, query: ReportQuery): Promise<RemittanceReconciliation> {
  const asOf = query.asOf ?? ctx.today;
  if (asOf > ctx.today) throw futureDate('asOf', ctx.today);
  if (query.districtId) await districtsFor(ctx.caller, query.districtId);
  const root = query.districtId ?? ctx.caller.officeId;
  const offices = (await officeSubtree(root)).filter((o) => o.level !== 'village');
  const flows = await readFlows(
    offices.map((o) => o.id),
    asOf,
    ctx.today,
  );

  const rowFor = (o: Office) => rowOf(o.level as ReconciliationRow['level'], o, flows.get(o.id) ?? noFlows());
  const townships = offices.filter((o) => o.level === 'township').map(rowFor);
  const districts = offices
    .filter((o) => o.level === 'district')
    .map((o) =>
      withSenders(
        rowFor(o),
        townships.filter((t) => isWithin(t.officeId, o.id)),
      ),
    );
  const committee = offices.filter((o) => o.level === 'committee').map((o) => withSenders(rowFor(o), districts));
  const order = new Map(offices.map((o, i) => [o.id, i]));
  const rows = [...committee, ...districts, ...townships].sort((a, b) => order.get(a.officeId)! - order.get(b.officeId)!);

  const senders = [...districts, ...townships].filter((r) => r.flaggedBatches > 0);
  const flagged = (await Promise.all(senders.map((r) => flaggedBatchesOf(r.officeId, asOf)))).flat();
  flagged.sort((a, b) => a.handedOverOn.localeCompare(b.handedOverOn) || a.id.localeCompare(b.id));
  return { asOf, officeId: root, rows, totals: totalsOf(rows), flaggedBatches: flagged };
}
