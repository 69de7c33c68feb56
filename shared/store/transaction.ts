/**
 * All-or-nothing writes. Each item carries the domain error to raise when its condition
 * fails, so a cancelled transaction reports the rule that stopped it, never a raw SDK error.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { CapacityExceeded, ConcurrentChange, type DomainError } from '../domain/errors.ts';
import { keys } from './keys.ts';
import { documentClient, recordsTable } from './client.ts';
import { guardUnavailable } from './errors.ts';
import {
  ANCHOR_SORT_KEYS,
  entriesWith,
  entryKey,
  IDEM_MAP,
  IDEMPOTENCY_TTL_SECONDS,
  type IdempotencyEntries,
  type IdempotencyRecord,
  newEntry,
  packAnswer,
  readEntries,
  replayOf,
  sealAnswer,
} from './idempotency.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Values = Record<string, unknown>;

export interface Condition {
  expression: string;
  names?: Record<string, string>;
  values?: Values;
  /** raised when the condition fails; a ConcurrentChange when left out */
  onFail?: () => DomainError;
}

export class Transaction {
  private readonly items: TransactItem[] = [];
  private readonly failures: ((() => DomainError) | undefined)[] = [];

  constructor(private readonly table = recordsTable()) {}

  get size(): number {
    return this.items.length;
  }

  /** Creates a record; fails when one with the same key exists. */
  create(item: Values & { pk: string; sk: string }, onExists?: () => DomainError): this {
    this.items.push({ Put: { TableName: this.table, Item: item, ConditionExpression: CREATE_CONDITION } });
    this.failures.push(onExists);
    return this;
  }

  /** Replaces a record whose stored version is `expectedVersion` (optimistic locking). */
  replace(item: Values & { pk: string; sk: string; version: number }, expectedVersion: number, onFail?: () => DomainError): this {
    this.items.push({
      Put: {
        TableName: this.table,
        Item: item,
        ConditionExpression: REPLACE_CONDITION,
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expectedVersion': expectedVersion },
      },
    });
    this.failures.push(onFail);
    return this;
  }

  update(key: { pk: string; sk: string }, update: { expression: string; names?: Record<string, string>; values?: Values }, condition?: Condition): this {
    const names = { ...update.names, ...condition?.names };
    const values = { ...update.values, ...condition?.values };
    this.items.push({
      Update: {
        TableName: this.table,
        Key: key,
        UpdateExpression: update.expression,
        ...(condition ? { ConditionExpression: condition.expression } : {}),
        ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
        ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
      },
    });
    this.failures.push(condition?.onFail);
    return this;
  }

  /** Asserts a condition on a record the transaction does not change. */
  check(key: { pk: string; sk: string }, condition: Condition): this {
    this.items.push({
      ConditionCheck: {
        TableName: this.table,
        Key: key,
        ConditionExpression: condition.expression,
        ...(condition.names ? { ExpressionAttributeNames: condition.names } : {}),
        ...(condition.values ? { ExpressionAttributeValues: condition.values } : {}),
      },
    });
    this.failures.push(condition.onFail);
    return this;
  }

  /**
   * Writes every item or none. With `idempotency`, the answer is kept in the same transaction
   * (./idempotency.ts): on the history event the step writes in the partition of the record the
   * path names, when the step replaces that record, or else in an item of its own under the
   * request's key. If a concurrent request with the same key got there first, its answer is
   * returned instead, and nothing moves twice.
   *
   * Every replace of a record that can keep an `idem` map writes the map back, without its
   * expired entries: the map the record was read with (`IDEM_MAP`), or the one the replay check
   * read at the same version. A record read without one is written on the condition that it has
   * none still; if it has (it was read from a copy without the map), the map is read and the
   * transaction sent once more.
   */
  async commit<T>(result: T, idempotency?: IdempotencyRecord): Promise<T> {
    const anchored = idempotency && result !== undefined ? this.anchorOf(idempotency) : undefined;
    const replaced = [...this.replacedRecords()];
    let guardIndex = anchored?.index ?? -1;
    if (idempotency && !anchored) {
      guardIndex = this.items.length;
      this.create({
        ...keys.idempotency(idempotency.scope),
        requestHash: idempotency.requestHash,
        ...(result === undefined ? {} : { answer: packAnswer(result) }),
        createdAt: new Date().toISOString(),
        expiresAt: Math.floor(Date.now() / 1000) + IDEMPOTENCY_TTL_SECONDS,
      });
    }
    const read = new Map<number, IdempotencyEntries>();
    for (let attempt = 1; ; attempt++) {
      const guessed: number[] = [];
      for (const [index, put] of replaced) {
        const expected = put.ExpressionAttributeValues?.[':expectedVersion'];
        const kept = index === anchored?.index ? idempotency?.seen : undefined;
        const seen = kept && kept.version === expected ? kept.entries : undefined;
        let entries = read.get(index) ?? ((put.Item as Record<PropertyKey, unknown>)[IDEM_MAP] as IdempotencyEntries | undefined) ?? seen;
        const guess = entries === undefined;
        if (guess) guessed.push(index);
        if (index === anchored?.index && idempotency) {
          const key = entryKey(idempotency);
          if (entries?.[key] && entries[key].x > Date.now() / 1000) return this.replayed(idempotency, this.failures[index]);
          const entry = newEntry(idempotency, anchored.event.sk as string);
          entries = entriesWith(entries ?? {}, [key, entry]);
          anchored.event.answer = sealAnswer(result, entry);
        } else entries = entriesWith(entries ?? {});
        if (Object.keys(entries).length) put.Item.idem = entries;
        else delete put.Item.idem;
        put.ConditionExpression = guess ? `${REPLACE_CONDITION} AND attribute_not_exists(#idem)` : REPLACE_CONDITION;
        put.ExpressionAttributeNames = guess ? { '#version': 'version', '#idem': 'idem' } : { '#version': 'version' };
      }
      try {
        await guardUnavailable(() => documentClient().send(new TransactWriteCommand({ TransactItems: this.items })));
        return result;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        const wrong = guessed.filter((i) => reasons[i]?.Code === 'ConditionalCheckFailed');
        if (attempt === 1 && wrong.length && (await this.readMaps(wrong, read))) continue;
        // the key's own item exists, or the anchor changed (perhaps by a concurrent request with the same key)
        if (idempotency && reasons[guardIndex]?.Code === 'ConditionalCheckFailed') return this.replayed(idempotency, anchored ? this.failures[guardIndex] : undefined);
        const index = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
        // ThrottlingError or ProvisionedThroughputExceeded: over the capacity of the table or an index
        if (index < 0 && reasons.some((r) => /^(Throttling|ProvisionedThroughput)/.test(r.Code ?? ''))) throw new CapacityExceeded();
        throw (index >= 0 ? this.failures[index]?.() : undefined) ?? new ConcurrentChange();
      }
    }
  }

  /** The `idem` maps of the records at `indexes`, when each is still at the version the transaction expects (false: one changed). */
  private async readMaps(indexes: number[], into: Map<number, IdempotencyEntries>): Promise<boolean> {
    for (const index of indexes) {
      const put = this.items[index]!.Put!;
      const now = await readEntries({ pk: put.Item!.pk as string, sk: put.Item!.sk as string });
      if (!now || now.version !== put.ExpressionAttributeValues?.[':expectedVersion']) return false;
      into.set(index, now.entries);
    }
    return true;
  }

  /** The answer a request with the same key stored, or the refusal `otherwise` (a concurrent change). */
  private async replayed<T>(idempotency: IdempotencyRecord, otherwise?: () => DomainError): Promise<T> {
    const stored = await replayOf<T>(idempotency);
    if (stored === undefined) throw otherwise?.() ?? new ConcurrentChange('this request');
    idempotency.replayed = true;
    return stored;
  }

  /** The version-checked puts of records that can keep an `idem` map (applications and loans). */
  private *replacedRecords(): Generator<[number, ReplacePut]> {
    for (const [index, item] of this.items.entries()) {
      const put = item.Put;
      if (put?.ConditionExpression === REPLACE_CONDITION && ANCHOR_SORT_KEYS.has(put.Item?.sk as string)) yield [index, put as ReplacePut];
    }
  }

  /** The replace of the request's anchor and the history event created in its partition, when this transaction has both. */
  private anchorOf(idempotency: IdempotencyRecord): { index: number; event: Values } | undefined {
    const anchor = idempotency.anchor;
    if (!anchor) return undefined;
    const index = this.items.findIndex((i) => i.Put?.ConditionExpression === REPLACE_CONDITION && i.Put.Item?.pk === anchor.pk && i.Put.Item?.sk === anchor.sk);
    const event = this.items.find((i) => i.Put?.ConditionExpression === CREATE_CONDITION && i.Put.Item?.pk === anchor.pk && String(i.Put.Item?.sk).startsWith('EVENT#'))?.Put?.Item;
    return index >= 0 && event ? { index, event } : undefined;
  }
}

type ReplacePut = { Item: Values; ConditionExpression: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Values };
const CREATE_CONDITION = 'attribute_not_exists(pk)';
const REPLACE_CONDITION = '#version = :expectedVersion';

/**
 * Optimistic concurrency: when another request changed the same record between our read and
 * our write, read again and redo the use case (it re-checks every rule against the new
 * state), a few times with jittered back-off, before answering 409.
 */
export async function retryOnConcurrentChange<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof ConcurrentChange) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 25 * attempt));
    }
  }
}
