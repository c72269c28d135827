/**
 * Every `dropsign` sub-command by name, with its one line for `dropsign --help`. A command's module is
 * loaded only when it runs: loading all of them took about 0.17 s of every start (447 modules), which a
 * `dropsign upload` or `dropsign sign` run in a loop pays each time. Add a command by writing
 * `commands/NAME.ts` exporting a `CliCommand` and listing it here.
 */
import type { CliCommand } from '../io.js';

/** A command as the dispatcher knows it before loading it. */
export interface CommandEntry {
  /** One line for `dropsign --help`. */
  readonly summary: string;
  readonly load: () => Promise<CliCommand>;
}

/** See the module comment. */
export const commands: Readonly<Record<string, CommandEntry>> = {
  start: {
    summary: 'Start Dropsign: the desktop app, or browser mode when no Electron runtime is installed.',
    load: async () => (await import('./start.js')).startCommand,
  },
  sign: {
    summary: 'Print a presigned URL (or JSON, or a curl command) for one OSS or S3 request.',
    load: async () => (await import('./sign.js')).signCommand,
  },
  upload: {
    summary: 'Upload files and folders: parallel, resumable, verified, with share links.',
    load: async () => (await import('./upload.js')).uploadCommand,
  },
  link: {
    summary: 'Links to hand out: upload (put) and download (get) links, the list of issued links, inspect a link.',
    load: async () => (await import('./link.js')).linkCommand,
  },
  unfinished: {
    summary: 'Multipart uploads begun and never finished, whose parts are still stored: list them, abort old ones.',
    load: async () => (await import('./unfinished.js')).unfinishedCommand,
  },
  'local-bucket': {
    summary: 'Run a local OSS-compatible bucket server (no cloud account needed).',
    load: async () => (await import('./local-bucket.js')).localBucketCommand,
  },
  profile: {
    summary: 'Manage destinations and their keychain-stored secrets: add, list, show, remove, test, import, default.',
    load: async () => (await import('./profile.js')).profileCommand,
  },
  web: {
    summary: 'Serve the Dropsign app to your browser on this machine (browser mode).',
    load: async () => (await import('./web.js')).webCommand,
  },
};
