/**
 * The first screen's reads, sent before the app's code is in (api/early.ts takes their answers
 * for the API client). Run twice, and the second time sends nothing again:
 * - by `index.html` itself, as an inline script the build makes of this module (`firstScreen`
 *   in web/vite.config.ts): the reads leave with the page's first scripts, ~1 s earlier on a
 *   village connection than when the entry has downloaded and run;
 * - by the entry (`main.ts`), for a build without that script (and, when this device has no API
 *   address kept yet, once /config.json has answered).
 * Only with a signed-in user in this tab whose token has more than a minute left, not on the
 * return from the identity provider (`?code=`), and only to the API address kept on this device.
 */
import { sendEarly } from './api/early.ts';
import { langTag, type Lang } from './i18n/format.ts';
import { storedUser } from './oidc.ts';
import { MY_WORK_FIRST_REQUESTS } from './pages/field/first-requests.ts';

/** The reads of a page's first screen, by its path. */
const FIRST_REQUESTS: Record<string, readonly string[]> = { 'my-work': MY_WORK_FIRST_REQUESTS };

/** The UI language chosen on this device (Chinese unless Tibetan or English was chosen). */
export function savedLang(): Lang {
  const saved = localStorage.getItem('lang');
  return saved === 'bo' || saved === 'en' ? saved : 'zh';
}

/** The first part of the address's hash path (`#/my-work?x` → `my-work`). */
export function currentPage(): string {
  return location.hash.replace(/^#\/?/, '').split('?')[0]?.split('/')[0] ?? '';
}

/** The API's address from the settings kept on this device (config.ts), if any. */
export function keptApiUrl(): string | undefined {
  try {
    const url = (JSON.parse(localStorage.getItem('config') ?? 'null') as { apiUrl?: unknown } | null)?.apiUrl;
    return typeof url === 'string' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sends the reads of this address's first screen to `base` (the API address kept on this
 * device unless given). False when there is nothing to send or no address to send it to.
 */
export function sendFirstScreenReads(base = keptApiUrl()): boolean {
  const paths = FIRST_REQUESTS[currentPage()];
  const user = storedUser();
  const tokenLeft = (user?.expires_at ?? 0) * 1000 - Date.now();
  if (!paths || !user || tokenLeft <= 60_000 || new URLSearchParams(location.search).has('code') || base === undefined) return false;
  sendEarly(base, paths, user.access_token, langTag(savedLang()));
  return true;
}
