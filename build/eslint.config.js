// ESLint flat config. Besides the usual TypeScript rules it enforces the architecture's import
// boundaries (see README "Layout"): core never imports electron, main or the renderer; the renderer
// never imports node:*, electron or core; electron/shared is pure TypeScript.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node's built-in modules by their bare names (the `node:` form is caught by a pattern). */
const nodeBuiltins = ['fs', 'fs/promises', 'path', 'os', 'crypto', 'http', 'https', 'net', 'stream', 'child_process'];

/**
 * A no-restricted-imports rule. `names` are exact module names (`electron`); `patterns` are gitignore-style
 * path patterns (a folder anywhere in the path), which is why a bare `electron` must not be a pattern: it would match the
 * `electron/` folder in every relative path.
 */
const forbid = (names, patterns, message) => [
  'error',
  { paths: names.map((name) => ({ name, message })), patterns: patterns.map((group) => ({ group: [group], message })) },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['electron/shared/**'],
    rules: {
      'no-restricted-imports': forbid(
        [...nodeBuiltins, 'electron', 'react'],
        ['node:*', '**/core/**', '**/main/**', '**/renderer/**'],
        'electron/shared is pure TypeScript: no node:*, electron, DOM or React.',
      ),
    },
  },
  {
    files: ['electron/core/**'],
    rules: {
      'no-restricted-imports': forbid(
        ['electron'],
        ['**/main/**', '**/preload/**', '**/renderer/**', '**/cli/**', '**/web-host/**'],
        'electron/core runs in plain Node: it never imports electron, main, preload, renderer, cli or web-host.',
      ),
    },
  },
  {
    files: ['electron/cli/**', 'electron/web-host/**'],
    rules: {
      'no-restricted-imports': forbid(
        ['electron'],
        ['**/main/**', '**/preload/**', '**/renderer/**'],
        'The CLI and the web host run without Electron: they use core and shared only.',
      ),
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': forbid(
        [...nodeBuiltins, 'electron'],
        ['node:*', '**/electron/core/**', '**/electron/main/**', '**/electron/cli/**', '**/electron/web-host/**'],
        'The renderer is untrusted browser code: it talks to main only through the bridge and imports electron/shared at most.',
      ),
    },
  },
);
