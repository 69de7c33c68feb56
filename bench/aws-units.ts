/**
 * Write units as DynamoDB on AWS would charge them, for the lifecycle section (2). DynamoDB Local
 * reports a TransactWriteItems' capacity as if one item had been written (four items of 3 KB:
 * 6 units, not 24), so its figures under-count every step of more than one item. This wraps the
 * application's document client: before each TransactWriteItems it reads the items the
 * transaction names, after it reads them again (both with a client of its own, whose reads are
 * not counted as the step's), and prices each action by AWS's rules:
 * - the table: 2 write units per KB (rounded up) of the larger of the item before and after, a
 *   transactional write being two writes (prepare and commit); a ConditionCheck is priced as a
 *   write of the item it checks (conservative);
 * - each global secondary index: 1 unit per KB of the projected item written there (index
 *   writes are not transactional), a delete when the item leaves the index, a delete and a put
 *   when its index keys change, nothing when neither the keys nor a projected attribute changed.
 * Item sizes follow DynamoDB's rules (names and values in UTF-8, numbers by their digits, 3 bytes
 * per map or list and 1 per element).
 */
import { type AttributeValue, BatchGetItemCommand, DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { documentClient, recordsTable } from '../shared/store/client.ts';

type Raw = Record<string, AttributeValue>;
interface Index {
  keys: string[];
  /** 'ALL', or the attributes projected besides the table's and the index's keys */
  projection: 'ALL' | string[];
}

const KB = 1024;
const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** Bytes of one attribute value by DynamoDB's rules. */
export function valueSize(v: AttributeValue): number {
  if (v.S !== undefined) return utf8(v.S);
  if (v.N !== undefined) {
    const digits = v.N.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '') || '0';
    return Math.ceil(digits.length / 2) + 1;
  }
  if (v.B !== undefined) return v.B.length;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.SS) return v.SS.reduce((n, s) => n + utf8(s), 0);
  if (v.NS) return v.NS.reduce((n, s) => n + valueSize({ N: s }), 0);
  if (v.BS) return v.BS.reduce((n, b) => n + b.length, 0);
  if (v.L) return 3 + v.L.reduce((n, e) => n + 1 + valueSize(e), 0);
  if (v.M) return 3 + Object.entries(v.M).reduce((n, [k, e]) => n + 1 + utf8(k) + valueSize(e), 0);
  return 0;
}

/** Bytes of an item (or of the attributes of it named by `only`). */
export function itemSize(item: Raw, only?: (name: string) => boolean): number {
  return Object.entries(item).reduce((n, [k, v]) => (only && !only(k) ? n : n + utf8(k) + valueSize(v)), 0);
}

const units = (bytes: number, perKb: number) => Math.max(1, Math.ceil(bytes / KB)) * perKb;

/** The write units of one index for an item going from `before` to `after` (either may be missing). */
function indexUnits(index: Index, tableKeys: string[], before: Raw | undefined, after: Raw | undefined): number {
  const inIndex = (item: Raw | undefined) => !!item && index.keys.every((k) => item[k] !== undefined);
  const projected = (name: string) => index.projection === 'ALL' || tableKeys.includes(name) || index.keys.includes(name) || index.projection.includes(name);
  const projectedOf = (item: Raw) =>
    JSON.stringify(
      Object.keys(item)
        .filter(projected)
        .sort()
        .map((k) => [k, item[k]]),
    );
  const b = inIndex(before) ? before : undefined;
  const a = inIndex(after) ? after : undefined;
  if (!b && !a) return 0;
  if (!b) return units(itemSize(a!, projected), 1);
  if (!a) return units(itemSize(b, projected), 1);
  const sameKeys = index.keys.every((k) => JSON.stringify(b[k]) === JSON.stringify(a[k]));
  if (!sameKeys) return units(itemSize(b, projected), 1) + units(itemSize(a, projected), 1);
  if (projectedOf(b) === projectedOf(a)) return 0;
  return units(Math.max(itemSize(b, projected), itemSize(a, projected)), 1);
}

/**
 * Starts pricing every TransactWriteItems of the application's client; `total()` answers the
 * units priced since the last `reset()`, `stop()` restores the client.
 */
export async function awsWriteUnits(raw: DynamoDBClient) {
  const table = recordsTable();
  const description = (await raw.send(new DescribeTableCommand({ TableName: table }))).Table!;
  const tableKeys = (description.KeySchema ?? []).map((k) => k.AttributeName!);
  const indexes: Index[] = (description.GlobalSecondaryIndexes ?? []).map((g) => ({
    keys: (g.KeySchema ?? []).map((k) => k.AttributeName!),
    projection: g.Projection?.ProjectionType === 'ALL' ? 'ALL' : (g.Projection?.NonKeyAttributes ?? []),
  }));
  const read = async (keys: Record<string, unknown>[]): Promise<Map<string, Raw>> => {
    const found = new Map<string, Raw>();
    for (let i = 0; i < keys.length; i += 100) {
      const answer = await raw.send(new BatchGetItemCommand({ RequestItems: { [table]: { Keys: keys.slice(i, i + 100).map((k) => marshall(k)), ConsistentRead: true } } }));
      for (const item of answer.Responses?.[table] ?? []) found.set(`${item.pk?.S}\u0000${item.sk?.S}`, item);
    }
    return found;
  };
  let total = 0;
  const client = documentClient();
  const realSend = client.send.bind(client);
  (client as { send: unknown }).send = async (command: unknown, ...rest: unknown[]) => {
    if (!(command instanceof TransactWriteCommand)) return (realSend as (c: unknown, ...r: unknown[]) => Promise<unknown>)(command, ...rest);
    const actions = (command.input.TransactItems ?? []).map((t) => {
      const key = (t.Put ? { pk: t.Put.Item?.pk, sk: t.Put.Item?.sk } : (t.Update?.Key ?? t.Delete?.Key ?? t.ConditionCheck?.Key)) as Record<string, unknown>;
      return { key, id: `${key.pk}\u0000${key.sk}`, check: !!t.ConditionCheck };
    });
    const before = await read(actions.map((a) => a.key));
    const answer = await (realSend as (c: unknown, ...r: unknown[]) => Promise<unknown>)(command, ...rest);
    const after = await read(actions.map((a) => a.key));
    for (const a of actions) {
      const b = before.get(a.id);
      const n = after.get(a.id);
      total += units(Math.max(b ? itemSize(b) : 0, n ? itemSize(n) : 0), 2);
      if (!a.check) for (const index of indexes) total += indexUnits(index, tableKeys, b, n);
    }
    return answer;
  };
  return {
    total: () => total,
    reset: () => {
      total = 0;
    },
    stop: () => {
      (client as { send: unknown }).send = realSend;
    },
  };
}
