/**
 * The flags of `dropsign upload` and what they mean to the engine. The destination itself (profile, default
 * profile, the built-in `local` profile, or the flags with environment credentials) is resolved by
 * destination-flags.ts; this module reads the rest: key layout, policies, transfer settings and links.
 */
import { DropsignError } from '../../shared/errors.js';
import { EXISTING_OBJECT_POLICIES, type ExistingObjectPolicy } from '../../shared/transfer.js';
import type { EngineSettings, LinkOption } from '../../core/transfer/engine/engine-types.js';
import { DESTINATION_FLAGS, type DestinationFlagValues, type ResolvedDestination } from '../destination-flags.js';
import { parseDurationSeconds } from '../duration.js';
import { parseNumberFlag } from '../number-flag.js';
import { parseCommandLine, type FlagValues } from '../parse-args.js';
import { parseSizeFlag } from '../size-flag.js';

/** The flags, by long name: the shared destination flags plus upload's own. */
export const UPLOAD_FLAGS = {
  ...DESTINATION_FLAGS,
  prefix: { type: 'string' },
  'key-template': { type: 'string' },
  concurrency: { type: 'string' },
  'multipart-threshold': { type: 'string' },
  'part-size': { type: 'string' },
  'if-exists': { type: 'string' },
  'link-expires': { type: 'string' },
  'public-url': { type: 'string' },
  'no-link': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** Defaults: the file's relative path as the key, and overwrite, as OSS does. */
export const UPLOAD_DEFAULTS = { keyTemplate: '{path}', ifExists: 'overwrite' } as const;

/** Everything the command line said, before the destination is resolved. */
export interface UploadRequest {
  readonly paths: readonly string[];
  readonly flags: FlagValues<typeof UPLOAD_FLAGS> & DestinationFlagValues;
  readonly ifExists: ExistingObjectPolicy;
  readonly settings: EngineSettings;
  readonly json: boolean;
}

/** Parses `dropsign upload PATH... FLAGS`; throws one-line DropsignErrors. */
export function parseUploadArgs(args: readonly string[]): UploadRequest {
  const { flags, positionals } = parseCommandLine(args, { command: 'upload', flags: UPLOAD_FLAGS, positionals: true });
  if (positionals.length === 0) {
    throw new DropsignError('missing-argument', 'No files or folders to upload.', 'Name them first: dropsign upload PATH... [--profile NAME].');
  }
  const ifExists = oneOf(flags['if-exists'] ?? UPLOAD_DEFAULTS.ifExists, EXISTING_OBJECT_POLICIES, 'if-exists') as ExistingObjectPolicy;
  // Checked now, so a bad link flag is refused before any profile or keychain is read.
  linkOption(flags, 3600);
  const concurrency = flags.concurrency === undefined ? undefined : parseNumberFlag(flags.concurrency, 'concurrency', { min: 1, max: 32, integer: true });
  const threshold = flags['multipart-threshold'] === undefined ? undefined : parseSizeFlag(flags['multipart-threshold'], 'multipart-threshold');
  const partSize = flags['part-size'] === undefined ? undefined : parseSizeFlag(flags['part-size'], 'part-size');
  return {
    paths: positionals,
    flags,
    ifExists,
    settings: {
      ...(concurrency === undefined ? {} : { concurrency }),
      ...(threshold === undefined ? {} : { multipartThreshold: threshold }),
      ...(partSize === undefined ? {} : { partSize }),
    },
    json: flags.json === true,
  };
}

/** The share link: the flags' choice, else the destination's public URL template, else presigned for its expiry. */
export function uploadLinkOption(request: UploadRequest, destination: ResolvedDestination): LinkOption {
  const fromFlags = linkOption(request.flags, destination.linkExpirySeconds);
  if (request.flags['link-expires'] === undefined && request.flags['no-link'] !== true && destination.publicUrlTemplate !== undefined) {
    return { kind: 'public', urlTemplate: destination.publicUrlTemplate };
  }
  return fromFlags;
}

function linkOption(flags: UploadRequest['flags'], defaultExpirySeconds: number): LinkOption {
  const expires = flags['link-expires'];
  const publicUrl = flags['public-url'];
  const none = flags['no-link'] === true;
  const given = [expires !== undefined, publicUrl !== undefined, none].filter(Boolean).length;
  if (given > 1) {
    throw new DropsignError('invalid-argument', '--link-expires, --public-url and --no-link exclude each other.', 'Choose one kind of share link.');
  }
  if (none) return { kind: 'none' };
  if (publicUrl !== undefined) return { kind: 'public', urlTemplate: publicUrl };
  return { kind: 'presigned', expiresInSeconds: expires === undefined ? defaultExpirySeconds : parseDurationSeconds(expires, 'link-expires') };
}

function oneOf(value: string, allowed: readonly string[], flag: string): string {
  if (allowed.includes(value)) return value;
  throw new DropsignError('invalid-argument', `--${flag} ${JSON.stringify(value)} is not one of ${allowed.join(', ')}.`, `Use --${flag} ${allowed.join('|')}.`, { flag });
}
