/**
 * Re-derives the ids that come from a mother (issue 18: ids carry no personal data), for
 * `scripts/rekey-mothers.ts`, after the mother keys are moved:
 * - a ledger loan's id (`ledgerRecordId(disbursedOn, 'loan', roundId, …)`) and an imported
 *   application's id (`importedApplicationId(roundId, …)`) were derived from the resident ID
 *   itself (an unkeyed SHA-256), or from the mother key under an earlier key; now they come
 *   from `motherKey(residentId)` (HMAC with the current key);
 * - a ledger repayment's id is derived from its loan's id, so it follows;
 * - every item that holds an old id anywhere (its keys, the index keys, references such as a
 *   receipt's `loanId`, a mother's open case, a loan's `applicationId`, history texts, the
 *   stored parts of a ledger batch) is rewritten with the new ids; an item whose own key
 *   changes is copied to its new key (conditionally), then the old one removed.
 * It reads the whole table twice (Scans: an operator's maintenance job with the API stopped)
 * and is safe to run again: an id already derived the new way is left alone.
 */
import { createHash } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { importedApplicationId } from '../../shared/domain/imported-ids.ts';
import { ledgerRecordId, normalizeReceipt } from '../../shared/domain/ledger-records.ts';
import { documentClient, recordsTable } from '../../shared/store/client.ts';
import { motherKey } from '../../shared/store/keys.ts';
import { everyItem, moveItem, type Item } from './table-items.ts';

export interface RekeyIdsCounts {
  /** ids re-derived (loans, applications, repayments) */
  ids: number;
  /** items rewritten (moved to a new key or updated in place) */
  items: number;
}

/** The imported application id as it was derived before: from the resident ID itself. */
export function legacyImportedApplicationId(roundId: string, residentId: string): string {
  const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const hash = createHash('sha256').update(`happiness-project:import:${roundId}:${residentId.trim().toUpperCase()}`).digest();
  let value = 0n;
  for (let j = 0; j < 10; j++) value = (value << 8n) | BigInt(hash[j]!);
  let tail = '';
  for (let j = 0; j < 16; j++, value >>= 5n) tail = CROCKFORD[Number(value & 31n)] + tail;
  return `${roundId.slice(0, 10)}${tail}`;
}

/** The ledger loan id as it was derived before: from the resident ID itself. */
export const legacyLedgerLoanId = (disbursedOn: string, roundId: string, residentId: string) => ledgerRecordId(disbursedOn, 'loan', roundId, residentId);

const ID = /[0-9A-HJKMNP-TV-Z]{26}/g;

/** Every string in `value` with the old ids replaced (keys of objects are left as they are). */
function replaced(value: unknown, renamed: Map<string, string>): unknown {
  if (typeof value === 'string') return value.replace(ID, (id) => renamed.get(id) ?? id);
  if (Array.isArray(value)) return value.map((v) => replaced(v, renamed));
  if (value && typeof value === 'object' && !(value instanceof Uint8Array) && !(value instanceof Set)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaced(v, renamed)]));
  return value;
}

export async function rekeyDerivedIds(opts: { oldMotherKey: (residentId: string) => string; dryRun: boolean }): Promise<RekeyIdsCounts> {
  const client = documentClient();
  const TableName = recordsTable();
  // 1. the ids to change: loans and applications (from the ID), then repayments (from their loan)
  const renamed = new Map<string, string>();
  const repayments: Item[] = [];
  const rename = (from: string, candidates: string[], to: string) => {
    if (from !== to && candidates.includes(from)) renamed.set(from, to);
  };
  for await (const item of everyItem()) {
    const residentId = (item.mother as { residentId?: string } | undefined)?.residentId;
    if (item.type === 'LOAN' && residentId && typeof item.roundId === 'string') {
      const disbursedOn = (item.disbursement as { disbursedOn?: string } | undefined)?.disbursedOn;
      if (item.ledgerImportId && disbursedOn)
        rename(
          String(item.id),
          [legacyLedgerLoanId(disbursedOn, item.roundId, residentId), ledgerRecordId(disbursedOn, 'loan', item.roundId, opts.oldMotherKey(residentId))],
          ledgerRecordId(disbursedOn, 'loan', item.roundId, motherKey(residentId)),
        );
      if (typeof item.applicationId === 'string')
        rename(
          item.applicationId,
          [legacyImportedApplicationId(item.roundId, residentId), importedApplicationId(item.roundId, opts.oldMotherKey(residentId))],
          importedApplicationId(item.roundId, motherKey(residentId)),
        );
    } else if (item.type === 'APP' && residentId && typeof item.roundId === 'string')
      rename(
        String(item.id),
        [legacyImportedApplicationId(item.roundId, residentId), importedApplicationId(item.roundId, opts.oldMotherKey(residentId))],
        importedApplicationId(item.roundId, motherKey(residentId)),
      );
    else if (item.type === 'REPAYMENT' && item.ledgerImportId) repayments.push(item);
  }
  for (const r of repayments) {
    const loanId = renamed.get(String(r.loanId));
    if (!loanId || typeof r.paidOn !== 'string' || typeof r.receiptNo !== 'string') continue;
    const old = String(r.id);
    const next = ledgerRecordId(r.paidOn, 'repayment', loanId, normalizeReceipt(r.receiptNo));
    if (old === ledgerRecordId(r.paidOn, 'repayment', String(r.loanId), normalizeReceipt(r.receiptNo)) && old !== next) renamed.set(old, next);
  }
  const counts: RekeyIdsCounts = { ids: renamed.size, items: 0 };
  if (!renamed.size) return counts;

  // 2. every item that holds an old id: rewritten, moved when its own key changes
  for await (const item of everyItem()) {
    const text = JSON.stringify(item);
    if (!text.match(ID)?.some((id) => renamed.has(id))) continue;
    const next = replaced(item, renamed) as Item;
    counts.items++;
    if (opts.dryRun) continue;
    if (next.pk === item.pk && next.sk === item.sk) {
      await client.send(new PutCommand({ TableName, Item: next }));
      continue;
    }
    await moveItem(item, next);
  }
  return counts;
}
