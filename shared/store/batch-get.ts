/** Items by key in batches (BatchGetItem), for any use case that reads many known keys at once. */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { ServiceUnavailable } from '../domain/errors.ts';
import { documentClient, recordsTable } from './client.ts';
import { guardUnavailable } from './errors.ts';
import { strip } from './records.ts';

type Key = { pk: string; sk: string };

export const keyString = (k: Key) => `${k.pk}\u0000${k.sk}`;

/** Items by key (BatchGetItem, 100 keys a call, unprocessed keys retried), as a map by `keyString`. */
export async function batchGetItems<T>(allKeys: Key[], attributes?: string[]): Promise<Map<string, T>> {
  const unique = [...new Map(allKeys.map((k) => [keyString(k), k])).values()];
  const found = new Map<string, T>();
  const table = recordsTable();
  const names = attributes ? Object.fromEntries(['pk', 'sk', ...attributes].map((a, i) => [`#a${i}`, a])) : undefined;
  const batches: Key[][] = [];
  for (let i = 0; i < unique.length; i += 100) batches.push(unique.slice(i, i + 100));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      let pending: Record<string, unknown>[] = batches[next++]!;
      for (let attempt = 1; pending.length; attempt++) {
        const answer = await guardUnavailable(() =>
          documentClient().send(
            new BatchGetCommand({
              RequestItems: { [table]: { Keys: pending, ConsistentRead: true, ...(names ? { ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names } : {}) } },
            }),
          ),
        );
        for (const item of answer.Responses?.[table] ?? []) found.set(keyString(item as Key), strip<T>(item));
        pending = answer.UnprocessedKeys?.[table]?.Keys ?? [];
        if (pending.length && attempt >= 8) throw new ServiceUnavailable('the database is busy; please retry');
        if (pending.length) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, batches.length) }, worker));
  return found;
}
