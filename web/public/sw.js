// Keeps the app shell available offline (field staff in villages without signal).
// API calls are never cached: entries made offline wait in the app's own queue.
// The cache is named after the build (the build writes its id here, see vite.config.ts): a new
// build installs into a new cache and, once active, deletes the old ones, so old assets go.
const CACHE = 'shell-__BUILD_ID__';
// at install, the shell and every built asset (from Vite's manifest), so one visit is enough to work offline later
self.addEventListener('install', (e) => {
  e.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(['/', '/index.html', '/icon.svg', '/manifest.webmanifest']);
      try {
        const manifest = await (await fetch('/.vite/manifest.json')).json();
        const files = new Set();
        for (const chunk of Object.values(manifest)) {
          files.add(`/${chunk.file}`);
          for (const css of chunk.css ?? []) files.add(`/${css}`);
        }
        await cache.addAll([...files]);
      } catch {
        // no manifest (dev build): assets are cached as they are fetched
      }
    })(),
  );
  self.skipWaiting();
});
self.addEventListener('activate', (e) =>
  e.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('shell-') && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  ),
);
self.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  const isShell =
    e.request.method === 'GET' && url.origin === location.origin && (url.pathname === '/' || url.pathname.startsWith('/assets/') || url.pathname.endsWith('.svg') || url.pathname.endsWith('.html'));
  // a font subset is fetched only when a page needs it; it is kept once fetched
  if (!isShell) return;
  e.respondWith(
    fetch(e.request)
      .then((res) => {
        const copy = res.clone();
        caches.open(CACHE).then((c) => c.put(e.request, copy));
        return res;
      })
      .catch(() => caches.match(e.request).then((hit) => hit || caches.match('/index.html'))),
  );
});
