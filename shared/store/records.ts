/** Reads: by key, a whole partition, or a page of an index across one or more partitions. */
import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ValidationFailed } from '../domain/errors.ts';
import { documentClient, recordsTable } from './client.ts';
import { guardUnavailable } from './errors.ts';
import { ANCHOR_SORT_KEYS, IDEM_MAP } from './idempotency.ts';
import { KEY_ATTRIBUTES } from './keys.ts';
import { unpack } from './packed.ts';

type Item = Record<string, unknown>;

/**
 * Removes the storage keys and unpacks what is stored packed (./packed.ts), leaving the record as
 * the API shows it. The replay answers of ./idempotency.ts are no part of a record: a history
 * event's `answer` is left out, and an application's or loan's `idem` map moves to a
 * symbol-keyed property (`IDEM_MAP`) that no answer shows and the next replace writes back.
 */
export function strip<T>(item: Item): T {
  const copy: Item = { ...item };
  for (const k of KEY_ATTRIBUTES) delete copy[k];
  delete copy.answer;
  if (item.idem !== undefined && ANCHOR_SORT_KEYS.has(item.sk as string)) {
    (copy as Record<PropertyKey, unknown>)[IDEM_MAP] = item.idem;
    delete copy.idem;
  }
  unpack(copy);
  return copy as T;
}

export async function getRecord<T>(key: { pk: string; sk: string }): Promise<T | undefined> {
  const { Item } = await guardUnavailable(() => documentClient().send(new GetCommand({ TableName: recordsTable(), Key: key, ConsistentRead: true })));
  return Item ? strip<T>(Item) : undefined;
}

/** Every item a Query on the records table finds, following its pages. */
export async function queryEvery(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Item | undefined;
  do {
    const page = await guardUnavailable(() => documentClient().send(new QueryCommand({ ...input, TableName: recordsTable(), ExclusiveStartKey })));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** Every item of one partition (a record with its children and history), in key order. */
export function queryPartition(pk: string): Promise<Item[]> {
  return queryEvery({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true });
}

/** One more slice of the same list, read after the partitions: its own partition, prefix and filter. */
export interface Segment {
  partition: string;
  skPrefix?: string;
  filter?: IndexQuery['filter'];
}

export interface IndexQuery {
  index: string;
  pkName: string;
  skName: string;
  /** partitions read one after another (e.g. every district for a committee-wide list) */
  partitions: string[];
  /** instead of `partitions`: slices with their own prefix and filter (e.g. overdue = marked overdue + active past due) */
  segments?: Segment[];
  skPrefix?: string;
  /** sort key at most `to` (instead of a prefix) */
  range?: { to: string };
  filter?: { expression: string; names?: Record<string, string>; values?: Item };
  limit: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** pass back as `cursor` for the next page; absent on the last page */
  nextCursor?: string;
}

interface Cursor {
  p: number;
  k?: Item;
}

const badCursor = () => new ValidationFailed('is not a cursor returned by this list (lists change their cursor when their filters change)', 'cursor', { rule: 'bad_cursor' });

/** A cursor is only accepted if it could have come from this very query: same partition, same key prefix. */
function decodeCursor(q: IndexQuery, segments: Segment[]): Cursor {
  if (!q.cursor) return { p: 0 };
  let parsed: Cursor;
  try {
    parsed = JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8')) as Cursor;
  } catch {
    throw badCursor();
  }
  if (typeof parsed !== 'object' || parsed === null || !Number.isInteger(parsed.p) || parsed.p < 0 || parsed.p >= q.partitions.length) throw badCursor();
  if (parsed.k === undefined) return { p: parsed.p };
  const k = parsed.k as Record<string, unknown>;
  const expected = ['pk', 'sk', q.pkName, q.skName].sort();
  const sameShape =
    typeof k === 'object' && k !== null && JSON.stringify(Object.keys(k).sort()) === JSON.stringify(expected) && Object.values(k).every((v) => typeof v === 'string' && v.length < 1024);
  if (!sameShape || k[q.pkName] !== segments[parsed.p]!.partition || !String(k[q.skName]).startsWith(segments[parsed.p]!.skPrefix ?? '')) throw badCursor();
  return parsed;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

/** One page of an index Query, continuing across partitions (or segments) in order. */
export async function queryIndex<T>(query: IndexQuery): Promise<Page<T>> {
  const segments: Segment[] = query.segments ?? query.partitions.map((partition) => ({ partition, skPrefix: query.skPrefix, filter: query.filter }));
  const items: T[] = [];
  let { p, k } = decodeCursor({ ...query, partitions: segments.map((s) => s.partition) }, segments);
  while (p < segments.length && items.length < query.limit) {
    const seg = segments[p]!;
    const q = { ...query, skPrefix: seg.skPrefix, filter: seg.filter, partitions: segments.map((s) => s.partition) };
    const input: QueryCommandInput = {
      TableName: recordsTable(),
      IndexName: q.index,
      KeyConditionExpression: q.skPrefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : q.range ? '#pk = :pk AND #sk <= :to' : '#pk = :pk',
      ExpressionAttributeNames: { '#pk': q.pkName, ...(q.skPrefix || q.range ? { '#sk': q.skName } : {}), ...q.filter?.names },
      ExpressionAttributeValues: { ':pk': q.partitions[p], ...(q.skPrefix ? { ':prefix': q.skPrefix } : {}), ...(q.range ? { ':to': q.range.to } : {}), ...q.filter?.values },
      ...(q.filter ? { FilterExpression: q.filter.expression } : {}),
      Limit: q.limit - items.length,
      ExclusiveStartKey: k,
    };
    const page = await guardUnavailable(() => documentClient().send(new QueryCommand(input)));
    items.push(...(page.Items ?? []).map((i) => strip<T>(i)));
    if (page.LastEvaluatedKey) k = page.LastEvaluatedKey;
    else {
      p += 1;
      k = undefined;
    }
  }
  return p < segments.length ? { items, nextCursor: encodeCursor({ p, k }) } : { items };
}
