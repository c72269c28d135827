/**
 * The flags of `dropsign upload` and what they mean to the engine: a destination descriptor (no secrets)
 * and engine settings.
 */
import { DropsignError } from '../../shared/errors.js';
import { ADDRESSING_STYLES, SIGNING_SCHEMES, type AddressingStyle, type SigningScheme } from '../../shared/signing.js';
import { EXISTING_OBJECT_POLICIES, type ExistingObjectPolicy } from '../../shared/transfer.js';
import type { DestinationDescriptor, EngineSettings, LinkOption } from '../../core/transfer/engine/engine-types.js';
import { parseDurationSeconds } from '../duration.js';
import { parseNumberFlag } from '../number-flag.js';
import { parseCommandLine } from '../parse-args.js';
import { parseSizeFlag } from '../size-flag.js';

/** The flags, by long name. */
export const UPLOAD_FLAGS = {
  endpoint: { type: 'string' },
  bucket: { type: 'string' },
  region: { type: 'string' },
  style: { type: 'string' },
  scheme: { type: 'string' },
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

/** Defaults: OSS V4, virtual-hosted, the file's relative path as the key, overwrite as OSS does, 1-hour links. */
export const UPLOAD_DEFAULTS = {
  scheme: 'oss-v4',
  style: 'virtual-hosted',
  keyTemplate: '{path}',
  ifExists: 'overwrite',
  linkExpiresInSeconds: 3600,
} as const;

/** Everything the command line said. */
export interface UploadRequest {
  readonly paths: readonly string[];
  readonly destination: DestinationDescriptor;
  readonly settings: EngineSettings;
  readonly json: boolean;
}

/** Parses `dropsign upload PATH... FLAGS`; throws one-line DropsignErrors. */
export function parseUploadArgs(args: readonly string[]): UploadRequest {
  const { flags, positionals } = parseCommandLine(args, {
    command: 'upload',
    flags: UPLOAD_FLAGS,
    required: ['endpoint', 'bucket'],
    positionals: true,
  });
  if (positionals.length === 0) {
    throw new DropsignError('missing-argument', 'No files or folders to upload.', 'Name them first: dropsign upload PATH... --endpoint URL --bucket B.');
  }
  const scheme = oneOf(flags.scheme ?? UPLOAD_DEFAULTS.scheme, SIGNING_SCHEMES, 'scheme') as SigningScheme;
  const style = oneOf(flags.style ?? UPLOAD_DEFAULTS.style, ADDRESSING_STYLES, 'style') as AddressingStyle;
  const ifExists = oneOf(flags['if-exists'] ?? UPLOAD_DEFAULTS.ifExists, EXISTING_OBJECT_POLICIES, 'if-exists') as ExistingObjectPolicy;
  const destination: DestinationDescriptor = {
    scheme,
    endpoint: flags.endpoint ?? '',
    style,
    bucket: flags.bucket ?? '',
    ...(flags.region === undefined ? {} : { region: flags.region }),
    prefix: flags.prefix ?? '',
    keyTemplate: flags['key-template'] ?? UPLOAD_DEFAULTS.keyTemplate,
    ifExists,
    link: linkOption(flags['link-expires'], flags['public-url'], flags['no-link'] === true),
  };
  const concurrency = flags.concurrency === undefined ? undefined : parseNumberFlag(flags.concurrency, 'concurrency', { min: 1, max: 32, integer: true });
  const threshold = flags['multipart-threshold'] === undefined ? undefined : parseSizeFlag(flags['multipart-threshold'], 'multipart-threshold');
  const partSize = flags['part-size'] === undefined ? undefined : parseSizeFlag(flags['part-size'], 'part-size');
  return {
    paths: positionals,
    destination,
    settings: {
      ...(concurrency === undefined ? {} : { concurrency }),
      ...(threshold === undefined ? {} : { multipartThreshold: threshold }),
      ...(partSize === undefined ? {} : { partSize }),
    },
    json: flags.json === true,
  };
}

function linkOption(expires: string | undefined, publicUrl: string | undefined, none: boolean): LinkOption {
  const given = [expires !== undefined, publicUrl !== undefined, none].filter(Boolean).length;
  if (given > 1) {
    throw new DropsignError('invalid-argument', '--link-expires, --public-url and --no-link exclude each other.', 'Choose one kind of share link.');
  }
  if (none) return { kind: 'none' };
  if (publicUrl !== undefined) return { kind: 'public', urlTemplate: publicUrl };
  const seconds = expires === undefined ? UPLOAD_DEFAULTS.linkExpiresInSeconds : parseDurationSeconds(expires, 'link-expires');
  return { kind: 'presigned', expiresInSeconds: seconds };
}

function oneOf(value: string, allowed: readonly string[], flag: string): string {
  if (allowed.includes(value)) return value;
  throw new DropsignError('invalid-argument', `--${flag} ${JSON.stringify(value)} is not one of ${allowed.join(', ')}.`, `Use --${flag} ${allowed.join('|')}.`, { flag });
}
