/**
 * Idempotency-Key answers: a request retried with the same key gets the first answer again, and
 * nothing moves twice. Each answer is kept for IDEMPOTENCY_TTL_SECONDS in one of two places:
 *
 * - **On the record the request changes** (its anchor): when the path names an application, a
 *   loan or a confirmation list (`POST /loans/{id}/repayments`) and the step replaces that record
 *   (version-checked) and writes a history event in its partition, the record keeps a small map
 *   `idem` — per request a short hash of its scope → the request's hash, the event's sort key and
 *   the expiry — and the event keeps the answer, raw-deflated, in `answer`. No item of its own:
 *   the record's version check is what makes a concurrent duplicate lose (it then finds the
 *   winner's entry), and the map is carried over by every later replace of the record.
 * - **In an item of its own** `IDEMPOTENCY#{scope}` / `IDEMPOTENCY` (TTL `expiresAt`): every
 *   other request with a key (a new application, a new confirmation list, a remittance batch…).
 *
 * A replay check reads both places in one BatchGetItem (answers kept before this design, or by a
 * step that wrote no event, are in the item of their own).
 */
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { ConcurrentChange, ValidationFailed } from '../domain/errors.ts';
import { documentClient, recordsTable } from './client.ts';
import { guardUnavailable } from './errors.ts';
import { keys } from './keys.ts';

type Key = { pk: string; sk: string };

/** Results of requests with an Idempotency-Key are kept this long (a retry after it moves money again). */
export const IDEMPOTENCY_TTL_SECONDS = 90 * 24 * 3600;

/** One request's entry in a record's `idem` map. */
export interface IdempotencyEntry {
  /** the request body's hash (first 32 hex digits): the same key with another body is refused */
  r: string;
  /** the sort key of the history event that keeps the answer, without its `EVENT#` */
  e: string;
  /** expiry, seconds since 1970 (as `expiresAt`) */
  x: number;
}
export type IdempotencyEntries = Record<string, IdempotencyEntry>;

export interface IdempotencyRecord {
  /** who, which route and which key: the same key from another caller or route is another request */
  scope: string;
  /** hash of the request body: the same key with another body is refused */
  requestHash: string;
  /** the record the request's path names, which may keep the answer (see above) */
  anchor?: Key;
  /** the anchor's version and `idem` map as the last replay check read them */
  seen?: { version: unknown; entries: IdempotencyEntries };
  /** set when the answer given is the stored answer of an earlier request with this key */
  replayed?: boolean;
}

/** The records whose path can anchor an answer: `{method} /applications/{id}/…` and the like. */
const ANCHORS: [RegExp, (id: string) => Key][] = [
  [/^[A-Z]+ \/applications\/\{id\}\//, keys.application],
  [/^[A-Z]+ \/loans\/\{id\}\//, keys.loan],
  [/^[A-Z]+ \/confirmation-lists\/\{id\}\//, (id) => ({ pk: `CONFLIST#${id}`, sk: 'CONFLIST' })],
];

/** The sort keys of the records that can keep an `idem` map. */
export const ANCHOR_SORT_KEYS: ReadonlySet<string> = new Set(['APP', 'LOAN', 'CONFLIST']);

export function idempotencyRecord(scope: string, requestHash: string, routeKey: string, params: Record<string, string>): IdempotencyRecord {
  const anchor = ANCHORS.find(([route]) => route.test(routeKey));
  return { scope, requestHash, ...(anchor && params.id ? { anchor: anchor[1](params.id) } : {}) };
}

/** The key of a request's entry in its anchor's map. */
export const entryKey = (idempotency: IdempotencyRecord): string => createHash('sha256').update(idempotency.scope).digest('hex').slice(0, 24);
const bodyHash = (idempotency: IdempotencyRecord): string => idempotency.requestHash.slice(0, 32);

/**
 * Where a record read from the table carries its `idem` map: a symbol-keyed property, so that
 * it never shows in an answer (JSON leaves it out) but rides along when a use case spreads the
 * record into the next version (`{ ...loan, balanceFen }`), and the replace writes it back.
 */
export const IDEM_MAP: unique symbol = Symbol('idem');

/** Entries still within their time, and the new one. */
export function entriesWith(entries: IdempotencyEntries, add?: [string, IdempotencyEntry]): IdempotencyEntries {
  const now = Math.floor(Date.now() / 1000);
  const kept = Object.fromEntries(Object.entries(entries).filter(([, e]) => e.x > now));
  return add ? { ...kept, [add[0]]: add[1] } : kept;
}

export const newEntry = (idempotency: IdempotencyRecord, eventSk: string): IdempotencyEntry => ({
  r: bodyHash(idempotency),
  e: eventSk.slice('EVENT#'.length),
  x: Math.floor(Date.now() / 1000) + IDEMPOTENCY_TTL_SECONDS,
});

/** A record's `version` and `idem` map as stored now (consistent read). */
export async function readEntries(key: Key): Promise<{ version: unknown; entries: IdempotencyEntries } | undefined> {
  const { Item } = await guardUnavailable(() =>
    documentClient().send(new GetCommand({ TableName: recordsTable(), Key: key, ConsistentRead: true, ProjectionExpression: '#v, #i', ExpressionAttributeNames: { '#v': 'version', '#i': 'idem' } })),
  );
  return Item ? { version: Item.version, entries: (Item.idem as IdempotencyEntries | undefined) ?? {} } : undefined;
}

/**
 * The stored result of an earlier request with this key, or undefined when there is none.
 * A key already used with another body is refused (422 `idempotency_key_reused`).
 */
export async function replayOf<T>(idempotency: IdempotencyRecord): Promise<T | undefined> {
  const own = keys.idempotency(idempotency.scope);
  let item: Record<string, unknown> | undefined;
  if (!idempotency.anchor) {
    item = (await guardUnavailable(() => documentClient().send(new GetCommand({ TableName: recordsTable(), Key: own, ConsistentRead: true })))).Item;
  } else {
    const anchor = idempotency.anchor;
    const names = { '#pk': 'pk', '#sk': 'sk', '#h': 'requestHash', '#a': 'answer', '#r': 'result', '#v': 'version', '#i': 'idem' };
    const answer = await guardUnavailable(() =>
      documentClient().send(
        new BatchGetCommand({
          RequestItems: { [recordsTable()]: { Keys: [own, anchor], ConsistentRead: true, ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names } },
        }),
      ),
    );
    // two small keys never come back unprocessed but under throttling; read them one by one then
    const found = answer.UnprocessedKeys?.[recordsTable()]?.Keys?.length ? await oneByOne([own, anchor]) : (answer.Responses?.[recordsTable()] ?? []);
    item = found.find((i) => i.pk === own.pk);
    const record = found.find((i) => i.pk === anchor.pk && i.sk === anchor.sk);
    const entries = (record?.idem as IdempotencyEntries | undefined) ?? {};
    idempotency.seen = { version: record?.version, entries };
    const entry = entries[entryKey(idempotency)];
    if (!item && entry && entry.x > Date.now() / 1000) {
      if (entry.r !== bodyHash(idempotency)) throw keyReused();
      return answerOfEvent<T>({ pk: anchor.pk, sk: `EVENT#${entry.e}` });
    }
  }
  if (!item) return undefined;
  if (item.requestHash !== idempotency.requestHash) throw keyReused();
  // records written before the answers were compressed keep it whole in `result` (they expire within 90 days)
  return (item.answer instanceof Uint8Array ? unpackAnswer(item.answer) : item.result) as T;
}

async function oneByOne(list: Key[]): Promise<Record<string, unknown>[]> {
  const items = await Promise.all(list.map((Key) => guardUnavailable(() => documentClient().send(new GetCommand({ TableName: recordsTable(), Key, ConsistentRead: true })))));
  return items.flatMap((i) => (i.Item ? [i.Item] : []));
}

/** The answer kept on a history event; undefined when the event has none (removed by the retention job). */
async function answerOfEvent<T>(key: Key): Promise<T | undefined> {
  const { Item } = await guardUnavailable(() =>
    documentClient().send(new GetCommand({ TableName: recordsTable(), Key: key, ConsistentRead: true, ProjectionExpression: '#a', ExpressionAttributeNames: { '#a': 'answer' } })),
  );
  if (!(Item?.answer instanceof Uint8Array)) throw new ConcurrentChange('this request');
  return unpackAnswer(Item.answer) as T;
}

const keyReused = () => new ValidationFailed('was already used for a different request; use a new key for a new request', 'Idempotency-Key', { rule: 'idempotency_key_reused' });

/** An answer as kept: its JSON, raw-deflated (Chinese and Tibetan text and repeated keys compress to about a quarter). */
export const packAnswer = (answer: unknown): Uint8Array => deflateRawSync(JSON.stringify(answer));
const unpackAnswer = (packed: Uint8Array): unknown => JSON.parse(inflateRawSync(packed).toString('utf8'));
