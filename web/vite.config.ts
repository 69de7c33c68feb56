import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app: built to web/dist, served by the dev server locally and by CloudFront on AWS.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022', manifest: true },
  server: { proxy: { '^/(?!src|@|node_modules).*': 'http://localhost:3000' } },
});
