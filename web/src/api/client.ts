/**
 * The API client, typed from the route table (`shared/routes.ts`): `call('POST /loans/{id}/repayments',
 * { params: { id }, body, idempotencyKey })` checks the path parameters, the body against the
 * route's zod schema type, and answers the route's response type. Only types are imported
 * from `shared/`: nothing of the server is bundled.
 *
 * Every request carries the UI language (Accept-Language), so the API's `error.message` is in
 * it; `code`, `field` and `params` stay for the page (focusing the bad field).
 */
import type * as z from 'zod/mini';
import type { ResponseOf, RouteKey, ROUTES } from '../../../shared/routes.ts';
import { appConfig } from '../config.ts';
import { begin } from './activity.ts';
import { takeEarly } from './early.ts';

type Spec<K extends RouteKey> = (typeof ROUTES)[K];

/** What the page sends: the schema's input (before defaults and coercion). */
export type BodyIn<K extends RouteKey> = Spec<K> extends { body: infer S extends z.ZodMiniType } ? z.input<S> : undefined;
export type QueryIn<K extends RouteKey> = Spec<K> extends { query: infer S extends z.ZodMiniType } ? Partial<Record<keyof z.input<S>, string | number | undefined>> : undefined;

type PathOf<K extends string> = K extends `${string} ${infer P}` ? P : never;
type ParamNames<P extends string> = P extends `${string}{${infer N}}${infer R}` ? N | ParamNames<R> : never;
export type ParamsOf<K extends RouteKey> = [ParamNames<PathOf<K>>] extends [never] ? undefined : Record<ParamNames<PathOf<K>>, string>;

/** The answer: the route's response schema's type. */
export type DataOf<K extends RouteKey> = ResponseOf<K>;

export type CallOptions<K extends RouteKey> = (ParamsOf<K> extends undefined ? { params?: undefined } : { params: ParamsOf<K> }) &
  (BodyIn<K> extends undefined ? { body?: undefined } : { body: BodyIn<K> }) &
  (Spec<K> extends { idempotencyKey: 'required' } ? { idempotencyKey: string } : { idempotencyKey?: string }) & {
    query?: QueryIn<K>;
    signal?: AbortSignal;
  };

/** A refusal or failure, as the API's error body names it; status 0 and code `network` when no answer came. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly params?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** No answer from the API (as opposed to an answer that refuses). */
export function isNetworkError(e: unknown): boolean {
  return !(e instanceof ApiError) || e.code === 'network' || e.status === 0;
}

let token: string | undefined;
/** renews the token after a 401 (its new value), or signs out (undefined) */
let onUnauthorized: (() => Promise<string | undefined>) | undefined;
let language = 'zh-CN';

export function setToken(value: string | undefined, unauthorized?: () => Promise<string | undefined>): void {
  token = value;
  if (unauthorized) onUnauthorized = unauthorized;
}

/** The UI language the API should answer in (BCP 47 tag). */
export function setApiLanguage(tag: string): void {
  language = tag;
}

export function newIdempotencyKey(): string {
  return `web-${crypto.randomUUID()}`;
}

/** The API's base URL from /config.json ('' locally, where the dev server serves both). */
const baseUrl = async (): Promise<string> => (await appConfig()).apiUrl;

/** `/loans/{id}` with `{ id: '01…' }` → `/loans/01…`. */
export function fillPath(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === '') throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

function queryString(query: Record<string, unknown> | undefined): string {
  const entries = Object.entries(query ?? {}).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : '';
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  return { accept: 'application/json', 'accept-language': language, ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra };
}

/** A request by path (for entries kept in the field outbox, whose path was built when they were made). */
export async function request(
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  opts: { body?: unknown; query?: Record<string, unknown>; idempotencyKey?: string; signal?: AbortSignal } = {},
  retried = false,
): Promise<unknown> {
  const ended = begin();
  try {
    return await send(method, path, opts, retried);
  } finally {
    ended();
  }
}

async function send(
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  opts: { body?: unknown; query?: Record<string, unknown>; idempotencyKey?: string; signal?: AbortSignal },
  retried: boolean,
): Promise<unknown> {
  const url = `${await baseUrl()}${path}${queryString(opts.query)}`;
  const body = method !== 'GET' ? JSON.stringify(opts.body ?? {}) : undefined;
  let res: Response;
  try {
    // the entry may have asked already (api/early.ts): its answer, else this request's own
    const early = method === 'GET' && !retried ? takeEarly(url, token, language) : undefined;
    res = await (early ??
      fetch(url, {
        method,
        headers: headers({ ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(opts.idempotencyKey ? { 'idempotency-key': opts.idempotencyKey } : {}) }),
        body,
        signal: opts.signal,
      }));
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'network_unreachable');
  }
  if (res.status === 401 && !retried && onUnauthorized) {
    // the token ran out (a sleeping phone): renew it once and send the same request again
    const renewed = await onUnauthorized();
    if (renewed) {
      token = renewed;
      return request(method, path, opts, true);
    }
  }
  if (!res.ok) throw await failureOf(res);
  return (res.headers.get('content-type') ?? '').includes('application/json') ? res.json() : res.text();
}

/** The API's refusal in an answer that is not ok: its code, message (in the UI language), field and params. */
async function failureOf(res: Response): Promise<ApiError> {
  if (!(res.headers.get('content-type') ?? '').includes('application/json')) return new ApiError(res.status, 'http', `HTTP ${res.status}`);
  const json = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string; field?: string; params?: Record<string, unknown> } };
  return new ApiError(res.status, json.error?.code ?? 'http', json.error?.message ?? `HTTP ${res.status}`, json.error?.field, json.error?.params);
}

/** Calls one route of the route table. */
export async function call<K extends RouteKey>(key: K, opts: CallOptions<K>): Promise<DataOf<K>> {
  const [method, path] = key.split(' ') as ['GET' | 'POST' | 'PATCH', string];
  const o = opts as { params?: Record<string, string>; body?: unknown; query?: Record<string, unknown>; idempotencyKey?: string; signal?: AbortSignal };
  return (await request(method, fillPath(path, o.params), o)) as DataOf<K>;
}

/** A file (the CSV of a report) downloaded with the caller's token. */
export async function download<K extends RouteKey>(key: K, query: QueryIn<K>, filename: string): Promise<void> {
  const [, path] = key.split(' ') as [string, string];
  const res = await fetch(`${await baseUrl()}${path}${queryString(query as Record<string, unknown>)}`, { headers: headers() });
  if (!res.ok) throw await failureOf(res);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await res.blob());
  a.download = filename;
  a.click();
  URL.revokeObjectURL(a.href);
}
