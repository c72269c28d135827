/**
 * `dropsign web`: browser mode. The app's services (the same as the desktop app's, local bucket
 * included) behind the web host on 127.0.0.1, and the address to open, with its access token.
 * `dropsign start` falls back to this when no Electron runtime is installed.
 */
import { homedir } from 'node:os';
import { appDataDir } from '../../core/app-paths.js';
import { createAppServices, type AppServices } from '../../core/app/index.js';
import type { AppInfo } from '../../shared/ipc/app-types.js';
import { defaultRendererRoot, dropSpooledLeftovers, openInBrowser, spoolDirOf, SpoolStore, startWebHost, type WebHost } from '../../web-host/index.js';
import type { CliCommand, CliIo, ExitCode } from '../io.js';
import { parseNumberFlag } from '../number-flag.js';
import { parseFlags } from '../parse-args.js';
import { untilStopped, whenAborted } from '../until-stopped.js';

/**
 * The port browser mode prefers. Why fixed: `ssh -L 47111:127.0.0.1:47111` keeps working from one run to
 * the next (the Host check wants the same port on both ends). Why 47111: next to the local bucket's 47110.
 */
export const DEFAULT_WEB_PORT = 47111;

/** The product version for `app:info`; kept in step with cli/main.ts (which does not export it). */
const APP_VERSION = '0.1.0';

const USAGE = `Usage: dropsign web [--port N] [--open]

Serves the Dropsign app to your browser, on this machine only (127.0.0.1), with the same queue, profiles
and local bucket as the desktop app. Prints the address to open: it carries an access token, so anyone
with the address can use Dropsign as you. Do not share it. Stop with Ctrl+C.

Options:
  --port N   Port (default ${DEFAULT_WEB_PORT}; any free port when that one is taken; 0 = any).
  --open     Open the address in the default browser.

From another computer, forward the port first (same number on both ends):
  ssh -L ${DEFAULT_WEB_PORT}:127.0.0.1:${DEFAULT_WEB_PORT} THIS-MACHINE

Environment:
  DROPSIGN_DATA_DIR   Use this folder instead of the app data directory.
`;

/** Browser mode, running. */
export interface BrowserSession {
  readonly host: WebHost;
  readonly services: AppServices;
  readonly spool: SpoolStore;
  readonly appDataDir: string;
  /** Uploads from an earlier session that were removed because their spooled files were gone. */
  readonly droppedLeftovers: number;
  /** Stops the host, then the services (uploads stay resumable), then empties the spool. */
  close(): Promise<void>;
}

/** How to start browser mode. */
export interface BrowserModeOptions {
  /** The web host's port; the default port (any when taken) when absent. */
  readonly port?: number;
  /** The local bucket's port (0: any); its usual port when absent. */
  readonly localBucketPort?: number;
}

/** Starts the spool (emptied first, before any restored upload could read it), the services and the host. */
export async function startBrowserMode(io: CliIo, options: BrowserModeOptions = {}): Promise<BrowserSession> {
  const dataDir = appDataDir({ env: io.env, platform: process.platform, home: io.env['HOME'] ?? homedir() });
  const spool = await SpoolStore.create(spoolDirOf(dataDir));
  let services: AppServices;
  try {
    services = await createAppServices({
      appDataDir: dataDir,
      face: 'browser',
      version: APP_VERSION,
      env: io.env,
      now: io.now,
      ...(options.localBucketPort === undefined ? {} : { localBucket: { port: options.localBucketPort } }),
    });
  } catch (error) {
    await spool.dispose();
    throw error;
  }
  let host: WebHost;
  let droppedLeftovers: number;
  try {
    droppedLeftovers = await dropSpooledLeftovers(services, spool);
    host = await startWebHost({
      services,
      spool,
      rendererRoot: defaultRendererRoot(),
      port: options.port ?? DEFAULT_WEB_PORT,
      fallbackToAnyPort: options.port === undefined,
    });
  } catch (error) {
    await services.close();
    await spool.dispose();
    throw error;
  }
  return {
    host,
    services,
    spool,
    appDataDir: dataDir,
    droppedLeftovers,
    async close() {
      await host.close();
      await services.close();
      await spool.dispose();
    },
  };
}

/** What the app says about itself, or undefined when it cannot say (never expected). */
export async function appInfoOf(services: AppServices): Promise<AppInfo | undefined> {
  const info = await services.invoke('app:info', []);
  return info.ok ? info.value : undefined;
}

/** The lines that give the address to open. */
export function addressLines(host: WebHost): string[] {
  return [
    `  Open      ${host.url}${host.preferredPortTaken ? '  [the usual port was taken]' : ''}`,
    '            (the address carries an access token: anyone who has it can use Dropsign as you; do not share it)',
  ];
}

/** What to say about uploads of an earlier session that could not continue (their spooled files were gone). */
export function leftoverLines(dropped: number): string[] {
  if (dropped === 0) return [];
  const uploads = dropped === 1 ? '1 unfinished upload' : `${dropped} unfinished uploads`;
  return [`  Note      ${uploads} from the last browser session could not continue (the page's copies of the files are emptied at every start); drop those files again.`];
}

/** Opens the page in the default browser, or says how to do it by hand. */
export async function openPage(session: BrowserSession, io: CliIo): Promise<void> {
  const outcome = await openInBrowser(session.host.url, session.spool.root);
  if (outcome.kind === 'failed') io.err(`Could not open a browser (${outcome.reason}); open the address above yourself.\n`);
}

/** `dropsign web`. */
export const webCommand: CliCommand = {
  usage: USAGE,
  run: (args, io) => untilStopped((stop) => runWeb(args, io, stop)),
};

/** Runs `web` until `stop` aborts. For testing: the signal stands in for SIGINT/SIGTERM. */
export async function runWeb(args: readonly string[], io: CliIo, stop: AbortSignal): Promise<ExitCode> {
  const flags = parseFlags(args, { command: 'web', flags: { port: { type: 'string' }, open: { type: 'boolean' } } });
  const port = flags.port === undefined ? undefined : parseNumberFlag(flags.port, 'port', { min: 0, max: 65_535, integer: true });
  const session = await startBrowserMode(io, port === undefined ? {} : { port });
  const bucket = (await appInfoOf(session.services))?.localBucket;
  io.out(
    [
      'Dropsign is running in browser mode.',
      '',
      ...addressLines(session.host),
      ...(bucket?.kind === 'running' ? [`  Bucket    ${bucket.bucket} on the local bucket at ${bucket.endpoint}`] : []),
      ...(bucket?.kind === 'failed' ? [`  Bucket    the local bucket did not start: ${bucket.error.message}`] : []),
      ...leftoverLines(session.droppedLeftovers),
      '',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  if (flags.open === true) await openPage(session, io);
  await whenAborted(stop);
  await session.close();
  io.out('Dropsign stopped.\n');
  return 0;
}
