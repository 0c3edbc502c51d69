import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The chart benchmark page: the renderer's chart components and database, built as shipped.
export default defineConfig({
  root: 'bench/chart',
  base: './',
  plugins: [react()],
  build: { outDir: '../../dist/bench-chart', emptyOutDir: true, target: 'chrome120', chunkSizeWarningLimit: 4000 },
  logLevel: 'warn',
});
