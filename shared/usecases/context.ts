/** What every use case is given: who is calling, what time it is, and the request's idempotency record. */
import { ulid } from 'ulid';
import { todayInChina } from '../domain/dates.ts';
import type { Actor, HistoryEvent } from '../domain/entities.ts';
import type { Caller } from '../domain/roles.ts';
import type { IdempotencyRecord } from '../store/transaction.ts';
import { keys } from '../store/keys.ts';

export interface Context {
  caller: Caller;
  now: Date;
  /** today's date where the programme runs (China) */
  today: string;
  idempotency?: IdempotencyRecord;
}

export function contextFor(caller: Caller, now = new Date(), idempotency?: IdempotencyRecord): Context {
  return { caller, now, today: todayInChina(now), idempotency };
}

export function actorOf(caller: Caller): Actor {
  return { userId: caller.userId, username: caller.username, ...(caller.displayName ? { displayName: caller.displayName } : {}), role: caller.role, officeId: caller.officeId };
}

export const newId = (): string => ulid();

/** A history item for the record stored under `ownerPk`: who, when, what. */
export function historyItem(ctx: Context, ownerPk: string, action: string, summary: string, data?: Record<string, unknown>) {
  const at = ctx.now.toISOString();
  const event: HistoryEvent = { at, actor: actorOf(ctx.caller), action, summary, ...(data ? { data } : {}) };
  return { ...keys.event(ownerPk, at, newId()), type: 'EVENT', ...event };
}
