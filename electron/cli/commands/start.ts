/**
 * `dropsign start` (`npm start`): runs Dropsign for a person. With no cloud account configured it serves the
 * embedded local bucket from the app data directory and shows how to upload to it and share a link.
 *
 * The desktop window (Electron) and browser mode will be launched from here; until they exist, the local
 * bucket and the CLI are the product.
 */
import { appDataDir } from '../../core/app-paths.js';
import { EMBEDDED_REGION, startEmbeddedLocalBucket, type EmbeddedLocalBucket } from '../../core/local-bucket/index.js';
import type { CliCommand, CliIo, ExitCode } from '../io.js';
import { parseNumberFlag } from '../number-flag.js';
import { parseFlags } from '../parse-args.js';
import { shellQuote } from '../shell-quote.js';
import { untilStopped, whenAborted } from '../until-stopped.js';

const USAGE = `Usage: dropsign start [--port N]

Starts Dropsign. With no cloud account configured, it serves the embedded local bucket (an OSS-compatible
server on 127.0.0.1 that checks signatures as OSS does) from the app data directory, and prints the commands
to upload a file and share a link. Stop it with Ctrl+C.

Options:
  --port N   Port for the local bucket (default 47110; any free port when that one is taken; 0 = any).

Environment:
  DROPSIGN_DATA_DIR   Use this folder instead of the app data directory.
`;

/** `dropsign start`. */
export const startCommand: CliCommand = {
  summary: 'Start Dropsign (on the embedded local bucket when no account is configured).',
  usage: USAGE,
  run: (args, io) => untilStopped((stop) => runStart(args, io, stop)),
};

/** Runs `start` until `stop` aborts. For testing: the signal stands in for SIGINT/SIGTERM. */
export async function runStart(args: readonly string[], io: CliIo, stop: AbortSignal): Promise<ExitCode> {
  const flags = parseFlags(args, { command: 'start', flags: { port: { type: 'string' } } });
  const port = flags.port === undefined ? undefined : parseNumberFlag(flags.port, 'port', { min: 0, max: 65_535, integer: true });
  const dataDir = appDataDir({ env: io.env, platform: process.platform, home: io.env['HOME'] ?? '' });
  const local = await startEmbeddedLocalBucket(dataDir, { ...(port === undefined ? {} : { port }), now: io.now });
  io.out(welcome(local));
  await whenAborted(stop);
  await local.handle.close();
  io.out('Dropsign stopped.\n');
  return 0;
}

/** The first screen: where the bucket is, and commands that upload a file and make a link to it. */
function welcome(local: EmbeddedLocalBucket): string {
  const endpoint = local.handle.endpoint;
  const target = `--endpoint ${endpoint} --style path --bucket ${local.bucket} --region ${EMBEDDED_REGION}`;
  const readSecret = `"$(node -p 'require(process.argv[1]).accessKeySecret' ${shellQuote(local.keysFile)})"`;
  return [
    'Dropsign is running on its local bucket (no cloud account is configured yet).',
    '',
    `  Endpoint  ${endpoint} (path style)${local.preferredPortTaken ? '  [the usual port was taken]' : ''}`,
    `  Bucket    ${local.bucket}`,
    `  Region    ${EMBEDDED_REGION}`,
    `  Key id    ${local.accessKeyId}`,
    `  Secret    in ${local.keysFile} (readable by you only)`,
    '',
    'Try it from another terminal in this folder:',
    '',
    `  export OSS_ACCESS_KEY_ID=${local.accessKeyId} OSS_ACCESS_KEY_SECRET=${readSecret}`,
    `  echo 'hello from Dropsign' > hello.txt`,
    `  npx dropsign sign --method PUT ${target} --key hello.txt --header 'Content-Type: text/plain' --curl hello.txt | sh`,
    `  curl -s "$(npx dropsign sign --method GET ${target} --key hello.txt --expires 3600)"`,
    '',
    'The last command prints the file through a link valid for an hour: that is the link you would share.',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}
