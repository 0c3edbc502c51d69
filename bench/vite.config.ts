import { defineConfig } from 'vite';

// The benchmark page: Sen's client code, PouchDB and Dexie in one bundle for headless Chromium.
export default defineConfig({
  root: 'bench/browser',
  base: './',
  define: { global: 'globalThis' },
  build: { outDir: '../../dist/bench', emptyOutDir: true, target: 'chrome120', chunkSizeWarningLimit: 4000 },
  logLevel: 'warn',
});
