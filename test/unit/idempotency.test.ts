/** Where a request's replay answer is kept (shared/store/idempotency.ts): which record, and for how long. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { entriesWith, entryKey, IDEMPOTENCY_TTL_SECONDS, idempotencyRecord, newEntry } from '../../shared/store/idempotency.ts';

const ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

describe('the record that keeps a request’s answer', () => {
  it('is the application, loan or confirmation list the path names', () => {
    expect(idempotencyRecord('s', 'h', 'POST /applications/{id}/visits', { id: ID }).anchor).toEqual({ pk: `APP#${ID}`, sk: 'APP' });
    expect(idempotencyRecord('s', 'h', 'POST /loans/{id}/repayments', { id: ID }).anchor).toEqual({ pk: `LOAN#${ID}`, sk: 'LOAN' });
    expect(idempotencyRecord('s', 'h', 'POST /confirmation-lists/{id}/decision', { id: ID }).anchor).toEqual({ pk: `CONFLIST#${ID}`, sk: 'CONFLIST' });
  });

  it('is none for a request that creates its record or names another kind (an item of its own then)', () => {
    expect(idempotencyRecord('s', 'h', 'POST /applications', {}).anchor).toBeUndefined();
    expect(idempotencyRecord('s', 'h', 'POST /confirmation-lists', {}).anchor).toBeUndefined();
    expect(idempotencyRecord('s', 'h', 'POST /rounds/{id}/close', { id: ID }).anchor).toBeUndefined();
  });

  it('keys each request by caller, route, path and key: another caller’s same key is another entry', () => {
    const a = idempotencyRecord(`u1|POST /loans/{id}/repayments|{"id":"${ID}"}|k`, 'h', 'POST /loans/{id}/repayments', { id: ID });
    const b = idempotencyRecord(`u2|POST /loans/{id}/repayments|{"id":"${ID}"}|k`, 'h', 'POST /loans/{id}/repayments', { id: ID });
    expect(entryKey(a)).not.toBe(entryKey(b));
  });
});

describe('the entries a record keeps', () => {
  afterEach(() => vi.useRealTimers());

  it('are dropped at the next write once their time is over, and only then', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const request = idempotencyRecord('s', 'a'.repeat(64), 'POST /loans/{id}/repayments', { id: ID });
    const entries = entriesWith({}, ['old', newEntry(request, 'EVENT#2026-01-01T00:00:00.000Z#X')]);
    expect(entries.old).toEqual({ r: 'a'.repeat(32), e: '2026-01-01T00:00:00.000Z#X', x: Date.parse('2026-01-01T00:00:00Z') / 1000 + IDEMPOTENCY_TTL_SECONDS });
    vi.setSystemTime(new Date(Date.parse('2026-01-01T00:00:00Z') + (IDEMPOTENCY_TTL_SECONDS - 1) * 1000));
    expect(Object.keys(entriesWith(entries, ['new', newEntry(request, 'EVENT#b')]))).toEqual(['old', 'new']);
    vi.setSystemTime(new Date(Date.parse('2026-01-01T00:00:00Z') + IDEMPOTENCY_TTL_SECONDS * 1000));
    expect(Object.keys(entriesWith(entries))).toEqual([]);
  });
});
