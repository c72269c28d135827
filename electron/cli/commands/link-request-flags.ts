/**
 * The flags of `dropsign link put|get KEY` turned into a link request: validity, the headers an upload
 * link locks (Content-Type, no-overwrite, storage class, metadata), the download options (version,
 * processing) and the OSS upload callback. A flag that does not fit the method is refused naming it.
 * (The drop page's flags, `--page` and `--page-language`, are read in link-drop-page.ts.)
 */
import { DropsignError } from '../../shared/errors.js';
import { CALLBACK_BODY_TYPES, type LinkCallback, type LinkMetadata, type LinkMethod, type LinkRequest } from '../../shared/ipc/link-types.js';
import { DESTINATION_FLAGS } from '../destination-flags.js';
import { parseDurationSeconds } from '../duration.js';
import type { FlagValues } from '../parse-args.js';

/** The flags of `link put` and `link get`. */
export const LINK_SIGN_FLAGS = {
  ...DESTINATION_FLAGS,
  expires: { type: 'string' },
  'content-type': { type: 'string' },
  'forbid-overwrite': { type: 'boolean' },
  'storage-class': { type: 'string' },
  meta: { type: 'string', multiple: true },
  'version-id': { type: 'string' },
  process: { type: 'string' },
  'callback-url': { type: 'string' },
  'callback-body': { type: 'string' },
  'callback-body-type': { type: 'string' },
  'callback-host': { type: 'string' },
  file: { type: 'string' },
  page: { type: 'string' },
  'page-language': { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** Parsed flags of `link put` and `link get`. */
export type LinkSignFlagValues = FlagValues<typeof LINK_SIGN_FLAGS>;

const PUT_ONLY = ['content-type', 'forbid-overwrite', 'storage-class', 'meta', 'callback-url', 'callback-body', 'callback-body-type', 'callback-host', 'page', 'page-language'] as const;
const GET_ONLY = ['version-id', 'process'] as const;

/** Metadata names as OSS and S3 accept them in a signed header (after lower-casing). */
const META_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

function refuseForeignFlags(method: LinkMethod, flags: LinkSignFlagValues): void {
  const foreign = method === 'PUT' ? GET_ONLY : PUT_ONLY;
  const given = foreign.find((flag) => flags[flag] !== undefined);
  if (given === undefined) return;
  throw new DropsignError(
    'invalid-argument',
    `--${given} does not apply to ${method === 'PUT' ? 'upload (PUT)' : 'download (GET)'} links.`,
    method === 'PUT' ? 'It is for `dropsign link get`.' : 'It is for `dropsign link put`.',
    { flag: given },
  );
}

function metadata(values: readonly string[]): LinkMetadata[] {
  return values.map((item) => {
    const eq = item.indexOf('=');
    const name = (eq < 0 ? item : item.slice(0, eq)).trim().toLowerCase();
    if (eq < 0 || !META_NAME.test(name)) {
      throw new DropsignError(
        'invalid-argument',
        `--meta must be name=value with a name of letters, digits and "-"; got ${JSON.stringify(item)}.`,
        'For example --meta project=apollo (sent as x-oss-meta-project).',
        { flag: 'meta' },
      );
    }
    return { name, value: item.slice(eq + 1) };
  });
}

function callback(flags: LinkSignFlagValues): LinkCallback | undefined {
  const url = flags['callback-url'];
  const body = flags['callback-body'];
  const rest = flags['callback-body-type'] ?? flags['callback-host'];
  if (url === undefined && body === undefined && rest === undefined) return undefined;
  if (url === undefined || body === undefined) {
    const missing = url === undefined ? 'callback-url' : 'callback-body';
    throw new DropsignError('missing-argument', `An upload callback needs --${missing} too.`, 'Give both --callback-url and --callback-body.', { flag: missing });
  }
  const bodyType = flags['callback-body-type'];
  const type = bodyType === undefined ? undefined : CALLBACK_BODY_TYPES.find((candidate) => candidate === bodyType);
  if (bodyType !== undefined && type === undefined) {
    throw new DropsignError('invalid-argument', `--callback-body-type must be one of ${CALLBACK_BODY_TYPES.join(', ')}.`, 'Leave it out for the form encoding.', {
      flag: 'callback-body-type',
    });
  }
  return { url, body, ...(type === undefined ? {} : { bodyType: type }), ...(flags['callback-host'] === undefined ? {} : { host: flags['callback-host'] }) };
}

/** The link request of `method` for `key` (the profile is resolved separately). */
export function linkRequestFromFlags(method: LinkMethod, key: string, flags: LinkSignFlagValues): LinkRequest {
  refuseForeignFlags(method, flags);
  const meta = flags.meta ?? [];
  const upload = callback(flags);
  return {
    method,
    key,
    ...(flags.expires === undefined ? {} : { expiresInSeconds: parseDurationSeconds(flags.expires, '--expires') }),
    ...(flags['content-type'] === undefined ? {} : { contentType: flags['content-type'] }),
    ...(flags['forbid-overwrite'] === true ? { forbidOverwrite: true } : {}),
    ...(flags['storage-class'] === undefined ? {} : { storageClass: flags['storage-class'] }),
    ...(meta.length === 0 ? {} : { metadata: metadata(meta) }),
    ...(flags['version-id'] === undefined ? {} : { versionId: flags['version-id'] }),
    ...(flags.process === undefined ? {} : { process: flags.process }),
    ...(flags.file === undefined ? {} : { fileName: flags.file }),
    ...(upload === undefined ? {} : { callback: upload }),
  };
}
