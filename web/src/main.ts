/**
 * The app's entry, without React. With nobody signed in it shows the sign-in page in plain DOM
 * (pages/sign-in/sign-in-page.ts: a few KB, where the app is ~90 KB); otherwise it starts the
 * app (`start.tsx`), whose code index.html has already asked for, and the first screen's reads
 * go while that code downloads (first-screen.ts: index.html has sent them already in a build).
 */
import { appConfig } from './config.ts';
import { currentPage, savedLang, sendFirstScreenReads } from './first-screen.ts';
import { startFonts } from './fonts.ts';
import { storedUser } from './oidc.ts';
import { showSignInPage } from './pages/sign-in/sign-in-page.ts';
import './styles.css';

/** Pages anyone reads without signing in (app.tsx shows them). */
const PUBLIC_PATHS = ['public', 'verify', 'dev-sms'];

const lang = savedLang();
const page = currentPage();
const search = new URLSearchParams(location.search);
const user = storedUser();

// the API's address, asked for by index.html before this code arrived
void appConfig().catch(() => undefined);
startFonts(lang);

const root = document.getElementById('root')!;
/**
 * The app is needed for a signed-in tab, the return from the provider (`?code=`), a page read
 * without sign-in, and a field officer's phone that kept her session for offline starts (the app
 * finds out whether the network is there); anyone else sees the sign-in page.
 */
const app = !!user || search.has('code') || search.has('error') || PUBLIC_PATHS.includes(page) || localStorage.getItem('field-session') !== null;
if (app) {
  // to the API's address as this tab last read it (kept by config.ts when she signed in), else
  // once /config.json answers (on HTTP/1.1 it may queue behind the scripts); an answer sent to
  // another address is not taken (api/early.ts)
  if (!sendFirstScreenReads())
    void appConfig().then(
      (config) => sendFirstScreenReads(config.apiUrl),
      () => undefined,
    );
  void import('./start.tsx').then((m) => m.startApp(root));
} else void showSignInPage(root, lang);
