/**
 * `dropsign upload PATH...`: uploads files and folders through presigned URLs with the transfer engine, shows
 * live progress on a terminal, and reports every file (a table, or one JSON object per file and a summary
 * with `--json`). Exits 1 when any file failed, after uploading all the others.
 *
 * Interrupted with Ctrl+C, it saves what it was doing; the same command run again resumes it (finished parts
 * of big files are not sent again). Its queue lives in the app data directory under cli/, one folder per
 * destination, so separate commands never pick up each other's files.
 */
import path from 'node:path';
import { createProxyAgentProvider } from '../../core/net/proxy.js';
import { linkOutlivesToken } from '../../core/profiles/sts-expiry.js';
import { presign } from '../../core/signing/presign.js';
import { destinationId } from '../../core/transfer/engine/destination.js';
import { createTransferEngine, nodeEngineFs, type Destination, type DestinationDescriptor, type TransferEngine } from '../../core/transfer/engine/index.js';
import { createAgentPool, createHttpObjectApi } from '../../core/transfer/http/index.js';
import { createSyncWhileFastAccess } from '../../core/transfer/sync-while-fast.js';
import type { Credentials } from '../../shared/signing.js';
import { isFinalState, type TransferEvent, type TransferView } from '../../shared/transfer.js';
import { DESTINATION_USAGE, resolveDestinationFromFlags } from '../destination-flags.js';
import { refuseCredentialFlags } from '../env-credentials.js';
import type { CliCommand, CliIo, ExitCode } from '../io.js';
import { DEFAULT_PROFILE_CLI_DEPS, dataDirFor, openProfileCli, type ProfileCli, type ProfileCliDeps } from '../profile-cli-context.js';
import { reportProfileError } from '../profile-error-report.js';
import { untilStopped } from '../until-stopped.js';
import { ProgressDisplay } from '../upload/progress-display.js';
import { parseUploadArgs, uploadLinkOption, UPLOAD_DEFAULTS, type UploadRequest } from '../upload/upload-flags.js';
import { problemRecord, summarize, summaryTable, transferRecord, type FileRecord } from '../upload/upload-report.js';

const USAGE = `Usage: dropsign upload PATH... [--profile NAME | --endpoint URL --bucket BUCKET] [OPTIONS]

Uploads files and folders (a folder keeps its structure under the prefix) through presigned URLs: in parallel,
big files in parts, every byte checked (CRC-64 on OSS, MD5 on S3), faults retried, and a share link per file.

Destination (a profile, or these; explicit options override the profile's fields):
  --endpoint URL          https://oss-cn-hangzhou.aliyuncs.com, http://127.0.0.1:9000, a custom domain...
  --bucket NAME
  --region ID             bare region id (cn-hangzhou); required by oss-v4 and s3-v4
  --style S               virtual-hosted (default) | path | cname
  --scheme S              oss-v4 (default) | oss-v1 | s3-v4
  --prefix P              key prefix (joined with one "/"; default: the profile's)
  --key-template T        default {path}; also {name} {base} {ext} {dir} {date} {time} {uuid} {sha256:8}...
  --if-exists P           overwrite (default) | skip | rename | fail

${DESTINATION_USAGE}  With no profile, no default profile and no --endpoint, files go to the built-in local
  profile: the embedded local bucket that \`npm start\` (dropsign start) runs.

Transfer:
  --concurrency N         files at once, 1..32 (default 4)
  --multipart-threshold S files larger than this go in parts (default 64MB)
  --part-size S           part size (default 8MB, grown for huge files)

Share links and output:
  --link-expires D        presigned GET link validity (default 1h; 90s, 15m, 7d...)
  --public-url T          public links instead, e.g. https://cdn.example.com/{key}
  --no-link               no links
  --json                  one JSON object per file, then a summary object

Credentials come from the profile's secret store (the OS keychain), or without a profile from the
environment: OSS_ACCESS_KEY_ID, OSS_ACCESS_KEY_SECRET [, OSS_SESSION_TOKEN], or AWS_ACCESS_KEY_ID,
AWS_SECRET_ACCESS_KEY [, AWS_SESSION_TOKEN] for s3-v4. HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured.

Examples:
  dropsign upload ./photos --profile prod --prefix 2026/trip --if-exists skip
  dropsign upload ./photos --no-profile --endpoint https://oss-cn-hangzhou.aliyuncs.com --bucket my-bucket \\
    --region cn-hangzhou --prefix 2026/trip --if-exists skip
  dropsign upload big.iso --endpoint http://127.0.0.1:47110 --style path --bucket dropsign \\
    --region cn-hangzhou --link-expires 7d --json
`;

/** `dropsign upload` with injectable profile edges (tests pass a memory keychain). */
export function createUploadCommand(deps: ProfileCliDeps = DEFAULT_PROFILE_CLI_DEPS): CliCommand {
  return {
    usage: USAGE,
    run: (args, io) =>
      untilStopped(async (stop) => {
        const cli = openProfileCli(io, deps);
        try {
          return await runUpload(args, io, cli, stop);
        } catch (error) {
          // Whatever went wrong, the report holds no secret (environment or profile) and stays on one line.
          return reportProfileError(error, io, cli.seenSecrets);
        }
      }),
  };
}

/** `dropsign upload`. */
export const uploadCommand: CliCommand = createUploadCommand();

/** Runs the upload; `stop` (Ctrl+C) saves the queue and ends early. */
async function runUpload(args: readonly string[], io: CliIo, cli: ProfileCli, stop: AbortSignal): Promise<ExitCode> {
  refuseCredentialFlags(args);
  const request = parseUploadArgs(args);
  const resolved = await resolveDestinationFromFlags(request.flags, cli, { fallback: 'local-profile' });
  const { securityTokenExpiresAt, ...credentials } = resolved.credentials;
  const descriptor: DestinationDescriptor = {
    scheme: resolved.scheme,
    endpoint: resolved.endpoint,
    style: resolved.style,
    bucket: resolved.bucket,
    ...(resolved.region === undefined ? {} : { region: resolved.region }),
    prefix: request.flags.prefix ?? resolved.keyPrefix,
    keyTemplate: request.flags['key-template'] ?? resolved.keyTemplate ?? UPLOAD_DEFAULTS.keyTemplate,
    ifExists: request.ifExists,
    link: uploadLinkOption(request, resolved),
    ...(resolved.source.kind === 'profile' ? { profile: resolved.source.name } : {}),
  };
  // Signing a probe validates the endpoint, bucket, region and scheme before anything is scanned.
  const probe = presign(credentials, { ...descriptor, method: 'PUT', key: 'probe', expiresInSeconds: 60 }, { now: io.now });
  if (descriptor.link.kind === 'presigned') {
    const linkExpiresAt = new Date(Date.parse(probe.signedAt) + descriptor.link.expiresInSeconds * 1000).toISOString();
    const outlives = linkOutlivesToken(linkExpiresAt, securityTokenExpiresAt);
    if (outlives !== undefined) io.err(`dropsign: warning: ${outlives}\n`);
  }
  return uploadWith(request, descriptor, credentials, io, stop);
}

async function uploadWith(
  request: UploadRequest,
  descriptor: DestinationDescriptor,
  credentials: Credentials,
  io: CliIo,
  stop: AbortSignal,
): Promise<ExitCode> {
  const started = io.now();
  const destination: Destination = { ...descriptor, credentials: () => Promise.resolve(credentials) };
  const stateDir = path.join(dataDirFor(io), 'cli', destinationId(descriptor));
  const agents = createProxyAgentProvider({ env: io.env, direct: createAgentPool() });
  // No window to keep responsive here: small files are looked at and read in place while the disk is fast.
  const files = createSyncWhileFastAccess();
  const objectApi = createHttpObjectApi({ provider: descriptor.scheme === 's3-v4' ? 's3' : 'oss', agents, readWhole: files.readWhole });
  const engine: TransferEngine = await createTransferEngine({
    objectApi,
    stateDir,
    fs: { ...nodeEngineFs, scan: files.scan },
    settings: request.settings,
    credentialsFor: () => destination.credentials,
  });
  const display = new ProgressDisplay(process.stderr);
  // Views kept from the engine's own events (seeded with what a previous run left), so reporting a finished
  // file is O(1) instead of a snapshot and a search per file, which is quadratic over a 100,000-file queue.
  const views = new Map<string, TransferView>(engine.snapshot().transfers.map((view) => [view.id, view]));
  const finished = new Set<string>();
  const onEvent = (event: TransferEvent): void => {
    display.event(event);
    if (event.kind === 'added') views.set(event.transfer.id, event.transfer);
    if (!request.json || event.kind !== 'state' || !isFinalState(event.state) || finished.has(event.id)) return;
    finished.add(event.id);
    const view = views.get(event.id);
    if (view !== undefined) io.out(`${JSON.stringify(transferRecord({ ...view, key: event.key, state: event.state }))}\n`);
  };
  const unsubscribe = [engine.onEvent(onEvent), engine.onProgress((batch) => display.progress(batch))];
  const onStop = (): void => void engine.close();
  stop.addEventListener('abort', onStop, { once: true });
  let records: FileRecord[];
  try {
    if (engine.snapshot().transfers.length > 0 && !request.json) {
      io.err(`Resuming ${engine.snapshot().transfers.length} unfinished upload(s) from an earlier run.\n`);
    }
    engine.resume();
    const enqueued = await engine.enqueue(request.paths, destination);
    const problems = enqueued.problems.map((p) => problemRecord(p.path, p.error));
    if (request.json) for (const record of problems) io.out(`${JSON.stringify(record)}\n`);
    await engine.whenIdle();
    records = [...engine.snapshot().transfers.map(transferRecord), ...problems];
  } finally {
    stop.removeEventListener('abort', onStop);
    unsubscribe.forEach((off) => off());
    display.stop();
    await engine.close();
    objectApi.close();
    agents.destroy();
  }
  const summary = summarize(records, (io.now() - started) / 1000);
  if (request.json) io.out(`${JSON.stringify(summary)}\n`);
  else io.out(summaryTable(records, summary));
  if (stop.aborted) {
    io.err('Stopped. Run the same command again to resume where it left off.\n');
    return 1;
  }
  return summary.failed > 0 ? 1 : 0;
}
