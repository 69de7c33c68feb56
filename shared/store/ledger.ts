/**
 * Ledger imports: a staged batch (`LEDGER#{id}` / `LEDGER`, listed per district by status
 * through byScope `LEDGER#{districtId}` / `{status}#{districtId}#{id}`) with its loans in
 * parts (`LEDGER#{id}` / `PART#{n}`, each well under DynamoDB's 400 KB item limit), the
 * markers of the counter chunks already applied (`LEDGER#{id}` / `DONE#{n}`), and one lock
 * per district (`LEDGERLOCK#{districtId}`) that allows one batch at a time between staging
 * and applied or rejected.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Actor, Loan, Repayment, Round } from '../domain/entities.ts';
import { ConcurrentChange, Conflict } from '../domain/errors.ts';
import type { LedgerLoan, LedgerRound } from '../domain/ledger-records.ts';
import type { DeclaredTotals, LedgerFigures, LedgerStatus, RoundFigures } from '../domain/ledger-schemas.ts';
import { documentClient, recordsTable } from './client.ts';
import { guardUnavailable } from './errors.ts';
import { INDEX, keys, scopeKeys } from './keys.ts';
import { getRecord, queryEvery, queryIndex, type Page } from './records.ts';
import type { Transaction } from './transaction.ts';

export interface LedgerProgress {
  phase: 'rounds' | 'records' | 'counters' | 'firsts' | 'done';
  /** parts whose loans are all written */
  partsDone: number;
  loansWritten: number;
  /** counter chunks planned and applied */
  countersTotal: number;
  countersDone: number;
}

/** A round to create, with the grant worked out at staging. */
export interface LedgerNewRound extends LedgerRound {
  grantFen: number;
}

export interface LedgerBatch {
  id: string;
  districtId: string;
  status: LedgerStatus;
  stagedBy: Actor;
  stagedAt: string;
  declaredTotals: DeclaredTotals;
  /** recomputed from every row of the ledger, whole and per round */
  totals: LedgerFigures;
  rounds: RoundFigures[];
  /** what applying it creates */
  counts: { rounds: number; loans: number; repayments: number; writeOffs: number; disbursedFen: number; repaidFen: number; writtenOffFen: number };
  /** rows of the ledger imported before (by an earlier batch) */
  alreadyImported: number;
  newRounds: LedgerNewRound[];
  parts: number;
  decision?: { decision: 'approve' | 'reject'; reason?: string; decidedBy: Actor; decidedAt: string };
  progress: LedgerProgress;
  /** why applying stopped last time (it resumes from where it was): in English as stored; answers say it in the caller's language from `lastProblem` */
  lastError?: string;
  /** the refusal that stopped it: its code, rule and params for the message catalogue */
  lastProblem?: { code: string; rule?: string; params: Record<string, unknown> };
  appliedAt?: string;
  version: number;
}

export const ledgerKeys = {
  batch: (id: string) => ({ pk: `LEDGER#${id}`, sk: 'LEDGER' }),
  part: (id: string, n: number) => ({ pk: `LEDGER#${id}`, sk: `PART#${String(n).padStart(4, '0')}` }),
  done: (id: string, n: number) => ({ pk: `LEDGER#${id}`, sk: `DONE#${String(n).padStart(5, '0')}` }),
  lock: (districtId: string) => ({ pk: `LEDGERLOCK#${districtId}`, sk: 'LOCK' }),
};

const batchItem = (b: LedgerBatch) => ({ ...ledgerKeys.batch(b.id), type: 'LEDGER', ...scopeKeys('LEDGER', { id: b.id, status: b.status, districtId: b.districtId, officeId: b.districtId }), ...b });

export const getLedgerBatch = (id: string) => getRecord<LedgerBatch>(ledgerKeys.batch(id));

export async function getLedgerPart(id: string, n: number): Promise<LedgerLoan[]> {
  const part = await getRecord<{ loans: LedgerLoan[] }>(ledgerKeys.part(id, n));
  if (!part) throw new Conflict(`part ${n} of ledger import ${id} is missing`, 'ledger_part_missing');
  return part.loans;
}

/** Writes the parts of a batch (before the batch itself: a part without its batch is never read). */
export async function putLedgerParts(id: string, parts: LedgerLoan[][]): Promise<void> {
  await Promise.all(
    parts.map((loans, n) =>
      guardUnavailable(() =>
        documentClient().send(new PutCommand({ TableName: recordsTable(), Item: { ...ledgerKeys.part(id, n), type: 'LEDGERPART', loans }, ConditionExpression: 'attribute_not_exists(pk)' })),
      ),
    ),
  );
}

/** The batch and the district's lock: one batch of a district between staging and applied or rejected. */
export function stageNewLedgerBatch(tx: Transaction, batch: LedgerBatch): void {
  tx.create(batchItem(batch));
  tx.update(
    ledgerKeys.lock(batch.districtId),
    { expression: 'SET #batchId = :id, #type = :type', names: { '#batchId': 'batchId', '#type': 'type' }, values: { ':id': batch.id, ':type': 'LEDGERLOCK' } },
    {
      expression: 'attribute_not_exists(#batchId)',
      onFail: () => new Conflict('another ledger import of this district is staged or being applied: it must be applied or rejected first', 'ledger_import_pending'),
    },
  );
}

export function stageLedgerBatchUpdate(tx: Transaction, batch: LedgerBatch): LedgerBatch {
  const next = { ...batch, version: batch.version + 1 };
  tx.replace(batchItem(next), batch.version, () => new ConcurrentChange(`ledger import ${batch.id}`));
  if (next.status === 'applied' || next.status === 'rejected') {
    tx.update(
      ledgerKeys.lock(batch.districtId),
      { expression: 'REMOVE #batchId', names: { '#batchId': 'batchId' } },
      { expression: '#batchId = :id', names: { '#batchId': 'batchId' }, values: { ':id': batch.id } },
    );
  }
  return next;
}

export function listLedgerBatches(districtIds: string[], opts: { status?: string; limit: number; cursor?: string }): Promise<Page<LedgerBatch>> {
  return queryIndex<LedgerBatch>({
    index: INDEX.byScope,
    pkName: 'scopePk',
    skName: 'scopeSk',
    partitions: districtIds.map((d) => `LEDGER#${d}`),
    skPrefix: opts.status ? `${opts.status}#` : undefined,
    limit: opts.limit,
    cursor: opts.cursor,
  });
}

/** The counter chunks of a batch already applied. */
export async function doneChunks(id: string): Promise<Set<number>> {
  const items = await queryEvery({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :done)',
    ExpressionAttributeValues: { ':pk': `LEDGER#${id}`, ':done': 'DONE#' },
    ProjectionExpression: 'sk',
    ConsistentRead: true,
  });
  return new Set(items.map((i) => Number(String(i.sk).slice(5))));
}

// ---------- the records of an imported loan ----------

/** A repayment from the ledger: long since handed on to the committee, so it waits in no township's list. */
export function stageLedgerRepayment(tx: Transaction, repayment: Repayment, loan: Loan): void {
  const where = { districtId: loan.districtId, townshipId: loan.townshipId, villageId: loan.villageId, remittanceState: 'at_committee' as const };
  tx.create({
    ...keys.repayment(loan.id, repayment.id),
    type: 'REPAYMENT',
    ...repayment,
    ...where,
    scopePk: `REPAYMENT#${loan.districtId}`,
    scopeSk: `at_committee#${loan.villageId}#${repayment.id}`,
  });
}

/**
 * The paper receipt's number, taken for its township (a later repayment with the same receipt
 * is refused): like a receipt recorded in the app, it names the loan's village (`officeId`)
 * and when it was recorded (`recordedAt`: the committee's approval of the import).
 */
export function stageReceipt(
  tx: Transaction,
  townshipId: string,
  receiptNo: string,
  refs: { loanId: string; repaymentId: string; ledgerImportId: string; officeId: string; recordedAt: string },
): void {
  tx.create(
    { ...keys.receipt(townshipId, receiptNo), type: 'RECEIPT', receiptNo, townshipId, ...refs },
    () => new Conflict(`receipt ${receiptNo} of township ${townshipId} is already recorded`, 'receipt_already_recorded'),
  );
}

export function stageLedgerRound(tx: Transaction, round: Round, onExists: () => Conflict): void {
  tx.create({ ...keys.round(round.id), type: 'ROUND', ...scopeKeys('ROUND', { id: round.id, status: round.status, districtId: round.districtId, officeId: round.districtId }), ...round }, onExists);
}

/** Adds to counters (round, fund, report aggregates) without a condition: the chunk's marker makes it happen once. */
export function stageAdd(tx: Transaction, key: { pk: string; sk: string }, metrics: Record<string, number>): void {
  const entries = Object.entries(metrics).filter(([, v]) => v !== 0);
  if (!entries.length) return;
  tx.update(key, {
    expression: `ADD ${entries.map((_, i) => `#m${i} :m${i}`).join(', ')}`,
    names: Object.fromEntries(entries.map(([k], i) => [`#m${i}`, k])),
    values: Object.fromEntries(entries.map(([, v], i) => [`:m${i}`, v])),
  });
}

// ---------- reads by key, 100 at a time ----------

export { batchGetItems, keyString } from './batch-get.ts';
