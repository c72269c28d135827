import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Bundles the preload (`electron/preload/index.ts`) into one CommonJS script, `out/preload/index.cjs`.
 * Sandboxed windows run their preload as a plain script that can `require('electron')` and little else, so
 * it cannot be an ES module or import our other files at run time; `electron` stays an external require.
 * `npm run build:preload`.
 */
const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  logLevel: 'warn',
  build: {
    outDir: 'out/preload',
    emptyOutDir: true,
    // Electron's Chromium runs ES2023 as written; nothing needs transpiling.
    target: 'es2023',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    copyPublicDir: false,
    lib: {
      entry: 'electron/preload/index.ts',
      formats: ['cjs'],
      fileName: () => 'index.cjs',
    },
    rollupOptions: { external: ['electron'] },
  },
});
