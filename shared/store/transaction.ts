/**
 * All-or-nothing writes. Each item carries the domain error to raise when its condition
 * fails, so a cancelled transaction reports the rule that stopped it, never a raw SDK error.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { CapacityExceeded, ConcurrentChange, ValidationFailed, type DomainError } from '../domain/errors.ts';
import { keys } from './keys.ts';
import { documentClient, recordsTable } from './client.ts';
import { guardUnavailable } from './errors.ts';

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
    this.items.push({ Put: { TableName: this.table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } });
    this.failures.push(onExists);
    return this;
  }

  /** Replaces a record whose stored version is `expectedVersion` (optimistic locking). */
  replace(item: Values & { pk: string; sk: string; version: number }, expectedVersion: number, onFail?: () => DomainError): this {
    this.items.push({
      Put: {
        TableName: this.table,
        Item: item,
        ConditionExpression: '#version = :expectedVersion',
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
   * Writes every item or none. With `idempotency`, a record of the result is written in
   * the same transaction under the request's key; if that record already exists (a retry
   * that raced the first attempt) the stored result is returned instead, and nothing moves twice.
   * The record keeps the answer compressed (`answer`, raw deflate of its JSON: an application
   * of ~4 KB keeps ~1 KB) and expires after IDEMPOTENCY_TTL_SECONDS (TTL `expiresAt`).
   */
  async commit<T>(result: T, idempotency?: IdempotencyRecord): Promise<T> {
    let idempotencyIndex = -1;
    if (idempotency) {
      idempotencyIndex = this.items.length;
      this.create({
        ...keys.idempotency(idempotency.scope),
        requestHash: idempotency.requestHash,
        ...(result === undefined ? {} : { answer: packAnswer(result) }),
        createdAt: new Date().toISOString(),
        expiresAt: Math.floor(Date.now() / 1000) + IDEMPOTENCY_TTL_SECONDS,
      });
    }
    try {
      await guardUnavailable(() => documentClient().send(new TransactWriteCommand({ TransactItems: this.items })));
      return result;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (idempotency && reasons[idempotencyIndex]?.Code === 'ConditionalCheckFailed') {
        const stored = await replayOf<T>(idempotency);
        if (stored === undefined) throw new ConcurrentChange('this request');
        idempotency.replayed = true;
        return stored;
      }
      const index = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      // ThrottlingError or ProvisionedThroughputExceeded: over the capacity of the table or an index
      if (index < 0 && reasons.some((r) => /^(Throttling|ProvisionedThroughput)/.test(r.Code ?? ''))) throw new CapacityExceeded();
      throw (index >= 0 ? this.failures[index]?.() : undefined) ?? new ConcurrentChange();
    }
  }
}

/** Results of requests with an Idempotency-Key are kept this long (a retry after it moves money again). */
export const IDEMPOTENCY_TTL_SECONDS = 90 * 24 * 3600;

export interface IdempotencyRecord {
  /** who, which route and which key: the same key from another caller or route is another request */
  scope: string;
  /** hash of the request body: the same key with another body is refused */
  requestHash: string;
  /** set when the answer given is the stored answer of an earlier request with this key */
  replayed?: boolean;
}

/** The stored result of an earlier request with this key, or undefined when there is none. */
export async function replayOf<T>(idempotency: IdempotencyRecord): Promise<T | undefined> {
  const { Item } = await guardUnavailable(() => documentClient().send(new GetCommand({ TableName: recordsTable(), Key: keys.idempotency(idempotency.scope), ConsistentRead: true })));
  if (!Item) return undefined;
  if (Item.requestHash !== idempotency.requestHash)
    throw new ValidationFailed('was already used for a different request; use a new key for a new request', 'Idempotency-Key', { rule: 'idempotency_key_reused' });
  // records written before the answers were compressed keep it whole in `result` (they expire within 90 days)
  return (Item.answer instanceof Uint8Array ? unpackAnswer(Item.answer) : Item.result) as T;
}

/** An answer as kept in an idempotency record: its JSON, raw-deflated (Chinese and Tibetan text and repeated keys compress to about a quarter). */
export const packAnswer = (answer: unknown): Uint8Array => deflateRawSync(JSON.stringify(answer));
const unpackAnswer = (packed: Uint8Array): unknown => JSON.parse(inflateRawSync(packed).toString('utf8'));

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
