import { defineConfig } from 'vite';

// The scale benchmark page: Sen's client code alone. Not minified, so that the long animation
// frames' script entries name the functions that held the main thread.
export default defineConfig({
  root: 'bench/scale',
  base: './',
  build: {
    outDir: '../../dist/bench-scale',
    emptyOutDir: true,
    target: 'chrome120',
    minify: false,
    chunkSizeWarningLimit: 8000,
  },
  logLevel: 'warn',
});
