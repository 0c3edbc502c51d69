import { defineConfig } from 'vite';

// The clinical-scale benchmark page: Sen's client code alone, for headless Chromium.
export default defineConfig({
  root: 'bench/clinical',
  base: './',
  build: { outDir: '../../dist/bench-clinical', emptyOutDir: true, target: 'chrome120', chunkSizeWarningLimit: 4000 },
  logLevel: 'warn',
});
