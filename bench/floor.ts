/**
 * The floor of a request: the same DynamoDB operations it issued, replayed directly with the
 * SDK (its document client, as the store uses). Reads are replayed as they were; writes are replayed on fresh keys (FLOOR#…) with the
 * same shape (items, expressions, sizes) so nothing conflicts with the records.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
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

/** A write aimed at a fresh FLOOR key: same item and update, condition only that the key is new. */
function onFreshKey(op: Json, keyField: 'Item' | 'Key'): Json {
  const fresh = `FLOOR#${randomUUID()}`;
  const out: Json = { ...op, [keyField]: { ...op[keyField], pk: fresh }, ConditionExpression: 'attribute_not_exists(pk)' };
  out.ExpressionAttributeNames = referenced([out.UpdateExpression, out.ConditionExpression], op.ExpressionAttributeNames);
  out.ExpressionAttributeValues = referenced([out.UpdateExpression, out.ConditionExpression], op.ExpressionAttributeValues);
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
