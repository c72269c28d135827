import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Test projects. Unit tests run one module with fakes at its edges; integration tests use real parts
 * (the local bucket over loopback HTTP, files on disk, the built CLI, the keychain). Renderer tests
 * (slices, selectors, components) run in jsdom with React Testing Library.
 */
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], exclude: ['test/unit/renderer/**'], environment: 'node' },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['test/unit/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/unit/renderer/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['build/vitest.global-setup.ts'],
          // Why: these start real servers and child processes; 2-core machines are slow under load.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
