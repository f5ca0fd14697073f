import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The tab is served by the bot service under /tab/ (see bot/src/http/server.ts).
export default defineConfig({
  root: import.meta.dirname,
  base: '/tab/',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, '../dist/tab'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    // `vite --config tab/vite.config.ts` for UI work: API calls go to the running service.
    proxy: { '/api': 'http://127.0.0.1:3978' },
  },
});
