/**
 * The field staff's outbox: visits and evaluations entered on a phone are kept on the device
 * first and sent when the network allows, each exactly once.
 *
 * The rules, in order:
 * 1. An entry is written to the device's store (with its own Idempotency-Key, made once when
 *    the entry is created) BEFORE any request is made for it. Nothing is ever sent that a
 *    reload or a dead battery could lose.
 * 2. Sending uses the entry's stored body and key, byte for byte the same every time, so when
 *    an earlier attempt did reach the server (and only the answer was lost) the server
 *    replays its first answer and records nothing twice.
 * 3. The answer decides the state: 2xx → sent; no answer (network down, timeout), 401 (sign
 *    in again), 408/425/429 and 5xx → still pending, tried again later; any other 4xx → failed,
 *    with the API's message. A 4xx means nothing was recorded under that key, so an edited
 *    failed entry is given a NEW key (the server refuses a reused key with another body);
 *    a pending entry is never editable: an earlier attempt may already have arrived.
 * 4. One send at a time per tab, oldest first; a network failure stops the round (the next
 *    ones would fail the same way). Other tabs are safe: they send with the same keys.
 *
 * This file has no browser dependencies (the store and the sender are passed in), so it is
 * unit-tested in Node (test/unit/offline-queue.test.ts); `device.ts` wires it to IndexedDB,
 * the API and the browser's online/offline events.
 */

export type EntryStatus = 'pending' | 'sent' | 'failed';
export type EntryKind = 'evaluation' | 'visit' | 'training';

export interface EntryError {
  status: number;
  code: string;
  message: string;
  field?: string;
}

export interface QueueEntry {
  /** local id on this device */
  id: string;
  kind: EntryKind;
  /** username that made the entry: only they send it (the server records who did it) */
  owner: string;
  /** API path of the POST, e.g. /loans/{id}/evaluations */
  path: string;
  body: Record<string, unknown>;
  idempotencyKey: string;
  /** the loan or application, and what to call it in lists */
  subjectId: string;
  label: string;
  status: EntryStatus;
  createdAt: string;
  updatedAt: string;
  attempts: number;
  lastAttemptAt?: string;
  sentAt?: string;
  /** id of the record the server created */
  resultId?: string;
  error?: EntryError;
}

export interface NewEntry {
  kind: EntryKind;
  owner: string;
  path: string;
  body: Record<string, unknown>;
  idempotencyKey: string;
  subjectId: string;
  label: string;
}

/** Where entries live on the device (IndexedDB in the browser, memory in tests). */
export interface QueueStore {
  all(): Promise<QueueEntry[]>;
  get(id: string): Promise<QueueEntry | undefined>;
  put(entry: QueueEntry): Promise<void>;
  remove(id: string): Promise<void>;
}

/** Sends one entry: resolves with the API's answer on 2xx, rejects otherwise. */
export type Sender = (entry: QueueEntry) => Promise<unknown>;

export type Outcome = { state: 'sent' } | { state: 'retry'; reason: string } | { state: 'failed'; error: EntryError };

const RETRY_STATUSES = new Set([0, 401, 408, 425, 429]);

/** What an error from the sender means for the entry (see rule 3). */
export function classify(error: unknown): Outcome {
  const e = error as { status?: unknown; code?: unknown; message?: unknown; field?: unknown; name?: unknown } | undefined;
  if (!e || typeof e.status !== 'number') return { state: 'retry', reason: String(e?.name ?? e?.message ?? 'network') };
  if (e.code === 'network' || RETRY_STATUSES.has(e.status) || e.status >= 500) return { state: 'retry', reason: String(e.code ?? e.status) };
  if (e.status >= 400)
    return {
      state: 'failed',
      error: { status: e.status, code: String(e.code ?? 'http'), message: String(e.message ?? `HTTP ${e.status}`), ...(typeof e.field === 'string' ? { field: e.field } : {}) },
    };
  return { state: 'retry', reason: `HTTP ${e.status}` };
}

/** Sent entries are kept this long on the device, so staff see that they arrived. */
export const KEEP_SENT_DAYS = 30;

export interface QueueOptions {
  now?: () => Date;
  newId?: () => string;
  /** called after this queue wrote to the store (to tell other tabs) */
  onWrite?: () => void;
}

export class OfflineQueue {
  private entries = new Map<string, QueueEntry>();
  private readonly inFlight = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private running: Promise<void> | undefined;
  private again = new Set<string>();
  private loaded: Promise<void> | undefined;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly onWrite: () => void;

  constructor(
    private readonly store: QueueStore,
    private readonly send: Sender,
    opts: QueueOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date());
    // ids sort in the order entries were made, even within one millisecond
    let seq = 0;
    this.newId = opts.newId ?? (() => `e-${this.now().getTime().toString(36).padStart(9, '0')}-${(seq++).toString(36).padStart(4, '0')}-${Math.random().toString(36).slice(2, 8)}`);
    this.onWrite = opts.onWrite ?? (() => undefined);
  }

  /** Reads the entries from the store (again: another tab may have changed them); drops old sent ones. */
  load(): Promise<void> {
    const run = (async () => {
      const all = await this.store.all();
      const cutoff = this.now().getTime() - KEEP_SENT_DAYS * 86_400_000;
      const keep = new Map<string, QueueEntry>();
      for (const e of all) {
        if (e.status === 'sent' && Date.parse(e.sentAt ?? e.updatedAt) < cutoff) await this.store.remove(e.id);
        else keep.set(e.id, e);
      }
      this.entries = keep;
      this.emit();
    })();
    this.loaded = run;
    return run;
  }

  private ready(): Promise<void> {
    return this.loaded ?? this.load();
  }

  /** Entries, oldest first; only `owner`'s when given. */
  list(owner?: string): QueueEntry[] {
    return [...this.entries.values()].filter((e) => owner === undefined || e.owner === owner).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  get(id: string): QueueEntry | undefined {
    return this.entries.get(id);
  }

  pendingCount(owner?: string): number {
    return this.list(owner).filter((e) => e.status === 'pending').length;
  }

  isSending(id: string): boolean {
    return this.inFlight.has(id);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit() {
    for (const l of this.listeners) l();
  }

  private async save(entry: QueueEntry) {
    await this.store.put(entry);
    this.entries.set(entry.id, entry);
    this.emit();
    this.onWrite();
  }

  /** Stores a new entry as pending (rule 1); send it with `flush`. */
  async add(input: NewEntry): Promise<QueueEntry> {
    await this.ready();
    const at = this.now().toISOString();
    const entry: QueueEntry = { ...structuredClone(input), id: this.newId(), status: 'pending', createdAt: at, updatedAt: at, attempts: 0 };
    await this.save(entry);
    return entry;
  }

  /** A failed entry, corrected: new body and a new key (rule 3), pending again. */
  async replace(id: string, body: Record<string, unknown>, idempotencyKey: string): Promise<QueueEntry> {
    await this.ready();
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`no entry ${id}`);
    if (entry.status !== 'failed') throw new Error(`only a failed entry may be changed (this one is ${entry.status})`);
    const next: QueueEntry = { ...entry, body: structuredClone(body), idempotencyKey, status: 'pending', error: undefined, updatedAt: this.now().toISOString() };
    await this.save(next);
    return next;
  }

  /** A failed entry tried again as it is, with the same key. */
  async retry(id: string): Promise<void> {
    await this.ready();
    const entry = this.entries.get(id);
    if (entry?.status !== 'failed') return;
    await this.save({ ...entry, status: 'pending', error: undefined, updatedAt: this.now().toISOString() });
  }

  /** Removes an entry from the device (never while it is being sent). */
  async discard(id: string): Promise<boolean> {
    await this.ready();
    if (this.inFlight.has(id)) return false;
    await this.store.remove(id);
    this.entries.delete(id);
    this.emit();
    this.onWrite();
    return true;
  }

  /**
   * Sends `owner`'s pending entries, oldest first, one at a time, until one finds no network.
   * Concurrent calls share the running round (and ask for another one after it).
   */
  flush(owner: string): Promise<void> {
    if (this.running) {
      this.again.add(owner);
      return this.running;
    }
    this.running = (async () => {
      try {
        await this.ready();
        let who: string | undefined = owner;
        while (who !== undefined) {
          this.again.delete(who);
          await this.round(who);
          who = this.again.values().next().value;
        }
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private async round(owner: string) {
    for (const e of this.list(owner)) {
      if (e.status !== 'pending') continue;
      const outcome = await this.sendOne(e.id);
      if (outcome?.state === 'retry') return;
    }
  }

  /** One attempt for one pending entry. */
  private async sendOne(id: string): Promise<Outcome | undefined> {
    // another tab may have sent or discarded it since we read it
    const stored = await this.store.get(id);
    if (!stored) {
      if (this.entries.delete(id)) this.emit();
      return undefined;
    }
    if (stored.status !== 'pending') {
      this.entries.set(id, stored);
      this.emit();
      return undefined;
    }
    this.inFlight.add(id);
    this.emit();
    let outcome: Outcome;
    let result: unknown;
    try {
      result = await this.send(stored);
      outcome = { state: 'sent' };
    } catch (error) {
      outcome = classify(error);
    } finally {
      this.inFlight.delete(id);
    }
    const at = this.now().toISOString();
    const tried = { ...stored, attempts: stored.attempts + 1, lastAttemptAt: at, updatedAt: at };
    if (!(await this.store.get(id))) {
      // discarded meanwhile (in another tab): nothing to record
      this.entries.delete(id);
      this.emit();
      return outcome;
    }
    if (outcome.state === 'sent') {
      const resultId = typeof (result as { id?: unknown } | undefined)?.id === 'string' ? (result as { id: string }).id : undefined;
      await this.save({ ...tried, status: 'sent', sentAt: at, error: undefined, ...(resultId ? { resultId } : {}) });
    } else if (outcome.state === 'failed') {
      await this.save({ ...tried, status: 'failed', error: outcome.error });
    } else {
      await this.save(tried);
    }
    return outcome;
  }
}

/** A store in memory: tests, and browsers that allow neither IndexedDB nor localStorage. */
export class MemoryStore implements QueueStore {
  readonly data = new Map<string, QueueEntry>();
  async all() {
    return [...this.data.values()].map((e) => structuredClone(e));
  }
  async get(id: string) {
    const e = this.data.get(id);
    return e && structuredClone(e);
  }
  async put(entry: QueueEntry) {
    this.data.set(entry.id, structuredClone(entry));
  }
  async remove(id: string) {
    this.data.delete(id);
  }
}
