import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The sync admin console, served by the provincial server under /console/.
export default defineConfig({
  root: 'console',
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: '../dist/console',
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 2000,
  },
});
