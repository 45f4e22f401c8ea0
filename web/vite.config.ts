import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web console: built into `web/dist` (`npm run build:web`), served by `flowport serve` at `/`.
 * Hashed file names under `assets/`, no source maps in the package, one JS and one CSS file.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    modulePreload: { polyfill: false },
  },
  server: {
    // `npm run dev:web` next to `flowport serve` on 4321: the API is proxied.
    proxy: {
      '/api': 'http://127.0.0.1:4321',
      '/oauth': 'http://127.0.0.1:4321',
      '/docs': 'http://127.0.0.1:4321',
    },
  },
});
