/**
 * The field officer's first screen on a village connection: the app's entry sends the work
 * list's reads while the app's code downloads (web/src/api/early.ts), and the API client takes
 * those answers instead of asking again. Without a browser: `fetch` and the device store stubbed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../web/src/api/device.ts', () => ({ cacheGet: async () => undefined, cachePut: async () => undefined }));

const API = 'https://api.example';
let asked: { url: string; auth: string | null }[] = [];

beforeEach(() => {
  vi.resetModules();
  asked = [];
  vi.stubGlobal('window', {});
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/config.json') return Response.json({ mode: 'oidc', apiUrl: API, authority: 'x', clientId: 'x', scope: 'openid' });
      asked.push({ url, auth: new Headers(init?.headers).get('authorization') });
      const path = new URL(url).pathname;
      if (path === '/reports/evaluations') return Response.json({ asOf: '2026-12-01', rows: [] });
      return Response.json({ items: [] });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('the work list asked for before the app has started', () => {
  it('is what the work list reads: each early answer is taken, nothing is asked twice', async () => {
    const { MY_WORK_FIRST_REQUESTS } = await import('../../web/src/pages/field/first-requests.ts');
    const { sendEarly } = await import('../../web/src/api/early.ts');
    const { setToken } = await import('../../web/src/api/client.ts');
    const { loadWork } = await import('../../web/src/pages/field/work-data.ts');
    const { loadOffices } = await import('../../web/src/pages/field/field-data.ts');
    sendEarly(API, MY_WORK_FIRST_REQUESTS, 'token-1', 'zh-CN');
    expect(asked.map((a) => a.url)).toEqual(MY_WORK_FIRST_REQUESTS.map((p) => `${API}${p}`));
    setToken('token-1');
    await Promise.all([loadWork('dawa', new AbortController().signal), loadOffices()]);
    // the page's own reads were all answered by the early ones: no request beyond those four
    expect(asked).toHaveLength(MY_WORK_FIRST_REQUESTS.length);
  });

  it('is not taken with another token or language: the page asks again', async () => {
    const { sendEarly } = await import('../../web/src/api/early.ts');
    const { request, setToken, setApiLanguage } = await import('../../web/src/api/client.ts');
    sendEarly(API, ['/offices', '/rounds?status=open&limit=100'], 'old-token', 'zh-CN');
    setToken('new-token');
    await request('GET', '/offices');
    setToken('old-token');
    setApiLanguage('bo');
    await request('GET', '/rounds', { query: { status: 'open', limit: 100 } });
    expect(asked.map((a) => a.auth)).toEqual(['Bearer old-token', 'Bearer old-token', 'Bearer new-token', 'Bearer old-token']);
  });

  it('is taken once: a second read of the same list goes to the API', async () => {
    const { sendEarly } = await import('../../web/src/api/early.ts');
    const { request, setToken } = await import('../../web/src/api/client.ts');
    sendEarly(API, ['/offices'], 'token-1', 'zh-CN');
    setToken('token-1');
    await request('GET', '/offices');
    await request('GET', '/offices');
    expect(asked.map((a) => a.url)).toEqual([`${API}/offices`, `${API}/offices`]);
  });
});

describe('the first screen’s reads sent by index.html, then by the entry', () => {
  const signedIn = (expiresInS: number, hash = '#/my-work', search = '') => {
    const storage = (items: Record<string, string>) => ({ getItem: (k: string) => items[k] ?? null, setItem: () => undefined, ...items });
    vi.stubGlobal('sessionStorage', storage({ 'oidc.user:x:y': JSON.stringify({ access_token: 'token-1', expires_at: Date.now() / 1000 + expiresInS }) }));
    vi.stubGlobal('localStorage', storage({ config: JSON.stringify({ apiUrl: API }), lang: 'bo' }));
    vi.stubGlobal('location', { hash, search });
  };

  it('are sent once: the entry, running after index.html’s script, sends nothing again, and the client takes each answer', async () => {
    signedIn(3600);
    const { sendFirstScreenReads } = await import('../../web/src/first-screen.ts');
    const { MY_WORK_FIRST_REQUESTS } = await import('../../web/src/pages/field/first-requests.ts');
    expect(sendFirstScreenReads()).toBe(true); // index.html
    expect(sendFirstScreenReads()).toBe(true); // main.ts
    expect(asked.map((a) => a.url)).toEqual(MY_WORK_FIRST_REQUESTS.map((p) => `${API}${p}`));
    const { request, setToken, setApiLanguage } = await import('../../web/src/api/client.ts');
    setToken('token-1');
    setApiLanguage('bo');
    await request('GET', '/offices');
    expect(asked).toHaveLength(MY_WORK_FIRST_REQUESTS.length);
  });

  it('are not sent for another page, a token about to expire, or the return from the identity provider', async () => {
    const { sendFirstScreenReads } = await import('../../web/src/first-screen.ts');
    signedIn(3600, '#/loans');
    expect(sendFirstScreenReads()).toBe(false);
    signedIn(30);
    expect(sendFirstScreenReads()).toBe(false);
    signedIn(3600, '#/my-work', '?code=abc&state=x');
    expect(sendFirstScreenReads()).toBe(false);
    expect(asked).toEqual([]);
  });
});
