/**
 * Idempotency-Key answers: a request retried with the same key gets the first answer again, and
 * nothing moves twice. Each answer is kept for IDEMPOTENCY_TTL_SECONDS in one of two places:
 *
 * - **On the record the request changes** (its anchor): when the path names an application or a
 *   loan (`POST /loans/{id}/repayments`) and the step replaces that record (version-checked) and
 *   writes a history event in its partition, the record keeps a small map `idem` — per request a
 *   short hash of its scope → the request's hash, the event's sort key, the expiry and a key — and
 *   the event keeps the answer, deflated and encrypted with that key (AES-128-GCM) in `answer`.
 *   No item of its own: the record's version check is what makes a concurrent duplicate lose (it
 *   then finds the winner's entry), and the map is carried over by every later replace of the
 *   record. An entry dropped (expired, at the record's next write; her data corrected; the
 *   retention job) takes its key with it: the answer left on the event can no longer be read.
 * - **In an item of its own** `IDEMPOTENCY#{scope}` / `IDEMPOTENCY` (TTL `expiresAt`): every
 *   other request with a key (a new application, a confirmation list — whose answers name every
 *   mother on it —, a remittance batch, a request that changes no record of its path…).
 *
 * A replay check reads both places in one BatchGetItem (answers kept before this design, or by a
 * step that wrote no event, are in the item of their own).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { ConcurrentChange, ServiceUnavailable, ValidationFailed } from '../domain/errors.ts';
import { documentClient, recordsTable } from './client.ts';
import { guardUnavailable } from './errors.ts';
import { keys } from './keys.ts';

type Key = { pk: string; sk: string };

/** Results of requests with an Idempotency-Key are kept this long (a retry after it moves money again). */
export const IDEMPOTENCY_TTL_SECONDS = 90 * 24 * 3600;

/** One request's entry in a record's `idem` map. */
export interface IdempotencyEntry {
  /** the request body’s hash (first 20 hex digits): the same key with another body is refused */
  r: string;
  /** the sort key of the history event that keeps the answer, without its `EVENT#` */
  e: string;
  /** expiry, seconds since 1970 (as `expiresAt`) */
  x: number;
  /** the key the event's answer is encrypted with (AES-128, base64url) */
  k: string;
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
];
/** Steps on such a path that do not replace the record (a copy printed, a reveal, a consent): their answer keeps its own item, and the replay check reads only that. */
const NOT_REPLACING = /\/(personal-data-copy|resident-id|consents)$/;

/** The sort keys of the records that can keep an `idem` map. */
export const ANCHOR_SORT_KEYS: ReadonlySet<string> = new Set(['APP', 'LOAN']);

export function idempotencyRecord(scope: string, requestHash: string, routeKey: string, params: Record<string, string>): IdempotencyRecord {
  const anchor = NOT_REPLACING.test(routeKey) ? undefined : ANCHORS.find(([route]) => route.test(routeKey));
  return { scope, requestHash, ...(anchor && params.id ? { anchor: anchor[1](params.id) } : {}) };
}

/** The key of a request's entry in its anchor's map. */
export const entryKey = (idempotency: IdempotencyRecord): string => createHash('sha256').update(idempotency.scope).digest('hex').slice(0, 20);
const bodyHash = (idempotency: IdempotencyRecord): string => idempotency.requestHash.slice(0, 20);

/**
 * Where a record read from the table carries its `idem` map: a symbol-keyed property, so that
 * it never shows in an answer (JSON leaves it out) but rides along when a use case spreads the
 * record into the next version (`{ ...loan, balanceFen }`), and the replace writes it back.
 */
export const IDEM_MAP: unique symbol = Symbol('idem');

/**
 * The record with none of its kept answers: its next replace writes no entry of before, so the
 * answers left on its events can no longer be read (a correction of her data: they held the old).
 */
export const withoutKeptAnswers = <T extends object>(record: T): T => Object.assign({ ...record }, { [IDEM_MAP]: {} });

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
  k: randomBytes(16).toString('base64url'),
});

/** An answer as the event keeps it: deflated, then encrypted with the entry's key (12 bytes IV, ciphertext, 16 bytes tag). */
export function sealAnswer(answer: unknown, entry: IdempotencyEntry): Uint8Array {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-128-gcm', Buffer.from(entry.k, 'base64url'), iv);
  return Buffer.concat([iv, cipher.update(packAnswer(answer)), cipher.final(), cipher.getAuthTag()]);
}

export function openAnswer(sealed: Uint8Array, entry: IdempotencyEntry): unknown {
  const bytes = Buffer.from(sealed);
  const decipher = createDecipheriv('aes-128-gcm', Buffer.from(entry.k, 'base64url'), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return unpackAnswer(Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]));
}

/** One item as stored (consistent read, whole: a projection costs the same). */
const itemAt = async (Key: Key): Promise<Record<string, unknown> | undefined> =>
  (await guardUnavailable(() => documentClient().send(new GetCommand({ TableName: recordsTable(), Key, ConsistentRead: true })))).Item;

/** A record's `version` and `idem` map as stored now. */
export async function readEntries(Key: Key): Promise<{ version: unknown; entries: IdempotencyEntries } | undefined> {
  const Item = await itemAt(Key);
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
    item = await itemAt(own);
  } else {
    const anchor = idempotency.anchor;
    // both whole: a read costs the same with a projection; the two keys come back unprocessed only when throttled
    const answer = await guardUnavailable(() => documentClient().send(new BatchGetCommand({ RequestItems: { [recordsTable()]: { Keys: [own, anchor], ConsistentRead: true } } })));
    if (answer.UnprocessedKeys?.[recordsTable()]?.Keys?.length) throw new ServiceUnavailable('the database is busy; please retry');
    const found = answer.Responses?.[recordsTable()] ?? [];
    item = found.find((i) => i.pk === own.pk);
    const record = found.find((i) => i.pk === anchor.pk && i.sk === anchor.sk);
    const entries = (record?.idem as IdempotencyEntries | undefined) ?? {};
    idempotency.seen = { version: record?.version, entries };
    const entry = entries[entryKey(idempotency)];
    if (!item && entry && entry.x > Date.now() / 1000) {
      if (entry.r !== bodyHash(idempotency)) throw keyReused();
      return answerOfEvent<T>({ pk: anchor.pk, sk: `EVENT#${entry.e}` }, entry);
    }
  }
  if (!item) return undefined;
  if (item.requestHash !== idempotency.requestHash) throw keyReused();
  // records written before the answers were compressed keep it whole in `result` (they expire within 90 days)
  return (item.answer instanceof Uint8Array ? unpackAnswer(item.answer) : item.result) as T;
}

/** The answer kept on a history event, opened with its entry's key. */
async function answerOfEvent<T>(Key: Key, entry: IdempotencyEntry): Promise<T> {
  const Item = await itemAt(Key);
  if (!(Item?.answer instanceof Uint8Array)) throw new ConcurrentChange('this request');
  return openAnswer(Item.answer, entry) as T;
}

const keyReused = () => new ValidationFailed('was already used for a different request; use a new key for a new request', 'Idempotency-Key', { rule: 'idempotency_key_reused' });

/** An answer as kept in an item of its own: its JSON, raw-deflated (Chinese and Tibetan text and repeated keys compress to about a quarter). */
export const packAnswer = (answer: unknown): Uint8Array => deflateRawSync(JSON.stringify(answer));
const unpackAnswer = (packed: Uint8Array): unknown => JSON.parse(inflateRawSync(packed).toString('utf8'));
