/**
 * The share link made for a finished upload: a presigned GET (signed like every request, with the
 * destination's learnt clock offset), a public URL from a template (public buckets, CDNs), or none.
 */
import { DropsignError } from '../../../shared/errors.js';
import type { PresignResult } from '../../../shared/signing.js';
import type { ShareLink } from '../../../shared/transfer.js';
import type { LinkOption } from './engine-types.js';

const PLACEHOLDER = /\{([^{}]*)\}/g;
const KNOWN = new Set(['key', 'bucket']);

/** Percent-encodes each `/`-separated segment of a key, keeping the slashes (as browsers and CDNs expect). */
export function encodeKeyForUrl(key: string): string {
  return key
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/**
 * Checks a public URL template: http(s), with `{key}`, and no placeholder but `{key}` and `{bucket}`.
 * Throws `invalid-argument` saying what is wrong.
 */
export function validatePublicUrlTemplate(template: string): void {
  const hint = 'Use a template such as https://cdn.example.com/{key} or https://{bucket}.example.com/{key}.';
  if (!/^https?:\/\/[^/{}\s]|^https?:\/\/\{bucket\}/.test(template)) {
    throw new DropsignError('invalid-argument', `The public URL template ${JSON.stringify(template)} does not start with http:// or https:// and a host.`, hint);
  }
  const names = [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
  const unknown = names.find((name) => !KNOWN.has(name));
  if (unknown !== undefined) {
    throw new DropsignError('invalid-argument', `The public URL template has an unknown placeholder {${unknown}}; only {key} and {bucket} are known.`, hint);
  }
  if (!names.includes('key')) {
    throw new DropsignError('invalid-argument', 'The public URL template has no {key}, so every file would get the same link.', hint);
  }
}

/** Fills a public URL template: `{key}` encoded per segment, `{bucket}` as it is (bucket names are URL-safe). */
export function renderPublicUrl(template: string, key: string, bucket: string): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (name === 'key' ? encodeKeyForUrl(key) : name === 'bucket' ? bucket : whole));
}

/**
 * The link for `key`: `signGet(key, seconds)` signs the presigned kind. Throws what the signer throws
 * (the caller decides whether a link failure spoils the upload; the engine does not let it).
 */
export function makeShareLink(
  option: LinkOption,
  key: string,
  bucket: string,
  signGet: (key: string, expiresInSeconds: number) => PresignResult,
): ShareLink | undefined {
  switch (option.kind) {
    case 'none':
      return undefined;
    case 'public':
      return { kind: 'public', url: renderPublicUrl(option.urlTemplate, key, bucket) };
    case 'presigned': {
      const signed = signGet(key, option.expiresInSeconds);
      return { kind: 'presigned', url: signed.url, expiresAt: signed.expiresAt };
    }
  }
}
