import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Vite 8 compiles TSX with Oxc itself (no React plugin); the console is served by the ledger from dist/web.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: resolve(import.meta.dirname, '../../dist/web'), emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 300 },
  logLevel: 'warn',
});
