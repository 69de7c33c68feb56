/** Where a request's replay answer is kept (shared/store/idempotency.ts): which record, and for how long. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { entriesWith, entryKey, IDEMPOTENCY_TTL_SECONDS, idempotencyRecord, newEntry, openAnswer, sealAnswer } from '../../shared/store/idempotency.ts';

const ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

describe('the record that keeps a request’s answer', () => {
  it('is the application or loan the path names', () => {
    expect(idempotencyRecord('s', 'h', 'POST /applications/{id}/visits', { id: ID }).anchor).toEqual({ pk: `APP#${ID}`, sk: 'APP' });
    expect(idempotencyRecord('s', 'h', 'POST /loans/{id}/repayments', { id: ID }).anchor).toEqual({ pk: `LOAN#${ID}`, sk: 'LOAN' });
  });

  it('is none for a request that creates its record, changes none, or decides a confirmation list (whose answer names every mother on it)', () => {
    expect(idempotencyRecord('s', 'h', 'POST /applications', {}).anchor).toBeUndefined();
    expect(idempotencyRecord('s', 'h', 'POST /confirmation-lists', {}).anchor).toBeUndefined();
    expect(idempotencyRecord('s', 'h', 'POST /confirmation-lists/{id}/decision', { id: ID }).anchor).toBeUndefined();
    expect(idempotencyRecord('s', 'h', 'POST /applications/{id}/personal-data-copy', { id: ID }).anchor).toBeUndefined();
    expect(idempotencyRecord('s', 'h', 'POST /applications/{id}/resident-id', { id: ID }).anchor).toBeUndefined();
    expect(idempotencyRecord('s', 'h', 'POST /loans/{id}/consents', { id: ID }).anchor).toBeUndefined();
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
    expect(entries.old).toEqual({ r: 'a'.repeat(20), e: '2026-01-01T00:00:00.000Z#X', x: Date.parse('2026-01-01T00:00:00Z') / 1000 + IDEMPOTENCY_TTL_SECONDS, k: expect.any(String) });
    vi.setSystemTime(new Date(Date.parse('2026-01-01T00:00:00Z') + (IDEMPOTENCY_TTL_SECONDS - 1) * 1000));
    expect(Object.keys(entriesWith(entries, ['new', newEntry(request, 'EVENT#b')]))).toEqual(['old', 'new']);
    vi.setSystemTime(new Date(Date.parse('2026-01-01T00:00:00Z') + IDEMPOTENCY_TTL_SECONDS * 1000));
    expect(Object.keys(entriesWith(entries))).toEqual([]);
  });
});

describe('an answer kept on a history event', () => {
  it('opens with its entry’s key only: once the entry is gone, the answer cannot be read', () => {
    const request = idempotencyRecord('s', 'a'.repeat(64), 'POST /loans/{id}/repayments', { id: ID });
    const entry = newEntry(request, 'EVENT#x');
    const sealed = sealAnswer({ mother: { name: '次仁卓玛' } }, entry);
    expect(Buffer.from(sealed).toString('utf8')).not.toContain('次仁卓玛');
    expect(openAnswer(sealed, entry)).toEqual({ mother: { name: '次仁卓玛' } });
    expect(() => openAnswer(sealed, newEntry(request, 'EVENT#x'))).toThrow();
  });
});
