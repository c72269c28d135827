/**
 * How the end-to-end tests launch Debian's Chromium (never a downloaded browser: `playwright install` is
 * not run anywhere). See shared/design/test-environment.md §3.
 */

/** The browser binary; `CHROMIUM_PATH` overrides it. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Flags for a quiet, deterministic Chromium in a container: no sandbox (no user namespaces there), no GPU,
 * no background traffic, and `--disable-dev-shm-usage` passed by hand because Debian's launcher script
 * fails to add it where /dev/shm is small.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];
