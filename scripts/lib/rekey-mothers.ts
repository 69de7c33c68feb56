/**
 * Re-keys every record that holds a mother key, from an old key to the current one (see
 * mother-key.ts), for `scripts/rekey-mothers.ts`:
 * - the applications' and loans' `motherPk` (the byMother index) is recomputed from the ID;
 * - each mother item (`MOTHER#…` / `MOTHER`: her open case) is copied to its new key, then
 *   the old one is removed;
 * - each report marker of a first-time mother (`SEEN#mother#…` in the aggregate partitions)
 *   is copied to its new sort key, then the old one is removed.
 * It reads the whole table (a Scan: an operator's maintenance job, never on a request path)
 * and is safe to run again: what is re-keyed already is skipped, a copy made by an earlier
 * interrupted run is kept.
 */
import { createHmac } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, recordsTable } from '../../shared/store/client.ts';
import { legacyMotherKey, motherKey } from '../../shared/store/keys.ts';
import { everyItem, moveItem, type Item } from './table-items.ts';

export interface RekeyCounts {
  /** applications and loans whose byMother index key was recomputed */
  cases: number;
  /** mother items moved to their new key */
  mothers: number;
  /** first-mother report markers moved */
  markers: number;
  /** mother items under a key no application or loan explains (left as they are) */
  unknown: number;
}

/** The mother key under an earlier HMAC key, or (without one) the unkeyed SHA-256 of before. */
export function oldMotherKeyOf(oldKeyText: string | undefined): (residentId: string) => string {
  if (!oldKeyText) return legacyMotherKey;
  const secret = Buffer.from(oldKeyText.trim(), 'utf8');
  return (residentId) => `MOTHER#${createHmac('sha256', secret).update(`happiness-project:${residentId.toUpperCase()}`).digest('hex').slice(0, 32)}`;
}

export async function rekeyMothers(opts: { oldMotherKey: (residentId: string) => string; dryRun: boolean }): Promise<RekeyCounts> {
  const client = documentClient();
  const TableName = recordsTable();

  /** old mother key → new mother key, learnt from the applications and loans (which hold the ID) */
  const renamed = new Map<string, string>();
  const cases: Item[] = [];
  const mothers: Item[] = [];
  const markers: Item[] = [];
  for await (const item of everyItem()) {
    if ((item.type === 'APP' || item.type === 'LOAN') && typeof item.motherPk === 'string') cases.push(item);
    else if (item.sk === 'MOTHER') mothers.push(item);
    else if (item.sk.startsWith('SEEN#mother#')) markers.push(item);
  }
  const current = new Set<string>();
  for (const c of cases) {
    const residentId = (c.mother as { residentId: string }).residentId;
    const next = motherKey(residentId);
    current.add(next);
    const old = opts.oldMotherKey(residentId);
    if (old !== next) renamed.set(old, next);
  }

  const counts: RekeyCounts = { cases: 0, mothers: 0, markers: 0, unknown: 0 };
  for (const c of cases) {
    const next = motherKey((c.mother as { residentId: string }).residentId);
    if (c.motherPk === next) continue;
    counts.cases++;
    if (!opts.dryRun) await client.send(new UpdateCommand({ TableName, Key: { pk: c.pk, sk: c.sk }, UpdateExpression: 'SET motherPk = :m', ExpressionAttributeValues: { ':m': next } }));
  }
  const move = async (item: Item, to: { pk: string; sk: string }) => {
    if (!opts.dryRun) await moveItem(item, { ...item, ...to });
  };
  for (const m of mothers) {
    const next = renamed.get(m.pk);
    if (!next) {
      if (!current.has(m.pk)) counts.unknown++;
      continue;
    }
    counts.mothers++;
    await move(m, { pk: next, sk: 'MOTHER' });
  }
  for (const s of markers) {
    const next = renamed.get(s.sk.slice('SEEN#mother#'.length));
    if (!next) continue;
    counts.markers++;
    await move(s, { pk: s.pk, sk: `SEEN#mother#${next}` });
  }
  return counts;
}
