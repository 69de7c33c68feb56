/**
 * The web app on a village connection, in Chromium: the field officer's first load (empty
 * cache) and a repeat visit, with the network throttled through CDP
 * (`Network.emulateNetworkConditions`: 400 kbit/s down and up, 400 ms round trip), and the
 * JavaScript each role downloads (bytes on the wire, gzip, as CloudFront and the dev server
 * send it). Runs on its own DynamoDB Local with the demo data, so the other sections' seeded
 * loans do not reach the field officer's lists. Merges `web` into bench/results.json.
 *
 * "Usable" is when the page shows its content: the work list's sections with no loading line
 * (field), the role's home page heading with its data loaded (others). It is timed by the page's
 * own clock, from the navigation's start to the frame that paints that content; the same moment
 * seen from this process (through Playwright, which waits on this busy process: it also serves
 * the API) is printed beside it as `harness…Ms`, 0.2–0.6 s later on the loaded machine.
 */
import '../dev/env.ts';
process.env.LOG_LEVEL = 'ERROR';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../test/e2e/support/find-browser.ts';
import { startBenchDatabase } from './database.ts';
import { printTable, round1 } from './stats.ts';

const ROOT = join(import.meta.dirname, '..');
const RESULTS = join(import.meta.dirname, 'results.json');
/** Issue 22: the field page in 3.5 s on a village connection, 1 s again, its JavaScript within 80 KB and the sign-in page's within 60 KB. */
const TARGETS = { fieldFirstLoadMs: 3500, fieldRepeatMs: 1000, fieldJsGzipKB: 80, signInJsGzipKB: 60 };
/** A weak village link: ~400 kbit/s each way, 400 ms round trip. */
const VILLAGE = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
const RUNS = 3;

/** Bytes on the wire per JavaScript file, as Chromium counts them (encodedDataLength). */
async function watchJs(page: Page): Promise<() => Map<string, number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map<string, string>();
  const sizes = new Map<string, number>();
  cdp.on('Network.responseReceived', (e) => {
    if (e.response.url.endsWith('.js')) urls.set(e.requestId, new URL(e.response.url).pathname);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const url = urls.get(e.requestId);
    if (url) sizes.set(url, (sizes.get(url) ?? 0) + e.encodedDataLength);
  });
  return () => sizes;
}

async function throttle(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', VILLAGE);
}

/** Signs in through the sign-in page, then gives what the browser keeps of the session (to start other contexts signed in). */
async function sessionOf(browser: Browser, url: string, username: string): Promise<{ session: Record<string, string>; local: Record<string, string> }> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(url);
  // the OpenID Connect flow through the local provider (its session is then kept in sessionStorage)
  await page.locator('button.sign-in').click();
  await page.waitForURL(/\/oidc\/interaction\//);
  await page.locator(`button[data-username="${username}"]`).click();
  await page.locator('header.topbar').waitFor();
  const state = await page.evaluate(() => ({ session: { ...sessionStorage }, local: { ...localStorage } }));
  await context.close();
  return state;
}

async function signedInContext(browser: Browser, state: { session: Record<string, string>; local: Record<string, string> }, viewport = { width: 390, height: 844 }): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport });
  await context.addInitScript((s) => {
    for (const [k, v] of Object.entries(s.session)) sessionStorage.setItem(k, v);
    for (const [k, v] of Object.entries(s.local)) localStorage.setItem(k, v);
  }, state);
  return context;
}

/**
 * Marks, by the page's own clock, when it became usable: the first DOM change after which `ready`
 * is there and no loading line (加载中) is shown, then the frame that paints it (a task after the
 * next animation frame). `window.__usableAt`: milliseconds from the navigation's start.
 */
const markUsable = (ready: string) =>
  `(() => { const check = () => { if (window.__usableSeen || !document.querySelector(${JSON.stringify(ready)}) || document.querySelector('main [role="status"]')?.textContent?.includes('加载中')) return; window.__usableSeen = true; requestAnimationFrame(() => setTimeout(() => { window.__usableAt = performance.now(); })); }; new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true }); })()`;

/**
 * Navigates and waits until the page's content is there. `ms`: from the navigation's start to
 * the painted content, by the page's clock (what the user waits); `harnessMs`: the same seen from
 * here (Date.now around Playwright's goto and waits), which adds Playwright's round trips to the
 * browser, slow when the machine is loaded (this process also serves the API the page calls).
 */
async function usableAt(page: Page, url: string, ready: string): Promise<{ ms: number; harnessMs: number }> {
  await page.addInitScript(markUsable(ready));
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('main [role="status"]')?.textContent?.includes('加载中'), undefined, { timeout: 60_000 });
  const harnessMs = Date.now() - started;
  const at = await page.waitForFunction(() => (window as { __usableAt?: number }).__usableAt, undefined, { timeout: 60_000 });
  return { ms: Math.round((await at.jsonValue()) as number), harnessMs };
}

/** Navigates and waits until the page's content is there; milliseconds from the start of navigation (the page's clock). */
async function usable(page: Page, url: string, ready: string): Promise<number> {
  return (await usableAt(page, url, ready)).ms;
}

const HOMES = [
  { role: 'field', hash: '#/my-work', ready: '.f-my-work .f-evals' },
  { role: 'township', hash: '#/applications', ready: 'main h1' },
  { role: 'district', hash: '#/applications', ready: 'main h1' },
  { role: 'committee', hash: '#/dashboard', ready: 'main [data-kpi]' },
] as const;

/** One throttled first load's requests (CDP timestamps): what starts when and what waits on what. Printed with BENCH_WEB_TIMELINE=1. */
async function timeline(page: Page, url: string): Promise<Record<string, string | number>[]> {
  const cdp = await page.context().newCDPSession(page);
  const fromCache = new Set<string>();
  cdp.on('Network.responseReceived', (e) => {
    if (e.response.fromServiceWorker) fromCache.add(e.requestId);
  });
  cdp.on('Network.requestServedFromCache', (e) => fromCache.add(e.requestId));
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', VILLAGE);
  const rows = new Map<string, { what: string; start: number; end?: number; kB?: number | string }>();
  cdp.on('Network.requestWillBeSent', (e) => {
    const u = new URL(e.request.url);
    rows.set(e.requestId, { what: `${e.request.method} ${u.pathname}${u.search.slice(0, 40)}`, start: e.timestamp });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = rows.get(e.requestId);
    if (r) Object.assign(r, { end: e.timestamp, kB: fromCache.has(e.requestId) ? 'cache' : round1(e.encodedDataLength / 1024) });
  });
  const ms = await usable(page, url, '.f-my-work .f-evals');
  const t0 = Math.min(...[...rows.values()].map((r) => r.start));
  const s = (t: number | undefined) => (t === undefined ? '' : (t - t0).toFixed(2));
  return [...[...rows.values()].map((r) => ({ fromS: s(r.start), toS: s(r.end), kB: r.kB ?? '', what: r.what })), { fromS: '', toS: (ms / 1000).toFixed(2), kB: '', what: '(usable)' }];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (bytes: number) => round1(bytes / 1024);

export async function webSection(): Promise<Record<string, unknown>> {
  // BENCH_WEB_DIST=<dir>: serve a build made before (two builds compared in the same minutes on a loaded machine)
  const dist = process.env.BENCH_WEB_DIST ?? join(ROOT, 'web', 'dist');
  if (!process.env.BENCH_WEB_DIST) {
    const build = spawnSync('npx', ['vite', 'build', 'web', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }

  const dynamo = await startBenchDatabase();
  const { ensureDemoStaff } = await import('../dev/offices.ts');
  const { LocalApi } = await import('../dev/local-api.ts');
  const { TokenIssuer } = await import('../dev/tokens.ts');
  const { createHttpServer } = await import('../dev/http-server.ts');
  const api = new LocalApi(new TokenIssuer());
  await ensureDemoStaff();
  const { loadDemoData } = await import('../dev/demo-data.ts');
  await loadDemoData(api);

  const server = createHttpServer(api, dist);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // the same Chromium the browser tests find (CHROMIUM_PATH, the system's, or the npm-shipped one)
  const { browser } = await launchBrowser();
  try {
    // the JavaScript each role downloads to reach its home page (empty cache, not throttled)
    const roles: Record<string, unknown>[] = [];
    for (const home of HOMES) {
      const state = await sessionOf(browser, url, home.role);
      const context = await signedInContext(browser, state, { width: 1280, height: 900 });
      const page = await context.newPage();
      const sizes = await watchJs(page);
      await usable(page, `${url}/${home.hash}`, home.ready);
      const js = [...sizes().values()].reduce((a, b) => a + b, 0);
      roles.push({
        role: home.role,
        page: home.hash,
        jsFiles: sizes().size,
        jsGzipKB: kb(js),
        ...(home.role === 'field' ? { targetKB: TARGETS.fieldJsGzipKB, meetsTarget: kb(js) <= TARGETS.fieldJsGzipKB } : {}),
      });
      await context.close();
    }
    // the sign-in page alone
    {
      const context = await browser.newContext({ locale: 'zh-CN' });
      const page = await context.newPage();
      const sizes = await watchJs(page);
      await usable(page, url, 'button.sign-in');
      const js = kb([...sizes().values()].reduce((a, b) => a + b, 0));
      roles.unshift({ role: '(sign-in)', page: '#/', jsFiles: sizes().size, jsGzipKB: js, targetKB: TARGETS.signInJsGzipKB, meetsTarget: js <= TARGETS.signInJsGzipKB });
      await context.close();
    }
    // the field officer then opens an evaluation form: what that adds (the form library and the API's schemas)
    {
      const state = await sessionOf(browser, url, 'field');
      const context = await signedInContext(browser, state);
      const page = await context.newPage();
      const sizes = await watchJs(page);
      await usable(page, `${url}/#/my-work`, '.f-my-work .f-evals');
      const before = [...sizes().values()].reduce((a, b) => a + b, 0);
      await page.locator('.f-evals a.button').first().click();
      await page.locator('form.f-form').waitFor();
      const after = [...sizes().values()].reduce((a, b) => a + b, 0);
      roles.push({ role: 'field', page: '#/evaluate/{id} (after my work)', jsFiles: sizes().size, jsGzipKB: kb(after), addedKB: kb(after - before) });
      await context.close();
    }
    printTable('Web: JavaScript downloaded per role (gzip, empty cache)', roles as Record<string, string | number | boolean | null>[]);

    // the field officer's first load and repeat visit on a village connection
    const state = await sessionOf(browser, url, 'field');
    const first: { ms: number; harnessMs: number }[] = [];
    const repeat: { ms: number; harnessMs: number }[] = [];
    const repeatAtOnce: { ms: number; harnessMs: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await signedInContext(browser, state);
      const page = await context.newPage();
      await throttle(page);
      first.push(await usableAt(page, `${url}/#/my-work`, '.f-my-work .f-evals'));
      // at once, while the app's one-time copy onto the phone (the service worker) is still being made: the page itself is one round trip
      const atOnce = await context.newPage();
      await throttle(atOnce);
      repeatAtOnce.push(await usableAt(atOnce, `${url}/#/my-work`, '.f-my-work .f-evals'));
      // a later visit: the app is kept on the phone (the service worker controls the first tab, as test/e2e/field.test.ts waits for)
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
      const again = await context.newPage();
      await throttle(again);
      repeat.push(await usableAt(again, `${url}/#/my-work`, '.f-my-work .f-evals'));
      await context.close();
    }
    const row = (measure: string, runs: { ms: number; harnessMs: number }[], targetMs: number) => {
      const ms = runs.map((r) => r.ms);
      const harness = runs.map((r) => r.harnessMs);
      return { measure, runsMs: ms.join(' / '), medianMs: median(ms), targetMs, meetsTarget: median(ms) <= targetMs, harnessRunsMs: harness.join(' / '), harnessMedianMs: median(harness) };
    };
    const field = [
      row('field first load (empty cache)', first, TARGETS.fieldFirstLoadMs),
      row('field repeat visit (app kept on the phone)', repeat, TARGETS.fieldRepeatMs),
      { ...row('field repeat at once (app still being kept)', repeatAtOnce, TARGETS.fieldRepeatMs), targetMs: '', meetsTarget: '' },
    ];
    printTable('Web: field officer on a village connection (400 kbit/s, 400 ms RTT)', field);
    if (process.env.BENCH_WEB_TIMELINE) {
      const context = await signedInContext(browser, state);
      printTable('Web: one field first load, request by request (seconds from the first request)', await timeline(await context.newPage(), `${url}/#/my-work`));
      printTable('Web: the repeat visit after it, request by request', await timeline(await context.newPage(), `${url}/#/my-work`));
      await context.close();
    }
    return { network: { downKbit: 400, upKbit: 400, rttMs: 400 }, roles, field };
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.close(() => r()));
    await dynamo.stop();
  }
}

// run on its own (`npm run bench:web`, and at the end of `npm run bench`): merge into results.json
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const web = await webSection();
  const results = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(RESULTS, `${JSON.stringify({ ...results, web: { measuredAt: new Date().toISOString(), ...web } }, null, 2)}\n`);
  console.log('\nmerged web into bench/results.json');
  process.exit(0);
}
