/**
 * `dropsign unfinished [list | abort]`: the multipart uploads begun in a bucket and never completed. Their
 * parts stay stored (and billed) until aborted; a tool that crashed, or a machine whose app data is gone,
 * can no longer see them. `list` shows them; `abort` deletes the old ones, never those a queue on this
 * machine will resume (see core/unfinished).
 */
import { createProxyAgentProvider } from '../../core/net/proxy.js';
import { createAgentPool } from '../../core/transfer/http/index.js';
import { abortUnfinishedUploads } from '../../core/unfinished/abort-uploads.js';
import { locallyResumableUploadIds } from '../../core/unfinished/local-checkpoints.js';
import type { UnfinishedTarget, UnfinishedUpload } from '../../core/unfinished/unfinished-types.js';
import {
  abortUnfinishedUpload,
  listUnfinishedUploads,
  MAX_LISTED_UPLOADS,
  sizeUploads,
  type UnfinishedListing,
  type UnfinishedOptions,
} from '../../core/unfinished/unfinished-uploads.js';
import { DropsignError, toErrorInfo } from '../../shared/errors.js';
import { DESTINATION_FLAGS, DESTINATION_USAGE, resolveDestinationFromFlags } from '../destination-flags.js';
import { parseDurationSeconds } from '../duration.js';
import { refuseCredentialFlags } from '../env-credentials.js';
import type { CliCommand, CliIo, ExitCode } from '../io.js';
import { parseCommandLine } from '../parse-args.js';
import { formatSize } from '../size-flag.js';
import { DEFAULT_PROFILE_CLI_DEPS, dataDirFor, openProfileCli, type ProfileCli, type ProfileCliDeps } from '../profile-cli-context.js';
import { redactProfileError, reportProfileError } from '../profile-error-report.js';
import { table } from './link-common.js';

/**
 * What `abort` leaves alone unless told otherwise. Why a day: an upload started less than that ago may be
 * running right now on another machine; aborting it would fail that upload.
 */
const DEFAULT_ABORT_AGE = '1d';

const USAGE = `Usage: dropsign unfinished [list] [--prefix P] [--older-than D] [--sizes] [--json] [DESTINATION]
       dropsign unfinished abort [--prefix P] [--older-than D] [--dry-run] [--json] [DESTINATION]
       dropsign unfinished abort --key KEY --upload-id ID [DESTINATION]

Multipart uploads begun in the bucket and never completed or aborted: their parts stay stored (and billed
on OSS and S3) until someone aborts them. list shows them, by key; abort deletes them, parts and all, except:
  - uploads younger than --older-than (default ${DEFAULT_ABORT_AGE}): they may be running elsewhere right now;
  - uploads a queue on this machine will resume (the app's or dropsign upload's): cancel them there.

Options:
  --prefix P              only keys starting with P
  --older-than D          only uploads started longer ago than D (90s, 15m, 12h, 7d)
  --sizes                 list: also the parts each holds and their bytes (one more request per upload;
                          if the server refuses one, the list comes without sizes and the exit status is 1)
  --key KEY --upload-id ID
                          abort exactly this upload, whatever its age
  --dry-run               say what abort would delete, delete nothing
  --json                  one JSON object

Destination (a profile, or these; explicit options override the profile's fields):
  --endpoint URL --bucket NAME --region ID [--style S] [--scheme S]

${DESTINATION_USAGE}  With no profile, no default profile and no --endpoint: the built-in local profile.

Examples:
  dropsign unfinished --profile prod
  dropsign unfinished abort --profile prod --older-than 7d --dry-run
  dropsign unfinished abort --profile prod --key videos/big.mov --upload-id 0004B9895DBBB6EC98E36
`;

const FLAGS = {
  ...DESTINATION_FLAGS,
  prefix: { type: 'string' },
  'older-than': { type: 'string' },
  key: { type: 'string' },
  'upload-id': { type: 'string' },
  'dry-run': { type: 'boolean' },
  sizes: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** An upload as reported: with its age, whether a local queue will resume it, and (`--sizes`) what it holds. */
interface Listed extends UnfinishedUpload {
  readonly ageSeconds: number;
  readonly resumableHere: boolean;
  readonly parts?: number;
  readonly bytes?: number;
}

/**
 * `list --sizes`: the listing with what each upload holds. When the server refuses a request for that (a
 * policy may allow listing uploads but not their parts), the listing stands without the sizes, with why,
 * and the exit status is 1 whatever the error: the run did what it could and failed at one part of it.
 */
async function reportSized(
  target: UnfinishedTarget,
  listing: UnfinishedListing,
  listed: readonly Listed[],
  options: UnfinishedOptions,
  io: CliIo,
  cli: ProfileCli,
  mode: { readonly bucket: string; readonly json: boolean },
): Promise<ExitCode> {
  const sizing = await sizeUploads(target, listed, options);
  if (sizing.kind === 'sized') return report(listing, sizing.uploads, mode.bucket, io, mode.json);
  report(listing, listed, mode.bucket, io, mode.json, redactProfileError(sizing.error, io, cli.seenSecrets));
  if (mode.json) return 1;
  io.err('dropsign: what each upload holds could not be looked up; the list above is complete without it.\n');
  reportProfileError(sizing.error, io, cli.seenSecrets);
  return 1;
}

/** `2026-11-21 08:00` from ISO text. */
function shortTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** `3d 4h`, `5h 12m`, `40m`, `12s`: an age in its two largest units. */
function describeAge(seconds: number): string {
  const units: readonly [string, number][] = [['d', 86_400], ['h', 3600], ['m', 60], ['s', 1]];
  const parts: string[] = [];
  let rest = Math.max(0, Math.floor(seconds));
  for (const [unit, size] of units) {
    if (rest >= size || (unit === 's' && parts.length === 0)) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

async function run(args: readonly string[], io: CliIo, cli: ProfileCli): Promise<ExitCode> {
  refuseCredentialFlags(args);
  const { flags, positionals } = parseCommandLine(args, { command: 'unfinished', flags: FLAGS, positionals: true });
  const [action = 'list', ...extra] = positionals;
  if ((action !== 'list' && action !== 'abort') || extra.length > 0) {
    throw new DropsignError('invalid-argument', `dropsign unfinished takes list or abort; got ${JSON.stringify(positionals.join(' '))}.`, 'Run dropsign unfinished --help for the usage.');
  }
  const exact = flags.key !== undefined || flags['upload-id'] !== undefined;
  if (exact && (flags.key === undefined || flags['upload-id'] === undefined || action !== 'abort')) {
    throw new DropsignError('invalid-argument', '--key and --upload-id go together, with abort.', 'For example: dropsign unfinished abort --key videos/big.mov --upload-id ID.');
  }
  if (exact && (flags.prefix !== undefined || flags['older-than'] !== undefined)) {
    throw new DropsignError('invalid-argument', '--key and --upload-id name one upload; --prefix and --older-than choose among many.', 'Give one or the other.');
  }
  const minAgeSeconds = flags['older-than'] === undefined ? (action === 'abort' ? parseDurationSeconds(DEFAULT_ABORT_AGE, '--older-than') : 0) : parseDurationSeconds(flags['older-than'], '--older-than');
  const resolved = await resolveDestinationFromFlags(flags, cli, { fallback: 'local-profile' });
  const { securityTokenExpiresAt: _expiry, ...credentials } = resolved.credentials;
  const target: UnfinishedTarget = {
    scheme: resolved.scheme,
    endpoint: resolved.endpoint,
    style: resolved.style,
    bucket: resolved.bucket,
    ...(resolved.region === undefined ? {} : { region: resolved.region }),
    credentials,
  };
  const agents = createProxyAgentProvider({ env: io.env, direct: createAgentPool() });
  try {
    const options = { agents, now: io.now };
    if (exact) return await abortOne(target, { key: flags.key ?? '', uploadId: flags['upload-id'] ?? '' }, options, io, flags.json === true);
    const listing = await listUnfinishedUploads(target, flags.prefix ?? '', options);
    const resumable = await locallyResumableUploadIds(dataDirFor(io));
    const now = io.now();
    const listed: Listed[] = listing.uploads
      .map((upload) => ({ ...upload, ageSeconds: Math.round((now - Date.parse(upload.initiatedAt)) / 1000), resumableHere: resumable.has(upload.uploadId) }))
      .filter((upload) => upload.ageSeconds >= minAgeSeconds);
    if (action === 'list') {
      if (flags.sizes !== true) return report(listing, listed, resolved.bucket, io, flags.json === true);
      return await reportSized(target, listing, listed, options, io, cli, { bucket: resolved.bucket, json: flags.json === true });
    }
    if (flags.sizes === true) throw new DropsignError('invalid-argument', '--sizes goes with list.', 'List with sizes first: dropsign unfinished list --sizes.');
    return await abortMany(target, listing, listed, options, io, { dryRun: flags['dry-run'] === true, json: flags.json === true, minAgeSeconds });
  } finally {
    agents.destroy();
  }
}

/**
 * Prints the listing. `sizesError`: why the sizes asked for are missing (JSON says it as `sizesError`; the
 * text form leaves the error line to the caller).
 */
function report(listing: UnfinishedListing, listed: readonly Listed[], bucket: string, io: CliIo, json: boolean, sizesError?: unknown): ExitCode {
  if (json) {
    io.out(`${JSON.stringify({ bucket, uploads: listed, complete: listing.complete, ...(sizesError === undefined ? {} : { sizesError: toErrorInfo(sizesError) }) })}\n`);
    return 0;
  }
  if (listed.length === 0) {
    io.out(`No unfinished uploads in ${bucket}${listing.uploads.length > 0 ? ' that old' : ''}.\n`);
    return 0;
  }
  const sized = listed.every((u) => u.bytes !== undefined);
  const size = (u: Listed): string[] => (sized ? [`${formatSize(u.bytes ?? 0)} in ${u.parts ?? 0}`] : []);
  const rows = [
    ['STARTED (UTC)', 'AGE', ...(sized ? ['PARTS'] : []), 'KEY', 'UPLOAD ID', 'HERE'],
    ...listed.map((u) => [shortTime(u.initiatedAt), describeAge(u.ageSeconds), ...size(u), u.key, u.uploadId, u.resumableHere ? 'resumable' : '']),
  ];
  const more = listing.complete ? '' : ` (the first ${MAX_LISTED_UPLOADS}: narrow with --prefix, or add a lifecycle rule that aborts old uploads)`;
  const holding = sized ? `, holding ${formatSize(listed.reduce((sum, u) => sum + (u.bytes ?? 0), 0))}` : '';
  io.out(`${table(rows)}\n\n${listed.length} unfinished upload${listed.length === 1 ? '' : 's'}${holding}${more}. Delete old ones: dropsign unfinished abort --older-than 7d.\n`);
  return 0;
}

async function abortOne(target: UnfinishedTarget, upload: Pick<UnfinishedUpload, 'key' | 'uploadId'>, options: UnfinishedOptions, io: CliIo, json: boolean): Promise<ExitCode> {
  const outcome = await abortUnfinishedUpload(target, upload, options);
  if (json) io.out(`${JSON.stringify({ ...upload, outcome })}\n`);
  else io.out(outcome === 'aborted' ? `Aborted ${upload.key} (${upload.uploadId}): its parts are deleted.\n` : `Nothing to abort: ${upload.key} (${upload.uploadId}) is no longer in progress.\n`);
  return 0;
}

async function abortMany(
  target: UnfinishedTarget,
  listing: UnfinishedListing,
  listed: readonly Listed[],
  options: UnfinishedOptions,
  io: CliIo,
  mode: { readonly dryRun: boolean; readonly json: boolean; readonly minAgeSeconds: number },
): Promise<ExitCode> {
  const chosen = listed.filter((u) => !u.resumableHere);
  const kept = listed.filter((u) => u.resumableHere);
  const run = mode.dryRun ? { outcomes: [], stopped: false } : await abortUnfinishedUploads(target, chosen, options);
  const aborted = run.outcomes.filter((u) => u.outcome === 'aborted');
  const gone = run.outcomes.filter((u) => u.outcome === 'already-gone');
  const failed = run.outcomes.filter((u) => u.outcome === 'failed');
  const younger = listing.uploads.length - listed.length;
  if (mode.json) {
    io.out(`${JSON.stringify({ dryRun: mode.dryRun, wouldAbort: mode.dryRun ? chosen : undefined, aborted, alreadyGone: gone, keptResumableHere: kept, keptYounger: younger, failed, skipped: run.outcomes.filter((u) => u.outcome === 'skipped').length, complete: listing.complete })}\n`);
  } else {
    const lines: string[] = [];
    if (mode.dryRun) lines.push(chosen.length === 0 ? 'Nothing to abort.' : `Would abort ${chosen.length}:`, ...chosen.map((u) => `  ${u.key}  (${u.uploadId}, ${describeAge(u.ageSeconds)} old)`));
    else lines.push(`Aborted ${aborted.length} unfinished upload${aborted.length === 1 ? '' : 's'}${gone.length > 0 ? `; ${gone.length} had finished or gone meanwhile` : ''}.`);
    if (younger > 0) lines.push(`Left ${younger} started less than ${describeAge(mode.minAgeSeconds)} ago (they may be running elsewhere; --older-than changes this).`);
    if (kept.length > 0) lines.push(`Left ${kept.length} that a queue on this machine will resume: cancel them there.`);
    for (const upload of failed) lines.push(`FAILED ${upload.key} (${upload.uploadId}): ${upload.error.message} [${upload.error.code}]`, `  What to do: ${upload.error.hint}`);
    if (run.stopped) lines.push('Stopped after that refusal: the others would be refused the same way.');
    io.out(`${lines.join('\n')}\n`);
  }
  return failed.length > 0 ? 1 : 0;
}

/** `dropsign unfinished` with injectable profile edges (tests pass a memory keychain). */
export function createUnfinishedCommand(deps: ProfileCliDeps = DEFAULT_PROFILE_CLI_DEPS): CliCommand {
  return {
    usage: USAGE,
    run: async (args, io) => {
      const cli = openProfileCli(io, deps);
      try {
        return await run(args, io, cli);
      } catch (error) {
        return reportProfileError(error, io, cli.seenSecrets);
      }
    },
  };
}

/** `dropsign unfinished`. */
export const unfinishedCommand: CliCommand = createUnfinishedCommand();
