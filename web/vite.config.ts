import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import subsetFont from 'subset-font';
import { defineConfig, type Plugin } from 'vite';

/** Names the service worker's cache after the build (a hash of the built files' names, which carry content hashes). */
function serviceWorkerBuildId(): Plugin {
  let outDir = '';
  return {
    name: 'service-worker-build-id',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const files = readdirSync(join(outDir, 'assets')).sort();
      const id = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const sw = join(outDir, 'sw.js');
      writeFileSync(sw, readFileSync(sw, 'utf8').replace('__BUILD_ID__', id));
    },
  };
}

/** Pages read without sign-in (web/src/main.ts and app.tsx show them without a session). */
const PUBLIC_PAGES = ['public', 'verify', 'dev-sms'];

/** The bundled Tibetan font (every Tibetan glyph, 159 KB), before it is subset. */
const TIBETAN_SOURCE = 'node_modules/@fontsource/noto-serif-tibetan/files/noto-serif-tibetan-tibetan-400-normal.woff2';
/** The subset's name in the build (`assets/<name>-<hash>.woff2`). */
export const TIBETAN_FONT_NAME = 'noto-serif-tibetan-ui.woff2';

/** Every character of the Tibetan block in the source files under `dirs` (the catalogues, printed pages and API messages). */
export function tibetanCharacters(dirs: string[]): string {
  const found = new Set<string>();
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  for (const file of dirs.flatMap(walk)) {
    if (!/\.(ts|tsx)$/.test(file)) continue;
    for (const c of readFileSync(file, 'utf8').matchAll(/[\u0F00-\u0FFF]/g)) found.add(c[0]);
  }
  return [...found].sort().join('');
}

/**
 * Subsets the bundled Noto Serif Tibetan to what the UI writes: the Tibetan characters of the
 * web's catalogues and printed pages and of the API's messages, with ASCII and the digits
 * (harfbuzz keeps every glyph the layout tables can reach from those characters, so the stacks
 * they form render as before). 159 KB → ~75 KB. `import url from 'virtual:tibetan-font'`
 * gives its URL (`web/src/fonts.ts` registers it). A Tibetan letter no text of the app uses (a
 * Sanskrit one in a name) is drawn by the system's font, or not at all on a machine without one.
 */
function tibetanFont(): Plugin {
  const id = 'virtual:tibetan-font';
  let root = '';
  let serve = false;
  let ref = '';
  return {
    name: 'tibetan-font-subset',
    configResolved(config) {
      root = config.root;
      serve = config.command === 'serve';
    },
    resolveId(source) {
      return source === id ? `\0${id}` : undefined;
    },
    async load(module) {
      if (module !== `\0${id}`) return undefined;
      const repo = resolve(root, '..');
      const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
      const text = `${tibetanCharacters([join(root, 'src'), join(repo, 'shared')])}${ascii}`;
      // subsetting takes seconds: kept in node_modules/.cache under a hash of the font and the characters
      const source = readFileSync(join(repo, TIBETAN_SOURCE));
      const cached = join(repo, 'node_modules', '.cache', 'tibetan-font', `${createHash('sha256').update(source).update(text).digest('hex').slice(0, 16)}.woff2`);
      const font = existsSync(cached) ? readFileSync(cached) : await subsetFont(source, text, { targetFormat: 'woff2' });
      if (!existsSync(cached)) {
        mkdirSync(dirname(cached), { recursive: true });
        writeFileSync(cached, font);
      }
      if (serve) return `export default ${JSON.stringify(`data:font/woff2;base64,${font.toString('base64')}`)};`;
      ref = this.emitFile({ type: 'asset', name: TIBETAN_FONT_NAME, source: font });
      return `export default ${JSON.stringify('__TIBETAN_FONT_URL__')};`;
    },
    renderChunk(code) {
      return ref && code.includes('__TIBETAN_FONT_URL__') ? { code: code.replaceAll('__TIBETAN_FONT_URL__', `/${this.getFileName(ref)}`), map: null } : undefined;
    },
  };
}

/** What is worth compressing: text. Fonts (woff2) and images are compressed already. */
export const PRECOMPRESSED = new Set(['.html', '.js', '.css', '.svg', '.json', '.webmanifest']);

/**
 * Writes a Brotli copy (`<file>.br`, quality 11) next to every built text file, once
 * per build: the web hosting and the dev server send it to browsers that accept `br`
 * (about 15 % smaller than gzip for the scripts, with no compression cost per request).
 */
function precompress(): Plugin {
  let outDir = '';
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  return {
    name: 'precompress-brotli',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      handler() {
        for (const file of walk(outDir)) {
          if (!PRECOMPRESSED.has(extname(file))) continue;
          const body = readFileSync(file);
          writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
        }
      },
    },
  };
}

/**
 * Fetches the page's code with the app's, not after it: a small inline script in index.html
 * reads the address (`#/my-work`, `#/loans/{id}`) and adds `<link rel="modulepreload">` for
 * that page's chunks (and its style sheets), so a field officer's phone requests the work
 * list's code while the app's entry is still downloading, instead of one round trip later
 * when the entry has run (no waterfall of chunks). The routes are read from the page table
 * (web/src/pages.tsx: path, sub, withId and the page module of each line).
 */
function routePreloads(): Plugin {
  let root = '';
  return {
    name: 'route-preloads',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const entry = chunks.find((c) => c.isEntry);
        const inEntry = new Set<string>();
        const closure = (file: string, into: Set<string>) => {
          if (into.has(file)) return;
          into.add(file);
          const chunk = chunks.find((c) => c.fileName === file);
          for (const i of chunk?.imports ?? []) closure(i, into);
        };
        if (entry) closure(entry.fileName, inEntry);
        for (const f of [...inEntry]) for (const css of chunks.find((c) => c.fileName === f)?.viteMetadata?.importedCss ?? []) inEntry.add(css);
        // the app itself (React, the query cache: start.tsx), which the entry imports when someone is signed in
        const start = chunks.find((c) => c.facadeModuleId === join(root, 'src', 'start.tsx'));
        const app = new Set<string>();
        if (start) closure(start.fileName, app);
        const appFiles = [...app, ...[...app].flatMap((f) => [...(chunks.find((c) => c.fileName === f)?.viteMetadata?.importedCss ?? [])])].filter((f) => !inEntry.has(f)).map((f) => `/${f}`);
        const table = readFileSync(join(root, 'src', 'pages.tsx'), 'utf8');
        const routes: Record<string, string[]> = {};
        for (const m of table.matchAll(/\{\s*path:\s*'([^']+)',([^{}]*?)import\('\.\/(pages\/[^']+)'\)/g)) {
          const [, path, between, module] = m as unknown as [string, string, string, string];
          const key = `${path}${/withId:\s*true/.test(between) ? '/:id' : ''}${between.match(/sub:\s*'([^']+)'/)?.[1] ? `/${between.match(/sub:\s*'([^']+)'/)![1]}` : ''}`;
          const chunk = chunks.find((c) => c.facadeModuleId === join(root, 'src', module));
          if (!chunk) continue;
          const files = new Set<string>();
          closure(chunk.fileName, files);
          const css = [...files].flatMap((f) => [...(chunks.find((c) => c.fileName === f)?.viteMetadata?.importedCss ?? [])]);
          routes[key] = [...new Set([...files, ...css])].filter((f) => !inEntry.has(f) && !app.has(f)).map((f) => `/${f}`);
        }
        // in Tibetan the whole first screen is Tibetan: its font with the first requests (fonts.ts loads it from this preload)
        const font = Object.values(bundle).find((a) => a.type === 'asset' && a.names.includes(TIBETAN_FONT_NAME))?.fileName;
        const tibetan = font
          ? `try{if(localStorage.getItem('lang')==='bo'){var f=document.createElement('link');f.rel='preload';f.as='font';f.type='font/woff2';f.crossOrigin='';f.href='/${font}';document.head.appendChild(f)}}catch(e){}`
          : '';
        // signed in (as main.ts decides: a user kept in this tab, the return from the provider, a
        // page read without sign-in, a field officer's offline session): the app's and the page's
        // code; else the sign-in page, which is all in the entry
        const signedIn = `var s=false;try{s=Object.keys(sessionStorage).some(function(k){return k.indexOf('oidc.user:')===0})||/[?&](code|error)=/.test(location.search)||localStorage.getItem('field-session')!==null}catch(e){}`;
        const script = `(function(){${tibetan}${signedIn}var r=${JSON.stringify(routes)};var p=location.hash.replace(/^#\\/?/,'').split('?')[0].split('/');var k=p[0]+(p[1]?'/:id':'')+(p[2]?'/'+p[2]:'');if(!s&&!${JSON.stringify(PUBLIC_PAGES)}.includes(p[0]))return;${JSON.stringify(appFiles)}.concat(r[k]||[]).forEach(function(f){var l=document.createElement('link');if(/\\.css$/.test(f)){l.rel='preload';l.as='style'}else{l.rel='modulepreload';l.crossOrigin=''}l.href=f;document.head.appendChild(l)})})()`;
        return { html, tags: [{ tag: 'script', children: script, injectTo: 'head-prepend' }] };
      },
    },
  };
}

/**
 * The app runs on Preact (`preact/compat`), not React DOM: the same components, hooks, lazy
 * pages, Suspense and error boundaries, TanStack Query and react-hook-form, in ~11 KB of
 * JavaScript instead of ~52 KB (gzip), which a phone on a village connection downloads, parses
 * and starts in a fraction of the time (issue 22). The code is written and type-checked against
 * React's types (`@types/react`); the build points `react`, `react-dom` and the JSX runtime at
 * Preact's compat layer, so there is one runtime in the browser, for every library too.
 */
export const PREACT_ALIASES = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

/**
 * Sends the first screen's reads from index.html itself: `web/src/first-screen.ts`, bundled
 * into a small inline script at the top of the page, so on a village connection the work list's
 * reads leave with the app's scripts (~0.5 s after the navigation) instead of after the entry
 * has downloaded and run (~1.6 s). The entry takes their answers (api/early.ts).
 */
function firstScreen(): Plugin {
  let root = '';
  return {
    name: 'first-screen-reads',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: 'post',
      async handler() {
        const out = await esbuild({
          stdin: {
            contents: "import { sendFirstScreenReads } from './first-screen.ts';\ntry { sendFirstScreenReads(); } catch {}",
            resolveDir: join(root, 'src'),
            loader: 'ts',
            sourcefile: 'first-screen-inline.ts',
          },
          bundle: true,
          format: 'iife',
          minify: true,
          write: false,
          target: 'es2022',
          platform: 'browser',
          logLevel: 'warning',
        });
        return [{ tag: 'script', children: out.outputFiles[0]!.text.trim(), injectTo: 'head-prepend' }];
      },
    },
  };
}

// The web app: built to web/dist, served by the dev server locally and by CloudFront on AWS.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [tibetanFont(), routePreloads(), firstScreen(), serviceWorkerBuildId(), precompress()],
  resolve: { alias: PREACT_ALIASES },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    manifest: true,
    // TanStack Query marks its hooks "use client" (for React Server Components, which a browser-only app has none of)
    rolldownOptions: {
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use client')) return;
        warn(warning);
      },
    },
  },
  server: { proxy: { '^/(?!src|@|node_modules).*': 'http://localhost:3000' } },
});
