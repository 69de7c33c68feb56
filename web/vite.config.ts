import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
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

// The web app: built to web/dist, served by the dev server locally and by CloudFront on AWS.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), serviceWorkerBuildId()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022', manifest: true },
  server: { proxy: { '^/(?!src|@|node_modules).*': 'http://localhost:3000' } },
});
