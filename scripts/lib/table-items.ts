/**
 * What the maintenance scripts that rewrite records share (re-keying the mothers, re-deriving
 * ids, binding staff to their sign-in subjects): every item of the records table, and moving
 * one item to a new key. Scans: an operator's job with the API stopped, never a request path.
 */
import { DeleteCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, recordsTable } from '../../shared/store/client.ts';

export type Item = Record<string, unknown> & { pk: string; sk: string };

/** Every item of the records table, page by page. */
export async function* everyItem(): AsyncGenerator<Item> {
  const client = documentClient();
  const TableName = recordsTable();
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName, ExclusiveStartKey }));
    for (const item of page.Items ?? []) yield item as Item;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}

/**
 * Moves `item` (as `next`, which may hold other attributes too) to `next`'s key: copied there
 * unless a copy is there already (made by an earlier, interrupted run), then the old one removed.
 */
export async function moveItem(item: Item, next: Item): Promise<void> {
  const client = documentClient();
  const TableName = recordsTable();
  await client.send(new PutCommand({ TableName, Item: next, ConditionExpression: 'attribute_not_exists(pk)' })).catch((error: { name?: string }) => {
    if (error.name !== 'ConditionalCheckFailedException') throw error; // copied by an earlier run
  });
  await client.send(new DeleteCommand({ TableName, Key: { pk: item.pk, sk: item.sk } }));
}
