/**
 * `npx tsx scripts/rekey-mothers.ts [--dry-run]`: re-keys every record that holds a mother
 * key, from the old key to the current one (see shared/store/mother-key.ts):
 * - the applications' and loans' `motherPk` (the byMother index) is recomputed from the ID;
 * - each mother item (`MOTHER#…` / `MOTHER`: her open case) is copied to its new key, then
 *   the old one is removed;
 * - each report marker of a first-time mother (`SEEN#mother#…` in the aggregate partitions)
 *   is copied to its new sort key, then the old one is removed.
 *
 * The old key: `OLD_MOTHER_KEY=<key>` (a previous HMAC key), or nothing for the unkeyed
 * SHA-256 of before. The new key: `MOTHER_KEY`, the secret in `MOTHER_KEY_SECRET_ARN`, or
 * `.local/mother-key`. Run it with the API stopped (a maintenance window): it reads the whole
 * table (a Scan, never on a request path) and is safe to run again (what is re-keyed is skipped).
 * Locally it finds DynamoDB Local like `npm run reconcile` does.
 */
import '../dev/env.ts';
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DeleteCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, recordsTable } from '../shared/store/client.ts';
import { legacyMotherKey, motherKey } from '../shared/store/keys.ts';
import { loadMotherKey } from '../shared/store/mother-key.ts';

const state = join(resolve(process.env.LOCAL_STATE_DIR ?? join(import.meta.dirname, '..', '.local')), 'endpoint.json');
if (!process.env.RECORDS_TABLE && existsSync(state)) Object.assign(process.env, JSON.parse(readFileSync(state, 'utf8')));
if (!process.env.RECORDS_TABLE) {
  console.error('Start `npm run dev` first (or set RECORDS_TABLE and AWS credentials).');
  process.exit(2);
}
const dryRun = process.argv.includes('--dry-run');
await loadMotherKey();

const oldKeyText = process.env.OLD_MOTHER_KEY;
const oldMotherKey = (residentId: string) =>
  oldKeyText
    ? `MOTHER#${createHmac('sha256', Buffer.from(oldKeyText.trim(), 'utf8')).update(`happiness-project:${residentId.toUpperCase()}`).digest('hex').slice(0, 32)}`
    : legacyMotherKey(residentId);

type Item = Record<string, unknown> & { pk: string; sk: string };
const client = documentClient();
const TableName = recordsTable();

async function* everyItem(): AsyncGenerator<Item> {
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName, ExclusiveStartKey }));
    for (const item of page.Items ?? []) yield item as Item;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}

/** Old mother key → new mother key, learnt from the applications and loans (which hold the ID). */
const renamed = new Map<string, string>();
const cases: Item[] = [];
const mothers: Item[] = [];
const markers: Item[] = [];
for await (const item of everyItem()) {
  if ((item.type === 'APP' || item.type === 'LOAN') && typeof item.motherPk === 'string') cases.push(item);
  else if (item.sk === 'MOTHER') mothers.push(item);
  else if (item.sk.startsWith('SEEN#mother#')) markers.push(item);
}
for (const c of cases) {
  const residentId = (c.mother as { residentId: string }).residentId;
  renamed.set(oldMotherKey(residentId), motherKey(residentId));
}

const counts = { cases: 0, mothers: 0, markers: 0, unknown: 0 };
for (const c of cases) {
  const next = motherKey((c.mother as { residentId: string }).residentId);
  if (c.motherPk === next) continue;
  counts.cases++;
  if (!dryRun) await client.send(new UpdateCommand({ TableName, Key: { pk: c.pk, sk: c.sk }, UpdateExpression: 'SET motherPk = :m', ExpressionAttributeValues: { ':m': next } }));
}
async function move(item: Item, to: { pk: string; sk: string }): Promise<void> {
  if (dryRun) return;
  await client.send(new PutCommand({ TableName, Item: { ...item, ...to }, ConditionExpression: 'attribute_not_exists(pk)' })).catch((error: { name?: string }) => {
    if (error.name !== 'ConditionalCheckFailedException') throw error; // copied by an earlier run
  });
  await client.send(new DeleteCommand({ TableName, Key: { pk: item.pk, sk: item.sk } }));
}
for (const m of mothers) {
  const next = renamed.get(m.pk);
  if (!next) {
    if (![...renamed.values()].includes(m.pk)) counts.unknown++;
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
console.log(`${dryRun ? 'Would re-key' : 'Re-keyed'} ${counts.cases} application/loan index key(s), ${counts.mothers} mother item(s), ${counts.markers} first-mother report marker(s).`);
if (counts.unknown) console.log(`${counts.unknown} mother item(s) matched no application or loan under either key; left as they are.`);
