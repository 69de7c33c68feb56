/** What every use case is given: who is calling, what time it is, and the request's idempotency record. */
import { ulid } from 'ulid';
import { todayInChina } from '../domain/dates.ts';
import type { Actor, HistoryEvent } from '../domain/entities.ts';
import type { Caller } from '../domain/roles.ts';
import type { Lang } from '../i18n/lang.ts';
import type { IdempotencyRecord } from '../store/idempotency.ts';
import { keys } from '../store/keys.ts';

export interface Context {
  caller: Caller;
  /** the language of the answer (Accept-Language), for texts the answer carries such as history entries */
  lang?: Lang;
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

/** Random bytes for new ids, drawn from the system's CSPRNG 4 KiB at a time (as Node's own randomUUID does). */
const randomPool = new Uint8Array(4096);
let randomUsed = randomPool.length;

/**
 * The `ulid` package's random source, fed from the pool: its default asks the CSPRNG for one
 * byte per character (16 calls per id, a fifth of a bulk import's CPU time). A byte over 256
 * is a fraction in [0, 1) that picks one of the 32 characters evenly (256 is a multiple of 32).
 */
const pooledRandom = (): number => {
  if (randomUsed === randomPool.length) {
    crypto.getRandomValues(randomPool);
    randomUsed = 0;
  }
  return randomPool[randomUsed++]! / 256;
};

/** A new ULID: 10 characters of the time in milliseconds, 16 random ones (Crockford base 32). */
export const newId = (): string => ulid(undefined, pooledRandom);

/**
 * A history item for the record stored under `ownerPk`: who, when, what. `action` names the
 * entry in the history catalogue and `params` its figures (amounts in fen, dates YYYY-MM-DD,
 * no record ids needed to read it); `summary` is the English wording, kept as the fallback.
 */
export function historyItem(ctx: Context, ownerPk: string, action: string, summary: string, params?: Record<string, unknown>) {
  const at = ctx.now.toISOString();
  const event: HistoryEvent = { at, actor: actorOf(ctx.caller), action, summary, ...(params ? { params } : {}) };
  return { ...keys.event(ownerPk, at, newId()), type: 'EVENT', ...event };
}
