/**
 * What field staff keep on their phone: the outbox of visits and evaluations (see
 * offline-queue.ts) and copies of what they last loaded (their work list, the loans they
 * will evaluate), so the forms still make sense in a village without signal.
 *
 * Storage is IndexedDB: writes are transactional and committed with `durability: 'strict'`
 * before a request is made (an entry is never "in the air" only), the quota is far larger
 * than localStorage's ~5 MB (staff may be away from signal for days), and it is reachable
 * from a service worker later (Background Sync) where localStorage is not. When a browser
 * refuses IndexedDB (some private modes) it falls back to localStorage, then to memory.
 *
 * Sending runs for the whole app, not only while a field page is open: on 'online', when the
 * tab becomes visible again, every 30 seconds while something waits, and when a page loads.
 * What is kept on the device is only what the forms need: never a resident ID number.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { ApiError, request } from './client.ts';
import { MemoryStore, OfflineQueue, type QueueEntry, type QueueStore } from './offline-queue.ts';

const DB_NAME = 'happiness-field';
const DB_VERSION = 1;
const RETRY_EVERY_MS = 30_000;
const SEND_TIMEOUT_MS = 30_000;

// ---------- storage ----------

interface CacheRecord<T = unknown> {
  key: string;
  value: T;
  at: string;
}

interface DeviceStores {
  queue: QueueStore;
  cacheGet(key: string): Promise<CacheRecord | undefined>;
  cachePut(record: CacheRecord): Promise<void>;
  kind: 'indexeddb' | 'localstorage' | 'memory';
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('queue')) db.createObjectStore('queue', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('cache')) db.createObjectStore('cache', { keyPath: 'key' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
    req.onblocked = () => reject(new Error('IndexedDB blocked'));
  });
}

/** One request in one transaction; resolves when the transaction has committed. */
function run<T>(db: IDBDatabase, store: 'queue' | 'cache', mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, mode, { durability: mode === 'readwrite' ? 'strict' : 'default' });
    const req = op(tx.objectStore(store));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error ?? req.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

function indexedDbStores(db: IDBDatabase): DeviceStores {
  return {
    kind: 'indexeddb',
    queue: {
      all: () => run(db, 'queue', 'readonly', (s) => s.getAll() as IDBRequest<QueueEntry[]>),
      get: (id) => run(db, 'queue', 'readonly', (s) => s.get(id) as IDBRequest<QueueEntry | undefined>),
      put: async (entry) => void (await run(db, 'queue', 'readwrite', (s) => s.put(entry))),
      remove: async (id) => void (await run(db, 'queue', 'readwrite', (s) => s.delete(id))),
    },
    cacheGet: (key) => run(db, 'cache', 'readonly', (s) => s.get(key) as IDBRequest<CacheRecord | undefined>),
    cachePut: async (record) => void (await run(db, 'cache', 'readwrite', (s) => s.put(record))),
  };
}

function localStorageStores(): DeviceStores {
  const Q = 'f-queue:';
  const C = 'f-cache:';
  const read = <T>(k: string): T | undefined => {
    const v = localStorage.getItem(k);
    return v === null ? undefined : (JSON.parse(v) as T);
  };
  return {
    kind: 'localstorage',
    queue: {
      all: async () =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith(Q))
          .map((k) => read<QueueEntry>(k)!)
          .filter(Boolean),
      get: async (id) => read<QueueEntry>(Q + id),
      put: async (entry) => localStorage.setItem(Q + entry.id, JSON.stringify(entry)),
      remove: async (id) => localStorage.removeItem(Q + id),
    },
    cacheGet: async (key) => read<CacheRecord>(C + key),
    cachePut: async (record) => {
      try {
        localStorage.setItem(C + record.key, JSON.stringify(record));
      } catch {
        // a full cache is not worth failing for
      }
    },
  };
}

function memoryStores(): DeviceStores {
  const cache = new Map<string, CacheRecord>();
  return { kind: 'memory', queue: new MemoryStore(), cacheGet: async (k) => cache.get(k), cachePut: async (r) => void cache.set(r.key, r) };
}

let stores: Promise<DeviceStores> | undefined;

function deviceStores(): Promise<DeviceStores> {
  stores ??= openDb()
    .then(indexedDbStores)
    .catch(() => {
      try {
        localStorage.setItem('f-probe', '1');
        localStorage.removeItem('f-probe');
        return localStorageStores();
      } catch {
        return memoryStores();
      }
    });
  return stores;
}

// ---------- cache of what was last loaded ----------

export async function cacheGet<T>(key: string): Promise<{ value: T; at: string } | undefined> {
  try {
    const r = await (await deviceStores()).cacheGet(key);
    return r ? { value: r.value as T, at: r.at } : undefined;
  } catch {
    return undefined;
  }
}

export async function cachePut(key: string, value: unknown): Promise<void> {
  try {
    await (await deviceStores()).cachePut({ key, value, at: new Date().toISOString() });
  } catch {
    // the cache is a convenience; the outbox is what must not fail
  }
}

// ---------- the queue, for the whole app ----------

const lazyQueueStore: QueueStore = {
  all: async () => (await deviceStores()).queue.all(),
  get: async (id) => (await deviceStores()).queue.get(id),
  put: async (e) => (await deviceStores()).queue.put(e),
  remove: async (id) => (await deviceStores()).queue.remove(id),
};

const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('field-queue') : undefined;

/** Sends one entry through the public API, with its own key; a slow answer counts as none. */
function sendEntry(entry: QueueEntry): Promise<unknown> {
  // the server records who sent it: only ever with its maker's own sign-in
  if (currentUser() !== entry.owner) return Promise.reject(new Error('signed in as someone else'));
  return request('POST', entry.path, { body: entry.body, idempotencyKey: entry.idempotencyKey, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) }).catch((e: unknown) => {
    if (e instanceof ApiError) throw e;
    throw new ApiError(0, 'network', 'network_unreachable');
  });
}

export const queue = new OfflineQueue(lazyQueueStore, sendEntry, { onWrite: () => channel?.postMessage('changed') });

/** The signed-in user (the session auth.tsx keeps for the tab); entries are sent only as their maker. */
function currentUser(): string | undefined {
  try {
    const saved = sessionStorage.getItem('session');
    return saved ? (JSON.parse(saved) as { username?: string }).username : undefined;
  } catch {
    return undefined;
  }
}

/** Sends what waits, now, if anyone is signed in. */
export function sendNow(): Promise<void> {
  const who = currentUser();
  return who ? queue.flush(who) : Promise.resolve();
}

let started = false;

/** Wires the triggers once: online, visible again, a timer, other tabs' changes. */
export function startAutoSend(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  void queue.load();
  window.addEventListener('online', () => void sendNow());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && navigator.onLine) void sendNow();
  });
  setInterval(() => {
    const who = currentUser();
    if (who && navigator.onLine && queue.pendingCount(who) > 0) void queue.flush(who);
  }, RETRY_EVERY_MS);
  if (channel) channel.onmessage = () => void queue.load();
}

let persistAsked = false;

/** Asks the browser not to evict the outbox when the phone runs low on space (field staff only). */
function askPersistence() {
  if (persistAsked) return;
  persistAsked = true;
  void navigator.storage?.persist?.().catch(() => undefined);
}

// started by the app for field staff (app.tsx), and by any field page that loads this module
startAutoSend();

let shellAsked = false;

/**
 * Keeps the app on the phone (the service worker, public/sw.js), so after one visit the app
 * starts without a network. Asked by the field pages once their lists have loaded, so its
 * one-time download of the app's files never competes with the first screen on a slow link.
 * Service workers need a secure context: https, or localhost on a developer's machine.
 */
export function keepAppShell(): void {
  if (shellAsked || typeof navigator === 'undefined' || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  shellAsked = true;
  navigator.serviceWorker.register('/sw.js').catch(() => {
    shellAsked = false;
  });
}

// ---------- hooks ----------

let version = 0;
queue.subscribe(() => {
  version++;
});
const subscribe = (fn: () => void) => queue.subscribe(fn);
const snapshot = () => version;

/** The outbox of `owner`, live; sends what waits when the page opens. */
export function useQueue(owner: string): { entries: QueueEntry[]; pending: number; sending: (id: string) => boolean } {
  useSyncExternalStore(subscribe, snapshot);
  useEffect(() => {
    askPersistence();
    void queue.load().then(() => (navigator.onLine ? queue.flush(owner) : undefined));
  }, [owner]);
  const entries = queue.list(owner);
  return { entries, pending: entries.filter((e) => e.status === 'pending').length, sending: (id) => queue.isSending(id) };
}

/** navigator.onLine, kept current by the browser's online/offline events. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(navigator.onLine);
    window.addEventListener('online', on);
    window.addEventListener('offline', on);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', on);
    };
  }, []);
  return online;
}
