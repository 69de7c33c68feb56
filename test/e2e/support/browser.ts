/**
 * End-to-end harness: the dev server's HTTP front door (API + built web app) on a random
 * port over the test DynamoDB Local, and Debian's Chromium driven by playwright-core.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './find-browser.ts';
import { createHttpServer } from '../../../dev/http-server.ts';
import { api } from '../../support/api.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
/** The README's screenshots are refreshed with UPDATE_SCREENSHOTS=1; other runs keep theirs out of the tree. */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs', 'screenshots') : join(ROOT, 'test-results', 'screenshots');
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export interface E2E {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  // the local OIDC provider is mounted at /oidc; its issuer follows the address listened on
  const server: Server = createHttpServer(api, join(ROOT, 'web', 'dist'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { browser, source } = await launchBrowser();
  console.info(`browser tests run in ${source} (${browser.version()})`);
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** A fresh browser context signed in as a person of the staff directory, in Chinese unless asked otherwise. */
export async function signedIn(
  e2e: E2E,
  username: string,
  opts: { viewport?: { width: number; height: number }; lang?: 'zh' | 'bo' | 'en'; onContext?: (context: BrowserContext) => void } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e2e.browser.newContext({ viewport: opts.viewport ?? DESKTOP, locale: 'zh-CN' });
  // e.g. listening to the API's answers from the first request on
  opts.onContext?.(context);
  const page = await context.newPage();
  await page.goto(e2e.url);
  if (opts.lang && opts.lang !== 'zh') await page.evaluate((lang) => localStorage.setItem('lang', lang), opts.lang);
  await page.reload();
  await signInThroughProvider(page, username);
  return { context, page };
}

/** The OpenID Connect flow as a person does it: the app's sign-in button, the provider's login page, back in the app. */
export async function signInThroughProvider(page: Page, username: string): Promise<void> {
  await page.locator('button.sign-in').click();
  await page.waitForURL(/\/oidc\/interaction\//);
  await page.locator(`button[data-username="${username}"]`).click();
  await page.locator('header.topbar').waitFor();
}

/** A screenshot of the page once its fonts are in (the Tibetan font comes after the first screen's requests: web/src/fonts.ts). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForFunction(() => !document.documentElement.classList.contains('tibetan-later'), undefined, { timeout: 15_000 });
  await page.evaluate(async () => {
    // offline before the font came (a phone that went offline on its first screen), the page shows the system's
    await document.fonts.load('16px "Noto Serif Tibetan"', 'བོད་ཡིག').catch(() => undefined);
    await document.fonts.ready;
  });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
