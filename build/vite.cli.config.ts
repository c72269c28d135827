import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Bundles the `dropsign` executable (`electron/cli/index.ts`) into `out/electron/bin/dropsign.js`, with one
 * chunk per sub-command beside it (each command is still loaded only when it runs). `npm run build:cli`.
 *
 * Why a bundle: Node's ES module loader resolves, reads and compiles every file on its own, and a
 * `dropsign upload` loaded 336 of them (95 from zod alone), about 0.2 s of every start; a bundle of a
 * few chunks starts in about half the time, which a script that calls `dropsign sign` or `dropsign upload`
 * in a loop pays on every call. tsc still type-checks and emits the unbundled modules the desktop shell
 * and the tests import.
 *
 * The chunks sit two folders below `out/`, like every other built module, so the paths modules find
 * relative to themselves (the built renderer at `../../renderer/`, package.json above) stay the same.
 * keytar (a native addon), electron and kerberos (an optional peer of the proxy library, for Negotiate
 * proxies) are loaded from node_modules at run time, never bundled.
 */
const root = fileURLToPath(new URL('..', import.meta.url));

/** Node's own modules, with and without the `node:` prefix: never bundled. */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default defineConfig({
  root,
  logLevel: 'warn',
  build: {
    outDir: 'out/electron/bin',
    emptyOutDir: true,
    // The CLI runs on Node 20 or later (package.json engines), which runs ES2023 as written.
    target: 'node20',
    minify: false,
    // Stack traces of a failure point at the TypeScript sources.
    sourcemap: true,
    reportCompressedSize: false,
    copyPublicDir: false,
    ssr: 'electron/cli/index.ts',
    rollupOptions: {
      external: ['keytar', 'electron', 'kerberos', ...nodeBuiltins],
      output: {
        format: 'es',
        entryFileNames: 'dropsign.js',
        chunkFileNames: '[name]-[hash].js',
      },
    },
  },
  ssr: {
    // Bundle the dependencies too: their files are most of what a start would otherwise load one by one.
    noExternal: true,
  },
});
