/** A test client of the local API (the same event path as API Gateway), acting as a demo user. */
import { createHash, randomUUID } from 'node:crypto';
import { LocalApi } from '../../dev/local-api.ts';
import { chineseName, DEMO_USERS, TokenIssuer, type DemoUser, type SignOptions } from '../../dev/tokens.ts';
import { localStaffMember } from '../../dev/offices.ts';
import { forgetCachedStaff } from '../../shared/http/auth.ts';
import { getStaffByUsername, stageNewStaff, stageStaffUpdate } from '../../shared/store/staff.ts';
import { Transaction } from '../../shared/store/transaction.ts';

/**
 * The tests' identity provider: it signs like the local one (RS256, same claims), and a
 * person a test signs a token for with a role and office is first written to the staff
 * directory that way (role and office come only from there). The demo users are in the
 * directory from the global setup.
 */
class DirectoryTokenIssuer extends TokenIssuer {
  private readonly registered = new Map<string, Promise<void>>();

  override async sign(user: Pick<DemoUser, 'username'> & Partial<Pick<DemoUser, 'role' | 'officeId'>>, opts?: SignOptions): Promise<string> {
    if (user.role && user.officeId) {
      const { role, officeId } = user;
      const key = `${user.username}|${role}|${officeId}`;
      if (!this.registered.has(key)) this.registered.set(key, register({ username: user.username, role, officeId }));
      await this.registered.get(key);
    }
    return super.sign(user, opts);
  }
}

/** Puts (or moves) a person in the directory exactly as the test signs her. */
async function register(user: Pick<DemoUser, 'username' | 'role' | 'officeId'>): Promise<void> {
  const current = await getStaffByUsername(user.username);
  if (current?.active && current.role === user.role && current.officeId === user.officeId) return;
  const at = new Date().toISOString();
  // a person a test makes up gets a Chinese name, as the directory would have her (no user names on Chinese screens)
  const demo = DEMO_USERS.find((u) => u.username === user.username);
  const displayName = demo ? chineseName(demo.displayName) : `测试人员 ${Number.parseInt(createHash('sha256').update(user.username).digest('hex').slice(0, 8), 16) % 100_000}`;
  const tx = new Transaction();
  if (current) stageStaffUpdate(tx, { ...current, role: user.role, officeId: user.officeId, active: true, updatedAt: at, version: current.version + 1 }, current.version);
  // the tests' provider signs her username as the subject, like the local one
  else stageNewStaff(tx, localStaffMember(user, displayName, at));
  await tx.commit(undefined).catch(async (error: unknown) => {
    // another test file registered the same person at the same moment: fine if it matches
    const now = await getStaffByUsername(user.username);
    if (!now || now.role !== user.role || now.officeId !== user.officeId) throw error;
  });
  forgetCachedStaff(user.username);
}

export const tokens: TokenIssuer = new DirectoryTokenIssuer();
export const api = new LocalApi(tokens);

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Record<string, string>;
}

export type UserName = 'committee' | 'committee-2' | 'district' | 'district-2' | 'district-b' | 'township' | 'township-b' | 'field' | 'field-b';

export async function tokenFor(username: UserName): Promise<string> {
  const user = DEMO_USERS.find((u) => u.username === username)!;
  return tokens.sign(user);
}

export interface CallOptions {
  idempotencyKey?: string | false;
  token?: string | null;
  rawBody?: string;
  /** raw bytes sent as the body (API Gateway passes them base64-encoded) */
  rawBytes?: Buffer;
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
  const res = await api.handle(
    opts.rawBytes
      ? { method, path: p, headers, query, body: opts.rawBytes.toString('base64'), isBase64Encoded: true }
      : { method, path: p, headers, query, body: opts.rawBody ?? (body === undefined ? undefined : JSON.stringify(body)) },
  );
  const isJson = (res.headers['content-type'] ?? '').startsWith('application/json');
  return { status: res.status, headers: res.headers, body: res.body ? (isJson ? JSON.parse(res.body) : res.body) : undefined };
}

export const as = (user: UserName) => ({
  get: <T = any>(path: string, opts?: CallOptions) => call<T>(user, 'GET', path, undefined, opts),
  post: <T = any>(path: string, body?: unknown, opts?: CallOptions) => call<T>(user, 'POST', path, body, opts),
});
