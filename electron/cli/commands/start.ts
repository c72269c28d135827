/**
 * `dropsign start` (`npm start`): runs Dropsign for a person. It launches the desktop app when it can
 * (launch-desktop.ts: an Electron runtime, a display, the app built); otherwise it says why, plainly, and
 * starts browser mode (the same app, served to the browser on 127.0.0.1), with the embedded local bucket
 * and the commands that upload to it from a terminal.
 */
import { EMBEDDED_REGION } from '../../core/local-bucket/index.js';
import { localKeys } from '../../core/profiles/local-profile.js';
import type { LocalBucketStatus } from '../../shared/ipc/app-types.js';
import type { CliCommand, CliIo, ExitCode } from '../io.js';
import { launchDesktop } from '../launch-desktop.js';
import { parseNumberFlag } from '../number-flag.js';
import { parseFlags } from '../parse-args.js';
import { shellQuote } from '../shell-quote.js';
import { untilStopped, whenAborted } from '../until-stopped.js';
import { addressLines, appInfoOf, DEFAULT_WEB_PORT, leftoverLines, openPage, startBrowserMode } from './web.js';

const USAGE = `Usage: dropsign start [--port N] [--web-port N] [--no-open]

Starts Dropsign: the desktop app when its Electron runtime is installed and there is a display. Otherwise
it says why and starts browser mode (the same app in your browser, on 127.0.0.1 only; see
\`dropsign web\`), with the embedded local bucket (an OSS-compatible server on 127.0.0.1 that checks
signatures as OSS does) and the commands that upload a file to it and share a link. Stop it with Ctrl+C.

Options:
  --port N       Port for the local bucket (default 47110; any free port when that one is taken; 0 = any).
  --web-port N   Port for browser mode (default ${DEFAULT_WEB_PORT}; any free port when that one is taken; 0 = any).
  --no-open      Do not open browser mode in the default browser (it opens when there is a display).

Environment:
  DROPSIGN_DATA_DIR             Use this folder instead of the app data directory.
  ELECTRON_OVERRIDE_DIST_PATH   A folder holding an Electron runtime to launch the desktop app with.
`;

/** `dropsign start`. */
export const startCommand: CliCommand = {
  usage: USAGE,
  run: (args, io) => untilStopped((stop) => runStart(args, io, stop)),
};

/** True when a browser can probably be shown: a desktop OS, or a Linux session with a display, and not CI. */
function hasDisplay(io: CliIo): boolean {
  if (io.env['CI'] !== undefined && io.env['CI'] !== '') return false;
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(io.env['DISPLAY'] || io.env['WAYLAND_DISPLAY']);
}

/** Runs `start` until `stop` aborts. For testing: the signal stands in for SIGINT/SIGTERM. */
export async function runStart(args: readonly string[], io: CliIo, stop: AbortSignal): Promise<ExitCode> {
  const flags = parseFlags(args, {
    command: 'start',
    flags: { port: { type: 'string' }, 'web-port': { type: 'string' }, 'no-open': { type: 'boolean' } },
  });
  const portFlag = (name: 'port' | 'web-port'): number | undefined => {
    const text = flags[name];
    return text === undefined ? undefined : parseNumberFlag(text, name, { min: 0, max: 65_535, integer: true });
  };
  const localBucketPort = portFlag('port');
  const webPort = portFlag('web-port');

  let unavailable = 'it could not start';
  if (await launchDesktop({ env: io.env, onUnavailable: (reason) => (unavailable = reason) })) return 0;
  io.out(`The desktop app cannot run here: ${unavailable}\nDropsign starts in browser mode instead: the same app, in your browser.\n\n`);
  const session = await startBrowserMode(io, {
    ...(webPort === undefined ? {} : { port: webPort }),
    ...(localBucketPort === undefined ? {} : { localBucketPort }),
  });
  const info = await appInfoOf(session.services);
  io.out(await welcome(session.appDataDir, info?.localBucket, [...addressLines(session.host), ...leftoverLines(session.droppedLeftovers)]));
  if (flags['no-open'] !== true && hasDisplay(io)) await openPage(session, io);
  await whenAborted(stop);
  await session.close();
  io.out('Dropsign stopped.\n');
  return 0;
}

/** The first screen: the address to open, where the local bucket is, and commands that upload to it and make a link. */
async function welcome(dataDir: string, bucket: LocalBucketStatus | undefined, address: readonly string[]): Promise<string> {
  const head = ['Dropsign is running in browser mode.', '', ...address, ''];
  if (bucket?.kind !== 'running') {
    const why = bucket?.kind === 'failed' ? `the local bucket did not start: ${bucket.error.message}` : 'the local bucket is off';
    return [...head, `Uploads need a cloud profile (${why}).`, 'Press Ctrl+C to stop.', ''].join('\n');
  }
  const { credentials, keysFile } = await localKeys(dataDir);
  const target = `--endpoint ${bucket.endpoint} --style path --bucket ${bucket.bucket} --region ${EMBEDDED_REGION}`;
  const readSecret = `"$(node -p 'require(process.argv[1]).accessKeySecret' ${shellQuote(keysFile)})"`;
  return [
    ...head,
    'With no cloud account configured yet, uploads go to the local bucket:',
    '',
    `  Endpoint  ${bucket.endpoint} (path style)${bucket.preferredPortTaken ? '  [the usual port was taken]' : ''}`,
    `  Bucket    ${bucket.bucket}`,
    `  Region    ${EMBEDDED_REGION}`,
    `  Key id    ${credentials.accessKeyId}`,
    `  Secret    in ${keysFile} (readable by you only)`,
    '',
    'Try it from another terminal in this folder:',
    '',
    `  export OSS_ACCESS_KEY_ID=${credentials.accessKeyId} OSS_ACCESS_KEY_SECRET=${readSecret}`,
    `  echo 'hello from Dropsign' > hello.txt`,
    `  npx dropsign sign --method PUT ${target} --key hello.txt --header 'Content-Type: text/plain' --curl hello.txt | sh`,
    `  curl -s "$(npx dropsign sign --method GET ${target} --key hello.txt --expires 3600)"`,
    '',
    'The last command prints the file through a link valid for an hour: that is the link you would share.',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}
