import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The budget that matters is gzipped (test/web/bundle-budget.int.spec.ts: < 300 kB); the warning is on minified size.
// Vite 8 compiles TSX with Oxc itself (no React plugin); the console is served by the ledger from dist/web.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: resolve(import.meta.dirname, '../../dist/web'), emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 400 },
  logLevel: 'warn',
});
