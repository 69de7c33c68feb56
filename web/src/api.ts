/** The public API, and nothing else: JSON in and out, errors from the API's error body. */
import { appConfig } from './config.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

let token: string | undefined;
let onUnauthorized: (() => void) | undefined;

export function setToken(value: string | undefined, unauthorized?: () => void) {
  token = value;
  onUnauthorized = unauthorized;
}

export function newIdempotencyKey(): string {
  return `web-${crypto.randomUUID()}`;
}

export interface RequestOptions {
  query?: Record<string, string | undefined>;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** The API answers messages and CSV headers in the UI's language (the browser's own Accept-Language may differ). */
const apiLanguage = () => (localStorage.getItem('lang') === 'en' ? 'en' : 'zh-CN');

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const { apiUrl } = await appConfig();
  const query = Object.entries(opts.query ?? {}).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '');
  const url = `${apiUrl}${path}${query.length ? `?${new URLSearchParams(query)}` : ''}`;
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': apiLanguage() };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: opts.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'network_unreachable');
  }
  if (res.status === 401) onUnauthorized?.();
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) {
    if (!res.ok) throw new ApiError(res.status, 'http', `HTTP ${res.status}`);
    return (await res.text()) as T;
  }
  const json = (await res.json()) as T & { error?: { code: string; message: string; field?: string } };
  if (!res.ok) throw new ApiError(res.status, json.error?.code ?? 'http', json.error?.message ?? `HTTP ${res.status}`, json.error?.field);
  return json;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body ?? {}, opts),
  /** a file download (CSV) with the caller's token */
  async download(path: string, query: Record<string, string>, filename: string) {
    const { apiUrl } = await appConfig();
    const res = await fetch(`${apiUrl}${path}?${new URLSearchParams(query)}`, { headers: { 'accept-language': apiLanguage(), ...(token ? { authorization: `Bearer ${token}` } : {}) } });
    if (!res.ok) throw new ApiError(res.status, 'http', `HTTP ${res.status}`);
    const blob = await res.blob();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = filename;
    a.click();
    URL.revokeObjectURL(a.href);
  },
};
