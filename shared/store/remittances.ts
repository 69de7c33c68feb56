/**
 * Remittance batches and the hand-off counters.
 *
 * Items (see the access patterns in the module's report / docs/data-model.md):
 * - batch             `REMITTANCE#{id}` / `REMITTANCE`, with its history events in the same partition;
 *                     byScope `REMITTANCE#{districtId}` / `{level}#{fromOfficeId}#{id}`
 * - repayment         (in its loan's partition) gets `districtId`, `townshipId`, `villageId`,
 *                     `remittanceState` and byScope `REPAYMENT#{districtId}` / `{state}#{villageId}#{id}`,
 *                     so what a township still holds is a Query on a key prefix
 * - repayment locator `REPAYMENT#{repaymentId}` / `REPAYMENT` → `loanId`: written with each repayment
 *                     until 6 December 2026, when a batch named repayments by id alone; no longer
 *                     written nor read (a batch names each repayment with its loan); old ones stay
 * - office counters   `REMIT#{officeId}` / `REMIT` (running totals) and `REMIT#{officeId}` / `D#{date}`
 *                     (the same counters by the date the money moved, for "as of" figures);
 *                     moved with ADD in the transaction that moves the money
 * - flagged batch     `REMIT#{fromOfficeId}` / `FLAG#{handedOverOn}#{batchId}`: the batches whose
 *                     declared amount differs from their repayments, for the reconciliation
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, TransactGetCommand } from '@aws-sdk/lib-dynamodb';
import type { HistoryEvent, Repayment } from '../domain/entities.ts';
import { ConcurrentChange, Conflict } from '../domain/errors.ts';
import { FLOWS, addFlows, flowsOf, HAND_OFF, type Flows, type HandOffRef, type HandOffState, type RemittanceBatch, type RemittanceLevel } from '../domain/remittance.ts';
import { addDays } from '../domain/dates.ts';
import { documentClient, recordsTable } from './client.ts';
import { guardUnavailable } from './errors.ts';
import { INDEX, keys } from './keys.ts';
import { queryEvery, queryIndex, queryPartition, strip, type Page } from './records.ts';
import type { Transaction } from './transaction.ts';

type Item = Record<string, unknown>;
type Key = { pk: string; sk: string };

export const remittanceKeys = {
  batch: (id: string): Key => ({ pk: `REMITTANCE#${id}`, sk: 'REMITTANCE' }),
  totals: (officeId: string): Key => ({ pk: `REMIT#${officeId}`, sk: 'REMIT' }),
  day: (officeId: string, date: string): Key => ({ pk: `REMIT#${officeId}`, sk: `D#${date}` }),
  flag: (officeId: string, date: string, batchId: string): Key => ({ pk: `REMIT#${officeId}`, sk: `FLAG#${date}#${batchId}` }),
};

/** byScope keys of a repayment: by district, then hand-off state, then village. */
export function repaymentScopeKeys(r: { id: string; districtId: string; villageId: string }, state: HandOffState) {
  return { scopePk: `REPAYMENT#${r.districtId}`, scopeSk: `${state}#${r.villageId}#${r.id}` };
}

const batchScopeKeys = (b: Pick<RemittanceBatch, 'id' | 'level' | 'districtId' | 'fromOfficeId'>) => ({ scopePk: `REMITTANCE#${b.districtId}`, scopeSk: `${b.level}#${b.fromOfficeId}#${b.id}` });

// ---------- writes ----------

/** Adds to an office's counters: its running totals and the day the money moved. */
export function stageFlows(tx: Transaction, officeId: string, date: string, change: Partial<Flows>): void {
  const entries = FLOWS.filter((f) => (change[f] ?? 0) !== 0).map((f) => [f, change[f]!] as const);
  if (!entries.length) return;
  const update = {
    expression: `SET #officeId = :officeId ADD ${entries.map(([k]) => `#${k} :${k}`).join(', ')}`,
    names: { '#officeId': 'officeId', ...Object.fromEntries(entries.map(([k]) => [`#${k}`, k])) },
    values: { ':officeId': officeId, ...Object.fromEntries(entries.map(([k, v]) => [`:${k}`, v])) },
  };
  tx.update(remittanceKeys.totals(officeId), update);
  tx.update(remittanceKeys.day(officeId, date), update);
}

export function stageNewBatch(tx: Transaction, batch: RemittanceBatch): void {
  tx.create({ ...remittanceKeys.batch(batch.id), type: 'REMITTANCE', ...batchScopeKeys(batch), ...batch });
}

/**
 * Moves one repayment to the next place, on condition that it is still where this level
 * picks it up: of two batches naming the same repayment, only one can ever succeed.
 */
export function stageHandOff(tx: Transaction, r: { id: string; loanId: string; districtId: string; villageId: string }, level: RemittanceLevel, ref: HandOffRef): void {
  const { from, to } = HAND_OFF[level];
  const { scopeSk } = repaymentScopeKeys(r, to);
  tx.update(
    keys.repayment(r.loanId, r.id),
    {
      expression: 'SET #state = :to, #scopeSk = :scopeSk, #ref = :ref',
      names: { '#scopeSk': 'scopeSk', '#ref': level === 'township_to_district' ? 'toDistrict' : 'toCommittee' },
      values: { ':to': to, ':scopeSk': scopeSk, ':ref': ref },
    },
    {
      expression: '#state = :from',
      names: { '#state': 'remittanceState' },
      values: { ':from': from },
      onFail: () => new Conflict(`repayment ${r.id} was handed on by another batch at the same time; a repayment travels in one batch per level`, 'already_handed_on', { count: 1 }),
    },
  );
}

/** Remembers a flagged batch at the office that handed it over, by date. */
export function stageFlag(tx: Transaction, batch: RemittanceBatch): void {
  tx.create({ ...remittanceKeys.flag(batch.fromOfficeId, batch.handedOverOn, batch.id), type: 'REMITTANCE_FLAG', ...batchSummary(batch) });
}

/** A batch without its list of repayments (lists and flags). */
export function batchSummary(batch: RemittanceBatch): Omit<RemittanceBatch, 'repayments'> {
  const { repayments: _, ...rest } = batch;
  return rest;
}

// ---------- reads ----------

/** GetItem for many keys at once (strongly consistent), following unprocessed keys. */
async function batchGet(keyList: Key[]): Promise<Item[]> {
  const unique = [...new Map(keyList.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()];
  const items: Item[] = [];
  for (let i = 0; i < unique.length; i += 100) {
    let pending: Key[] = unique.slice(i, i + 100);
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 20 * 2 ** attempt)));
      const out = await guardUnavailable(() => documentClient().send(new BatchGetCommand({ RequestItems: { [recordsTable()]: { Keys: pending, ConsistentRead: true } } })));
      items.push(...(out.Responses?.[recordsTable()] ?? []));
      pending = (out.UnprocessedKeys?.[recordsTable()]?.Keys ?? []) as Key[];
      if (attempt > 8 && pending.length) throw new ConcurrentChange('reading the repayments');
    }
  }
  return items;
}

/** The mothers' names of these loans, by loan id (for lists of repayments, which do not carry them). */
export async function motherNamesOfLoans(loanIds: readonly string[]): Promise<Map<string, string>> {
  const loans = await batchGet(loanIds.map((id) => keys.loan(id)));
  return new Map(loans.map((l) => [String(l.id), String((l.mother as { name?: string } | undefined)?.name ?? '')]));
}

/** The current repayment items of (loan, repayment) pairs, by id; a pair that names no repayment is absent. */
export async function repaymentsAt(refs: readonly { id: string; loanId: string }[]): Promise<Map<string, Repayment>> {
  const items = await batchGet(refs.map((r) => keys.repayment(r.loanId, r.id)));
  return new Map(items.map((i) => [String(i.id), strip<Repayment>(i)]));
}

export async function loadBatch(id: string): Promise<{ batch: RemittanceBatch; history: HistoryEvent[] } | undefined> {
  const items = await queryPartition(remittanceKeys.batch(id).pk);
  const root = items.find((i) => i.sk === 'REMITTANCE');
  if (!root) return undefined;
  return { batch: strip<RemittanceBatch>(root), history: items.filter((i) => String(i.sk).startsWith('EVENT#')).map((i) => strip<HistoryEvent>(i)) };
}

/** Batches of some districts, optionally of one level and sending office (a key prefix). */
export function listBatches(districtIds: string[], opts: { skPrefix?: string; limit: number; cursor?: string }): Promise<Page<RemittanceBatch>> {
  return queryIndex<RemittanceBatch>({ index: INDEX.byScope, pkName: 'scopePk', skName: 'scopeSk', partitions: districtIds.map((d) => `REMITTANCE#${d}`), ...opts });
}

/** Repayments of a district in one hand-off state, optionally only those collected below an office (`{officeId}.`). */
export function listRepaymentsIn(districtId: string, state: HandOffState, opts: { officePrefix?: string; limit: number; cursor?: string }): Promise<Page<Repayment>> {
  return queryIndex<Repayment>({
    index: INDEX.byScope,
    pkName: 'scopePk',
    skName: 'scopeSk',
    partitions: [`REPAYMENT#${districtId}`],
    skPrefix: `${state}#${opts.officePrefix ?? ''}`,
    limit: opts.limit,
    cursor: opts.cursor,
  });
}

function queryAll(pk: string, from: string, to: string): Promise<Item[]> {
  return queryEvery({ KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to', ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to }, ConsistentRead: true });
}

/**
 * The counters of these offices as they stood at the end of `asOf` (by the dates the money
 * moved: paidOn, handedOverOn). The running totals are read in one snapshot
 * (TransactGetItems, 100 offices at a time), so a batch recorded meanwhile shows on both
 * sides or neither; for a past day the day counters after it are taken off.
 */
export async function readFlows(officeIds: readonly string[], asOf: string, today: string): Promise<Map<string, Flows>> {
  const flows = new Map<string, Flows>();
  for (let i = 0; i < officeIds.length; i += 100) {
    const chunk = officeIds.slice(i, i + 100);
    const out = await guardUnavailable(async () => {
      try {
        return await documentClient().send(new TransactGetCommand({ TransactItems: chunk.map((id) => ({ Get: { TableName: recordsTable(), Key: remittanceKeys.totals(id) } })) }));
      } catch (error) {
        if (error instanceof TransactionCanceledException) throw new ConcurrentChange('the remittance counters');
        throw error;
      }
    });
    for (const [j, id] of chunk.entries()) flows.set(id, flowsOf(out.Responses?.[j]?.Item));
  }
  if (asOf < today) {
    const from = `D#${addDays(asOf, 1)}`;
    await Promise.all(
      officeIds.map(async (id) => {
        const later = await queryAll(remittanceKeys.totals(id).pk, from, 'D#9999-12-31');
        for (const day of later) flows.set(id, addFlows(flows.get(id)!, flowsOf(day), -1));
      }),
    );
  }
  return flows;
}

/** The flagged batches handed over by an office up to `asOf`, oldest first. */
export async function flaggedBatchesOf(officeId: string, asOf: string): Promise<Omit<RemittanceBatch, 'repayments'>[]> {
  const items = await queryAll(remittanceKeys.totals(officeId).pk, 'FLAG#', `FLAG#${asOf}#~`);
  return items.map((i) => strip<Omit<RemittanceBatch, 'repayments'>>(i));
}
