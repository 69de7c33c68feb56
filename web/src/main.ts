/**
 * The app's entry, without React. With nobody signed in it shows the sign-in page in plain DOM
 * (pages/sign-in/sign-in-page.ts: a few KB, where the app is ~90 KB); otherwise it starts the
 * app (`start.tsx`), whose code index.html has already asked for, and sends the first screen's
 * reads while that code downloads (api/early.ts).
 */
import { sendEarly } from './api/early.ts';
import { appConfig } from './config.ts';
import { startFonts } from './fonts.ts';
import { langTag, type Lang } from './i18n/format.ts';
import { storedUser } from './oidc.ts';
import { MY_WORK_FIRST_REQUESTS } from './pages/field/first-requests.ts';
import { showSignInPage } from './pages/sign-in/sign-in-page.ts';
import './styles.css';

/** Pages anyone reads without signing in (app.tsx shows them). */
const PUBLIC_PATHS = ['public', 'verify', 'dev-sms'];
/** The reads of a page's first screen, by its path, sent before the app's code is in. */
const FIRST_REQUESTS: Record<string, readonly string[]> = { 'my-work': MY_WORK_FIRST_REQUESTS };

const saved = localStorage.getItem('lang');
const lang: Lang = saved === 'bo' || saved === 'en' ? saved : 'zh';
const page = location.hash.replace(/^#\/?/, '').split('?')[0]?.split('/')[0] ?? '';
const search = new URLSearchParams(location.search);
const user = storedUser();
const tokenLeft = (user?.expires_at ?? 0) * 1000 - Date.now();

// the API's address, asked for by index.html before this code arrived
void appConfig().catch(() => undefined);
startFonts(lang);

/** The API's address from the settings kept on this device (config.ts), if any. */
function keptApiUrl(): string | undefined {
  try {
    const url = (JSON.parse(localStorage.getItem('config') ?? 'null') as { apiUrl?: unknown } | null)?.apiUrl;
    return typeof url === 'string' ? url : undefined;
  } catch {
    return undefined;
  }
}

const root = document.getElementById('root')!;
/**
 * The app is needed for a signed-in tab, the return from the provider (`?code=`), a page read
 * without sign-in, and a field officer's phone that kept her session for offline starts (the app
 * finds out whether the network is there); anyone else sees the sign-in page.
 */
const app = !!user || search.has('code') || search.has('error') || PUBLIC_PATHS.includes(page) || localStorage.getItem('field-session') !== null;
if (app) {
  const first = FIRST_REQUESTS[page];
  if (first && user && tokenLeft > 60_000 && !search.has('code')) {
    // the API's address as this tab last read it (kept by config.ts when she signed in), else
    // once /config.json answers (on HTTP/1.1 it may queue behind the scripts); an answer sent to
    // another address is not taken (api/early.ts)
    const kept = keptApiUrl();
    if (kept !== undefined) sendEarly(kept, first, user.access_token, langTag(lang));
    else
      void appConfig().then(
        (config) => sendEarly(config.apiUrl, first, user.access_token, langTag(lang)),
        () => undefined,
      );
  }
  void import('./start.tsx').then((m) => m.startApp(root));
} else void showSignInPage(root, lang);
