/**
 * The field outbox's rules without a browser: stored before sent, the same key and body on
 * every attempt, the API's answer decides pending / sent / failed, and a lost answer never
 * records anything twice.
 */
import { describe, expect, it } from 'vitest';
import { classify, MemoryStore, OfflineQueue, type NewEntry, type QueueEntry } from '../../web/src/api/offline-queue.ts';

class FakeApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
const network = () => new FakeApiError(0, 'network', 'network_unreachable');

/** A server that keeps the first answer per Idempotency-Key, as the API does. */
class FakeServer {
  readonly records: { key: string; body: string }[] = [];
  readonly answers = new Map<string, { id: string }>();
  readonly calls: { key: string; body: string }[] = [];
  /** what happens to the next calls, in order: 'ok', 'down' (never arrives), 'lost' (arrives, answer lost), or an error */
  plan: ('ok' | 'down' | 'lost' | FakeApiError)[] = [];

  send = async (e: QueueEntry) => {
    const body = JSON.stringify(e.body);
    this.calls.push({ key: e.idempotencyKey, body });
    const step = this.plan.shift() ?? 'ok';
    if (step === 'down') throw network();
    if (step instanceof FakeApiError) throw step;
    let answer = this.answers.get(e.idempotencyKey);
    if (!answer) {
      answer = { id: `R${this.records.length + 1}` };
      this.records.push({ key: e.idempotencyKey, body });
      this.answers.set(e.idempotencyKey, answer);
    }
    if (step === 'lost') throw network();
    return answer;
  };
}

let n = 0;
const entry = (overrides: Partial<NewEntry> = {}): NewEntry => ({
  kind: 'evaluation',
  owner: 'field',
  path: '/loans/L1/evaluations',
  body: { kind: 'midterm', evaluatedOn: '2026-05-01', fundUse: '买牦牛', incomeToDateFen: 300_000, methods: ['talk', 'look'] },
  idempotencyKey: `web-key-${++n}`,
  subjectId: 'L1',
  label: '次仁卓玛',
  ...overrides,
});

function setup(clock = { now: new Date('2026-05-01T08:00:00Z') }) {
  const store = new MemoryStore();
  const server = new FakeServer();
  const queue = new OfflineQueue(store, server.send, { now: () => clock.now });
  return { store, server, queue, clock };
}

describe('offline queue', () => {
  it('stores the entry, pending with its key, before anything is sent', async () => {
    const { store, server, queue } = setup();
    const e = await queue.add(entry({ idempotencyKey: 'web-abc-123' }));
    expect(server.calls).toHaveLength(0);
    expect(await store.get(e.id)).toMatchObject({ status: 'pending', idempotencyKey: 'web-abc-123', attempts: 0 });
    expect(queue.pendingCount('field')).toBe(1);
  });

  it('stays pending while the network is down and sends later with the same key and the same bytes', async () => {
    const { server, queue } = setup();
    const e = await queue.add(entry());
    server.plan = ['down', 'down'];
    await queue.flush('field');
    await queue.flush('field');
    expect(queue.get(e.id)).toMatchObject({ status: 'pending', attempts: 2 });
    await queue.flush('field');
    expect(queue.get(e.id)).toMatchObject({ status: 'sent', attempts: 3, resultId: 'R1' });
    expect(new Set(server.calls.map((c) => c.key))).toEqual(new Set([e.idempotencyKey]));
    expect(new Set(server.calls.map((c) => c.body)).size).toBe(1);
    expect(server.records).toHaveLength(1);
  });

  it('records once when an earlier attempt arrived but its answer was lost', async () => {
    const { server, queue } = setup();
    const e = await queue.add(entry());
    server.plan = ['lost', 'lost', 'ok'];
    await queue.flush('field');
    expect(queue.get(e.id)?.status).toBe('pending');
    await queue.flush('field');
    await queue.flush('field');
    expect(queue.get(e.id)?.status).toBe('sent');
    expect(server.calls).toHaveLength(3);
    expect(server.records).toHaveLength(1);
  });

  it('survives a reload: a new queue over the same store sends what was pending, with its key', async () => {
    const { store, server, queue } = setup();
    server.plan = ['down'];
    const e = await queue.add(entry());
    await queue.flush('field');
    const reloaded = new OfflineQueue(store, server.send);
    await reloaded.load();
    expect(reloaded.list('field').map((x) => [x.id, x.status])).toEqual([[e.id, 'pending']]);
    await reloaded.flush('field');
    expect(reloaded.get(e.id)?.status).toBe('sent');
    expect(server.calls.map((c) => c.key)).toEqual([e.idempotencyKey, e.idempotencyKey]);
  });

  it('a 4xx from the API fails the entry with its message; it can be sent again or corrected with a new key', async () => {
    const { server, queue } = setup();
    const e = await queue.add(entry());
    server.plan = [new FakeApiError(422, 'validation_failed', 'must be a real calendar date', 'evaluatedOn')];
    await queue.flush('field');
    expect(queue.get(e.id)).toMatchObject({ status: 'failed', error: { status: 422, code: 'validation_failed', message: 'must be a real calendar date', field: 'evaluatedOn' } });
    await queue.flush('field');
    expect(server.calls).toHaveLength(1); // failed entries are not retried on their own

    await queue.retry(e.id);
    server.plan = [new FakeApiError(409, 'evaluation_recorded', 'already recorded')];
    await queue.flush('field');
    expect(server.calls.map((c) => c.key)).toEqual([e.idempotencyKey, e.idempotencyKey]);
    expect(queue.get(e.id)?.status).toBe('failed');

    await queue.replace(e.id, { ...e.body, evaluatedOn: '2026-04-30' }, 'web-new-key');
    expect(queue.get(e.id)).toMatchObject({ status: 'pending', idempotencyKey: 'web-new-key' });
    await queue.flush('field');
    expect(queue.get(e.id)?.status).toBe('sent');
    expect(server.records.map((r) => r.key)).toEqual(['web-new-key']);
  });

  it('only a failed entry may be corrected (a pending one may already have arrived)', async () => {
    const { queue } = setup();
    const e = await queue.add(entry());
    await expect(queue.replace(e.id, {}, 'web-other-key')).rejects.toThrow(/only a failed entry/);
  });

  it('keeps waiting on no answer, 401, 408, 429 and 5xx; fails on other 4xx', () => {
    for (const error of [
      network(),
      new TypeError('Failed to fetch'),
      new FakeApiError(401, 'unauthorized', 'x'),
      new FakeApiError(408, 'http', 'x'),
      new FakeApiError(429, 'http', 'x'),
      new FakeApiError(503, 'service_unavailable', 'x'),
      new FakeApiError(500, 'internal', 'x'),
    ])
      expect(classify(error).state).toBe('retry');
    for (const status of [400, 403, 404, 409, 413, 422]) expect(classify(new FakeApiError(status, 'c', 'm')).state).toBe('failed');
  });

  it('sends oldest first, stops at the first missing network, and only the owner’s entries', async () => {
    const { server, queue } = setup();
    const a = await queue.add(entry({ label: 'a' }));
    const b = await queue.add(entry({ label: 'b' }));
    const other = await queue.add(entry({ owner: 'district', label: 'other' }));
    server.plan = ['down'];
    await queue.flush('field');
    expect(server.calls).toHaveLength(1);
    expect(queue.get(b.id)?.attempts).toBe(0);
    await queue.flush('field');
    expect(server.calls.map((c) => c.key)).toEqual([a.idempotencyKey, a.idempotencyKey, b.idempotencyKey]);
    expect(queue.get(other.id)?.status).toBe('pending');
    expect(queue.pendingCount('field')).toBe(0);
    expect(queue.pendingCount('district')).toBe(1);
  });

  it('never sends one entry twice at once, however often flush is called', async () => {
    const store = new MemoryStore();
    let inFlight = 0;
    let maxInFlight = 0;
    let calls = 0;
    const queue = new OfflineQueue(store, async () => {
      calls++;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return { id: 'R' };
    });
    await queue.add(entry());
    await Promise.all([queue.flush('field'), queue.flush('field'), queue.flush('field')]);
    expect(calls).toBe(1);
    expect(maxInFlight).toBe(1);
  });

  it('does not send what another tab already sent or discarded', async () => {
    const { store, server, queue } = setup();
    const a = await queue.add(entry());
    const b = await queue.add(entry());
    await store.put({ ...(await store.get(a.id))!, status: 'sent', sentAt: '2026-05-01T08:00:01Z' });
    await store.remove(b.id);
    await queue.flush('field');
    expect(server.calls).toHaveLength(0);
    expect(queue.get(a.id)?.status).toBe('sent');
    expect(queue.get(b.id)).toBeUndefined();
  });

  it('discards entries on request, and sent ones after 30 days', async () => {
    const { store, server, queue, clock } = setup();
    const a = await queue.add(entry());
    const b = await queue.add(entry());
    server.plan = [new FakeApiError(404, 'not_found', 'no loan')];
    await queue.flush('field');
    expect(queue.get(a.id)?.status).toBe('failed');
    await queue.flush('field');
    expect(queue.get(b.id)?.status).toBe('sent');
    expect(await queue.discard(a.id)).toBe(true);
    expect(await store.get(a.id)).toBeUndefined();
    clock.now = new Date('2026-06-15T08:00:00Z');
    await queue.load();
    expect(queue.list()).toHaveLength(0);
  });
});
