/** A test client of the local API (the same event path as API Gateway), acting as a demo user. */
import { randomUUID } from 'node:crypto';
import { LocalApi } from '../../dev/local-api.ts';
import { DEMO_USERS, TokenIssuer } from '../../dev/tokens.ts';

export const tokens = new TokenIssuer('test-secret-of-at-least-32-characters!!');
export const api = new LocalApi(tokens);

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Record<string, string>;
}

export type UserName = 'committee' | 'district' | 'district-b' | 'township' | 'township-b' | 'field';

export async function tokenFor(username: UserName): Promise<string> {
  const user = DEMO_USERS.find((u) => u.username === username)!;
  return tokens.sign(user);
}

export interface CallOptions {
  idempotencyKey?: string | false;
  token?: string | null;
  rawBody?: string;
  query?: Record<string, string>;
  /** Accept-Language of the request; the tests read English unless they ask otherwise ('' sends none: the API answers zh-CN) */
  lang?: string;
}

export async function call<T = any>(as: UserName | null, method: string, path: string, body?: unknown, opts: CallOptions = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const lang = opts.lang ?? 'en';
  if (lang) headers['accept-language'] = lang;
  const token = opts.token !== undefined ? opts.token : as ? await tokenFor(as) : null;
  if (token) headers.authorization = `Bearer ${token}`;
  const key = opts.idempotencyKey === undefined ? (method === 'POST' ? `test-${randomUUID()}` : undefined) : opts.idempotencyKey || undefined;
  if (key) headers['idempotency-key'] = key;
  const [p, qs] = path.split('?') as [string, string | undefined];
  const query = { ...Object.fromEntries(new URLSearchParams(qs ?? '')), ...opts.query };
  const res = await api.handle({ method, path: p, headers, query, body: opts.rawBody ?? (body === undefined ? undefined : JSON.stringify(body)) });
  const isJson = (res.headers['content-type'] ?? '').startsWith('application/json');
  return { status: res.status, headers: res.headers, body: res.body ? (isJson ? JSON.parse(res.body) : res.body) : undefined };
}

export const as = (user: UserName) => ({
  get: <T = any>(path: string, opts?: CallOptions) => call<T>(user, 'GET', path, undefined, opts),
  post: <T = any>(path: string, body?: unknown, opts?: CallOptions) => call<T>(user, 'POST', path, body, opts),
});
