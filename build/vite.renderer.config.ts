import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds the renderer (React + zustand) from renderer/ into out/renderer/: what the desktop app loads and
 * what browser mode (`dropsign web`) serves. `npm run build` runs it after the Node side.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../renderer/', import.meta.url)),
  // Relative asset URLs: the same build works from the web host's `/` and from the desktop app's files.
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../out/renderer/', import.meta.url)),
    emptyOutDir: true,
    // Chromium of Electron 45 and any current browser; no legacy transforms.
    target: 'es2023',
    // Every browser we serve supports modulepreload; the polyfill would only add code.
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
});
