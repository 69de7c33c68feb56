// Keeps the app shell on the phone so field staff can start the app in a village without signal
// (registered by the field pages, see src/pages/field/device.ts). API calls are never cached
// here: entries made offline wait in the app's own outbox, lists last seen are kept by the app.
// The cache is named after the build (the build writes its id here, see vite.config.ts): a new
// build installs into a new cache and, once active, deletes the old ones, so old assets go.
const CACHE = 'shell-__BUILD_ID__';
const SHELL = ['/', '/index.html', '/icon.svg', '/manifest.webmanifest'];

/**
 * Every built script and style sheet (from Vite's manifest) and the Tibetan font cut to the
 * app's characters (75 KB: a field officer reads Tibetan offline too), not the Chinese web font:
 * one visit is enough to start offline later.
 */
async function builtFiles() {
  const manifest = await (await fetch('/.vite/manifest.json', { cache: 'no-store' })).json();
  const files = new Set();
  for (const [source, chunk] of Object.entries(manifest)) {
    // the Chinese web font's list of ~100 subsets is loaded only on machines without a Chinese font
    if (source.includes('@fontsource/noto-sans-sc')) continue;
    if (/\.(js|css)$/.test(chunk.file) || /noto-serif-tibetan-ui-.*\.woff2$/.test(chunk.file)) files.add(`/${chunk.file}`);
    for (const css of chunk.css ?? []) files.add(`/${css}`);
  }
  return [...files];
}

self.addEventListener('install', (e) => {
  e.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(SHELL);
      try {
        // two at a time, not all at once: the page's own requests keep the other connections
        // (HTTP/1.1 has six per host), so a reload while this runs is not held up behind it
        const files = await builtFiles();
        const next = async () => {
          for (let file = files.shift(); file; file = files.shift()) await cache.add(file);
        };
        await Promise.all([next(), next()]);
      } catch {
        // no manifest (a dev build): assets are kept as they are fetched
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (e) =>
  e.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('shell-') && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  ),
);

/** Keeps a good answer under its path (the sign-in's return, `/?code=…`, is the same page as `/`). */
async function keep(request, response) {
  if (response.ok && response.type === 'basic') await (await caches.open(CACHE)).put(new URL(request.url).pathname, response.clone());
  return response;
}

self.addEventListener('fetch', (e) => {
  const request = e.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin) return;
  // built files carry a content hash in their name and never change: the cached copy, else the network (then kept)
  if (url.pathname.startsWith('/assets/')) {
    e.respondWith(caches.match(request).then((hit) => hit || fetch(request).then((res) => keep(request, res))));
    return;
  }
  // the page itself and the shell's small files: the copy on the phone at once (a village link
  // costs ~0.5 s a round trip), refreshed from the network behind it, so a new build shows from
  // the next start (its new service worker replaces this cache; a chunk the old page then misses
  // reloads the page once, ui/error-boundary.tsx); the network when there is no copy yet.
  // Anything else (the API, the sign-in provider's pages, config.json) is not touched.
  if (!SHELL.includes(url.pathname)) return;
  const fresh = fetch(request).then((res) => keep(request, res));
  e.waitUntil(fresh.catch(() => undefined));
  e.respondWith((async () => (await caches.match(url.pathname)) ?? (await fresh.catch(() => undefined)) ?? (await caches.match('/index.html')) ?? Response.error())());
});
