/**
 * `dropsign local-bucket`: runs the embedded OSS-compatible server until SIGINT or SIGTERM.
 */
import path from 'node:path';
import { validateRegion } from '../../core/signing/validate-region.js';
import { parseFlags } from '../parse-args.js';
import { parseNumberFlag, type NumberRange } from '../number-flag.js';
import { loadOrCreateKeysFile, startLocalBucket, verifySignature, type CorsRule, type FaultOptions } from '../../core/local-bucket/index.js';
import { DropsignError } from '../../shared/errors.js';
import type { CliCommand, CliIo, ExitCode } from '../io.js';
import { untilStopped, whenAborted } from '../until-stopped.js';

const USAGE = `Usage: dropsign local-bucket --data-dir DIR [options]

Runs a local OSS-compatible bucket server (path-style http://HOST:PORT/BUCKET/KEY, or virtual-hosted
http://BUCKET.localhost:PORT/KEY) until interrupted with Ctrl+C (SIGINT) or SIGTERM.

Options:
  --data-dir DIR               where buckets and objects are stored (required)
  --host HOST                  interface to listen on (default 127.0.0.1; loopback only unless
                               --allow-non-loopback)
  --port PORT                  TCP port (default 0: any free port)
  --bucket NAME                bucket to create if missing (repeatable)
  --region ID                  region id reported to clients (default cn-hangzhou)
  --access-key-id ID           access key id clients sign with
  --access-key-secret-env VAR  environment variable holding that key's secret
                               (with neither, a key pair is generated for the data directory and the
                               path of the file holding it is printed)
  --cors-origin ORIGIN         allow browser pages from ORIGIN (repeatable; * matches any run)
  --fail-rate R                answer a fraction R (0..1) of requests with 500 or 503
  --reset-rate R               destroy a fraction R (0..1) of upload connections mid-body
  --latency MS                 add MS milliseconds before every request
  --clock-offset SECONDS       run the server clock shifted by SECONDS (may be negative)
  --allow-non-loopback         allow --host to be reachable from other machines
  --json                       print one JSON line {"endpoint", "region", "buckets", ...} when ready
`;

/** The `local-bucket` command. */
export const localBucketCommand: CliCommand = {
  usage: USAGE,
  run: (args, io) => untilStopped((stop) => runLocalBucket(args, io, stop)),
};

/** Runs the command until `stopSignal` aborts. For testing: the signal stands in for SIGINT/SIGTERM. */
export async function runLocalBucket(args: readonly string[], io: CliIo, stopSignal: AbortSignal): Promise<ExitCode> {
  const flags = readFlags(args);
  const dataDir = path.resolve(io.cwd, flags.dataDir);
  const keys = await resolveKeys(flags, io, dataDir);
  const cors: CorsRule[] =
    flags.corsOrigins.length === 0
      ? []
      : [{ allowedOrigins: flags.corsOrigins, allowedMethods: ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'], allowedHeaders: ['*'] }];
  const handle = await startLocalBucket({
    dataDir,
    host: flags.host,
    allowNonLoopback: flags.allowNonLoopback,
    port: flags.port,
    buckets: flags.buckets,
    region: flags.region,
    accessKeys: new Map([[keys.accessKeyId, keys.accessKeySecret]]),
    authenticate: verifySignature,
    cors,
    faults: flags.faults,
    clock: { now: io.now },
    log: (line) => io.err(`${line}\n`),
  });
  if (flags.json) {
    io.out(
      `${JSON.stringify({
        endpoint: handle.endpoint,
        region: handle.region,
        buckets: handle.buckets,
        accessKeyId: keys.accessKeyId,
        ...(keys.file === undefined ? {} : { keysFile: keys.file }),
      })}\n`,
    );
  } else {
    io.out(`Local bucket ready at ${handle.endpoint} (region ${handle.region}).\n`);
    io.out(`Buckets: ${handle.buckets.length === 0 ? '(none; add one with --bucket NAME)' : handle.buckets.join(', ')}\n`);
    io.out(`Access key id: ${keys.accessKeyId}\n`);
    if (keys.file !== undefined) io.out(`The secret is in ${keys.file} (readable by you only).\n`);
    io.out('Press Ctrl+C to stop.\n');
  }
  await whenAborted(stopSignal);
  await handle.close();
  if (!flags.json) io.out('Local bucket stopped.\n');
  return 0;
}

interface Flags {
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  readonly buckets: readonly string[];
  readonly region: string;
  readonly accessKeyId: string | undefined;
  readonly secretEnv: string | undefined;
  readonly corsOrigins: readonly string[];
  readonly faults: FaultOptions;
  readonly allowNonLoopback: boolean;
  readonly json: boolean;
}

const FLAG_SPECS = {
  'data-dir': { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  bucket: { type: 'string', multiple: true },
  region: { type: 'string' },
  'access-key-id': { type: 'string' },
  'access-key-secret-env': { type: 'string' },
  'cors-origin': { type: 'string', multiple: true },
  'fail-rate': { type: 'string' },
  'reset-rate': { type: 'string' },
  latency: { type: 'string' },
  'clock-offset': { type: 'string' },
  'allow-non-loopback': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** Why 31,536,000: a year in seconds, far past any clock error worth simulating. */
const MAX_CLOCK_OFFSET_SECONDS = 31_536_000;
/** Why 3,600,000: an hour of added latency, far past any client timeout worth testing. */
const MAX_LATENCY_MS = 3_600_000;

function readFlags(args: readonly string[]): Flags {
  const values = parseFlags(args, { command: 'local-bucket', flags: FLAG_SPECS, required: ['data-dir'] });
  const region = values.region ?? 'cn-hangzhou';
  validateRegion(region, 'oss-v4');
  const number = (flag: keyof typeof FLAG_SPECS & string, range: NumberRange): number | undefined => {
    const text = values[flag];
    return typeof text === 'string' ? parseNumberFlag(text, flag, range) : undefined;
  };
  const failRate = number('fail-rate', { min: 0, max: 1 });
  const resetRate = number('reset-rate', { min: 0, max: 1 });
  const latencyMs = number('latency', { min: 0, max: MAX_LATENCY_MS });
  const clockOffsetSeconds = number('clock-offset', { min: -MAX_CLOCK_OFFSET_SECONDS, max: MAX_CLOCK_OFFSET_SECONDS });
  return {
    dataDir: values['data-dir'] ?? '',
    host: values.host ?? '127.0.0.1',
    port: number('port', { min: 0, max: 65_535, integer: true }) ?? 0,
    buckets: values.bucket ?? [],
    region,
    accessKeyId: values['access-key-id'],
    secretEnv: values['access-key-secret-env'],
    corsOrigins: values['cors-origin'] ?? [],
    faults: {
      ...(failRate === undefined ? {} : { failRate }),
      ...(resetRate === undefined ? {} : { resetRate }),
      ...(latencyMs === undefined ? {} : { latencyMs }),
      ...(clockOffsetSeconds === undefined ? {} : { clockOffsetSeconds }),
    },
    allowNonLoopback: values['allow-non-loopback'] ?? false,
    json: values.json ?? false,
  };
}

async function resolveKeys(
  flags: Flags,
  io: CliIo,
  dataDir: string,
): Promise<{ accessKeyId: string; accessKeySecret: string; file?: string }> {
  if (flags.accessKeyId === undefined && flags.secretEnv === undefined) {
    const keys = await loadOrCreateKeysFile(dataDir, io.now).catch((error: unknown) => {
      throw new DropsignError('local-bucket-failed', (error as Error).message, 'Check that the data directory is writable.');
    });
    return { accessKeyId: keys.accessKeyId, accessKeySecret: keys.accessKeySecret, file: keys.path };
  }
  if (flags.accessKeyId === undefined || flags.secretEnv === undefined) {
    throw new DropsignError(
      'missing-argument',
      '--access-key-id and --access-key-secret-env go together.',
      'Pass both, or neither to use a key pair generated for the data directory.',
    );
  }
  const secret = io.env[flags.secretEnv];
  if (secret === undefined || secret === '') {
    throw new DropsignError(
      'missing-credentials',
      `The environment variable ${flags.secretEnv} is not set or empty.`,
      `Export the access key secret as ${flags.secretEnv} before starting the local bucket.`,
    );
  }
  return { accessKeyId: flags.accessKeyId, accessKeySecret: secret };
}
