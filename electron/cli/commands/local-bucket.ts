/**
 * `dropsign local-bucket`: runs the embedded OSS-compatible server until SIGINT or SIGTERM.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadOrCreateKeysFile, startLocalBucket, verifySignature, type CorsRule, type FaultOptions } from '../../core/local-bucket/index.js';
import { DropsignError } from '../../shared/errors.js';
import type { CliCommand, CliIo, ExitCode } from '../io.js';

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
  summary: 'Run a local OSS-compatible bucket server (no cloud account needed).',
  usage: USAGE,
  run: async (args, io) => {
    const stop = new AbortController();
    const onSignal = (): void => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      return await runLocalBucket(args, io, stop.signal);
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  },
};

/** Runs the command until `stopSignal` aborts. For testing: the signal stands in for SIGINT/SIGTERM. */
export async function runLocalBucket(args: readonly string[], io: CliIo, stopSignal: AbortSignal): Promise<ExitCode> {
  const flags = parseFlags(args);
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
  await new Promise<void>((resolve) => {
    if (stopSignal.aborted) resolve();
    else stopSignal.addEventListener('abort', () => resolve(), { once: true });
  });
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

function parseFlags(args: readonly string[]): Flags {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
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
      },
    }));
  } catch (error) {
    throw new DropsignError('invalid-argument', (error as Error).message, 'Run `dropsign local-bucket --help` for the options.');
  }
  const dataDir = values['data-dir'];
  if (dataDir === undefined || dataDir === '') {
    throw new DropsignError('missing-argument', 'The --data-dir option is required.', 'Pass --data-dir DIR, where objects are stored.');
  }
  const region = values.region ?? 'cn-hangzhou';
  if (!/^[a-z0-9-]+$/.test(region) || region.startsWith('oss-')) {
    throw new DropsignError('invalid-region', `"${region}" is not a bare region id.`, 'Use an id such as cn-hangzhou (without the "oss-" prefix).');
  }
  const faults: FaultOptions = {
    ...optionalNumber(values['fail-rate'], '--fail-rate', 0, 1, 'failRate'),
    ...optionalNumber(values['reset-rate'], '--reset-rate', 0, 1, 'resetRate'),
    ...optionalNumber(values.latency, '--latency', 0, 3_600_000, 'latencyMs'),
    ...optionalNumber(values['clock-offset'], '--clock-offset', -31_536_000, 31_536_000, 'clockOffsetSeconds'),
  };
  const port = values.port === undefined ? 0 : parseNumber(values.port, '--port', 0, 65_535);
  if (!Number.isInteger(port)) throw new DropsignError('invalid-argument', `--port ${values.port} is not an integer.`, 'Use 0..65535.');
  return {
    dataDir,
    host: values.host ?? '127.0.0.1',
    port,
    buckets: values.bucket ?? [],
    region,
    accessKeyId: values['access-key-id'],
    secretEnv: values['access-key-secret-env'],
    corsOrigins: values['cors-origin'] ?? [],
    faults,
    allowNonLoopback: values['allow-non-loopback'] ?? false,
    json: values.json ?? false,
  };
}

function optionalNumber<K extends keyof FaultOptions>(
  text: string | undefined,
  flag: string,
  min: number,
  max: number,
  key: K,
): Partial<Record<K, number>> {
  if (text === undefined) return {};
  return { [key]: parseNumber(text, flag, min, max) } as Partial<Record<K, number>>;
}

function parseNumber(text: string, flag: string, min: number, max: number): number {
  const value = /^-?[0-9]+(\.[0-9]+)?$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max)) {
    throw new DropsignError('invalid-argument', `${flag} ${text} is not a number from ${min} to ${max}.`, `Give ${flag} a number from ${min} to ${max}.`);
  }
  return value;
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
