/**
 * The floor of a request: the same DynamoDB operations it issued, replayed directly with the
 * SDK (its document client, as the store uses). Reads are replayed as they were; writes are replayed on fresh keys (FLOOR#…) with the
 * same shape (items, expressions, sizes) so nothing conflicts with the records. The partition
 * keys of the table's indexes a replayed write sets get fresh values of the same length too: the
 * copy costs the same index writes but lands in no index partition a route reads (a copy of an
 * application under her mother's key would be found as hers by the next request).
 */
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactGetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import type { DynamoCall } from '../shared/store/client.ts';

type Json = Record<string, any>;

function referenced(expressions: (string | undefined)[], map: Json | undefined): Json | undefined {
  if (!map) return undefined;
  const text = expressions.filter(Boolean).join(' ');
  const kept = Object.fromEntries(Object.entries(map).filter(([k]) => text.includes(k)));
  return Object.keys(kept).length ? kept : undefined;
}

/** Table name → the partition key attributes of its indexes (read once per table, before any replay is timed). */
const indexKeys = new Map<string, string[]>();

async function learnIndexKeys(client: DynamoDBClient, calls: DynamoCall[]): Promise<void> {
  const tables = new Set<string>();
  for (const call of calls) {
    const input = call.input as Json;
    if (typeof input.TableName === 'string') tables.add(input.TableName);
    for (const item of (input.TransactItems as Json[] | undefined) ?? []) for (const op of Object.values(item) as Json[]) if (typeof op?.TableName === 'string') tables.add(op.TableName);
  }
  for (const table of tables) {
    if (indexKeys.has(table)) continue;
    const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
    indexKeys.set(table, [...new Set((Table?.GlobalSecondaryIndexes ?? []).flatMap((g) => (g.KeySchema ?? []).filter((k) => k.KeyType === 'HASH').map((k) => k.AttributeName!)))]);
  }
}

/** A fresh string as long as `value` (at least 16 characters): the same size, a partition no route reads. */
const freshLike = (value: string): string => `FLOOR#${randomUUID().replace(/-/g, '')}${'x'.repeat(value.length)}`.slice(0, Math.max(value.length, 16));

/** The value placeholders an update expression SETs each index key attribute to (`#a = :v` or `a = :v`). */
function indexValuesSet(op: Json, attributes: string[]): string[] {
  const names = (op.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const placeholders: string[] = [];
  for (const m of String(op.UpdateExpression ?? '').matchAll(/(#?[A-Za-z0-9_]+)\s*=\s*(:[A-Za-z0-9_]+)/g)) {
    const attribute = m[1]!.startsWith('#') ? names[m[1]!] : m[1];
    if (attribute && attributes.includes(attribute)) placeholders.push(m[2]!);
  }
  return placeholders;
}

/** A write aimed at a fresh FLOOR key: same item and update, condition only that the key is new, index partition keys fresh. */
function onFreshKey(op: Json, keyField: 'Item' | 'Key'): Json {
  const fresh = `FLOOR#${randomUUID()}`;
  const attributes = indexKeys.get(op.TableName) ?? [];
  const target: Json = { ...op[keyField], pk: fresh };
  if (keyField === 'Item') for (const a of attributes) if (typeof target[a] === 'string') target[a] = freshLike(target[a]);
  const out: Json = { ...op, [keyField]: target, ConditionExpression: 'attribute_not_exists(pk)' };
  out.ExpressionAttributeNames = referenced([out.UpdateExpression, out.ConditionExpression], op.ExpressionAttributeNames);
  out.ExpressionAttributeValues = referenced([out.UpdateExpression, out.ConditionExpression], op.ExpressionAttributeValues);
  if (keyField === 'Key' && out.ExpressionAttributeValues) {
    const values = { ...out.ExpressionAttributeValues };
    for (const v of indexValuesSet(out, attributes)) if (typeof values[v] === 'string') values[v] = freshLike(values[v]);
    out.ExpressionAttributeValues = values;
  }
  for (const k of ['ExpressionAttributeNames', 'ExpressionAttributeValues']) if (!out[k]) delete out[k];
  return out;
}

function commandFor(call: DynamoCall): any {
  const input = { ...(call.input as Json) };
  delete input.ReturnConsumedCapacity;
  switch (call.command) {
    case 'GetItemCommand':
      return new GetCommand(input as never);
    case 'QueryCommand':
      return new QueryCommand(input as never);
    case 'BatchGetItemCommand':
      return new BatchGetCommand(input as never);
    case 'TransactGetItemsCommand':
      return new TransactGetCommand(input as never);
    case 'PutItemCommand':
      return new PutCommand(onFreshKey(input, 'Item') as never);
    case 'UpdateItemCommand':
      return new UpdateCommand(onFreshKey(input, 'Key') as never);
    case 'TransactWriteItemsCommand':
      return new TransactWriteCommand({
        TransactItems: (input.TransactItems as Json[]).map((item) => {
          if (item.Put) return { Put: onFreshKey(item.Put, 'Item') };
          if (item.Update) return { Update: onFreshKey(item.Update, 'Key') };
          if (item.ConditionCheck) return { ConditionCheck: onFreshKey(item.ConditionCheck, 'Key') };
          return item;
        }),
      } as never);
    default:
      return undefined;
  }
}

/** Replays the calls one after another; returns the milliseconds they took, or undefined when a replay was refused. */
let doc: DynamoDBDocumentClient | undefined;

export async function replay(client: DynamoDBClient, calls: DynamoCall[]): Promise<number | undefined> {
  doc ??= DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  await learnIndexKeys(client, calls);
  const started = performance.now();
  try {
    for (const call of calls) {
      const command = commandFor(call);
      if (command) await doc.send(command);
    }
  } catch {
    return undefined;
  }
  return performance.now() - started;
}
