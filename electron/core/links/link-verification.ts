/**
 * Whether an inspected link's signature holds: re-signed with the secret of each configured profile that
 * has the link's access key id, for GET, PUT and HEAD, at the link's own time and parameters.
 *
 * The values of the headers a link binds are not in the URL. They are known when the link was issued
 * here (the register keeps them), and when the link binds none (an S3 link signing only `host`). An OSS
 * link never names the Content-Type, Content-MD5 and x-oss-* headers it binds, so one made elsewhere
 * that does not verify without headers may bind some: that is `unchecked`, not `invalid`.
 */
import { toErrorInfo } from '../../shared/errors.js';
import type { IssuedLinkView, LinkVerification } from '../../shared/ipc/link-types.js';
import type { HttpMethod } from '../../shared/signing.js';
import type { ResolvedProfile } from '../profiles/resolve-profile.js';
import type { PresignedUrlParts } from './presigned-url.js';
import { signatureHolds, type SignedReading } from './presigned-url-signing.js';

/** The methods a handed-out link is tried for, in this order unless the register says which. */
const METHODS: readonly HttpMethod[] = ['GET', 'PUT', 'HEAD'];

/** What is known of the header values the link binds. */
type HeaderKnowledge =
  | { readonly kind: 'known'; readonly headers: Readonly<Record<string, string>> }
  /** The link names headers whose values are not in the URL. */
  | { readonly kind: 'named'; readonly names: readonly string[] }
  /** OSS: it may bind headers it does not name; tried with none. */
  | { readonly kind: 'assumed-none' };

function headerKnowledge(parts: PresignedUrlParts, entry: IssuedLinkView | undefined): HeaderKnowledge {
  if (entry !== undefined) return { kind: 'known', headers: entry.headers };
  const named = parts.headerNames.filter((name) => name !== 'host');
  if (named.length > 0) return { kind: 'named', names: named };
  return parts.scheme === 's3-v4' ? { kind: 'known', headers: {} } : { kind: 'assumed-none' };
}

/** The bucket and key readings to try with `profile`. */
function targets(parts: PresignedUrlParts, entry: IssuedLinkView | undefined, profile: ResolvedProfile['profile']): { bucket: string | undefined; key: string }[] {
  if (entry !== undefined) return [{ bucket: entry.bucket, key: entry.key }];
  const addressing = parts.addressing;
  if (addressing.style !== 'cname') return [{ bucket: addressing.bucket, key: addressing.key }];
  return [{ bucket: profile.bucket, key: addressing.key }, ...(addressing.asPath === undefined ? [] : [addressing.asPath])];
}

/** The method that verifies with `secret`, if any. */
function matchingMethod(parts: PresignedUrlParts, readings: readonly Omit<SignedReading, 'method'>[], methods: readonly HttpMethod[], secret: string): HttpMethod | undefined {
  for (const method of methods) {
    if (readings.some((reading) => signatureHolds(parts, { ...reading, method }, secret))) return method;
  }
  return undefined;
}

function list(names: readonly string[]): string {
  return names.join(', ');
}

/** The verdict for `parts`, trying each of `candidates` (profiles whose access key id is the link's). */
export async function verifyLink(parts: PresignedUrlParts, candidates: readonly ResolvedProfile[], entry: IssuedLinkView | undefined): Promise<LinkVerification> {
  const first = candidates[0];
  if (first === undefined) return { kind: 'no-profile', accessKeyId: parts.accessKeyId };
  const knowledge = headerKnowledge(parts, entry);
  if (knowledge.kind === 'named') {
    return {
      kind: 'unchecked',
      message: `The link binds the values of ${list(knowledge.names)}, which are not in the URL, and it was not made here, so its signature cannot be checked.`,
    };
  }
  const headers = knowledge.kind === 'known' ? knowledge.headers : {};
  const methods = entry === undefined ? METHODS : [entry.method, ...METHODS.filter((method) => method !== entry.method)];
  const unreadable: string[] = [];
  let tried: ResolvedProfile | undefined;
  for (const candidate of candidates) {
    let secret: string;
    try {
      secret = (await candidate.credentials()).accessKeySecret;
    } catch (error) {
      unreadable.push(`the secret of profile ${JSON.stringify(candidate.profile.name)} could not be read (${toErrorInfo(error).message})`);
      continue;
    }
    tried ??= candidate;
    const readings = targets(parts, entry, candidate.profile).map((target) => ({ ...target, headers }));
    const method = matchingMethod(parts, readings, methods, secret);
    if (method !== undefined) return { kind: 'valid', profile: candidate.profile.name, method };
  }
  if (tried === undefined) return { kind: 'unchecked', message: `The signature could not be checked: ${unreadable.join('; ')}.` };
  if (knowledge.kind === 'assumed-none') {
    return {
      kind: 'unchecked',
      message:
        `The signature does not hold without headers for profile ${JSON.stringify(tried.profile.name)}. OSS links bind the Content-Type, Content-MD5 and ` +
        'x-oss-* headers they were made for without naming them, and this link was not made here, so it may bind some (or it was changed, or signed with another secret).',
    };
  }
  return {
    kind: 'invalid',
    profile: tried.profile.name,
    message: `The signature does not match the one profile ${JSON.stringify(tried.profile.name)} gives for ${methods.join(', ')}: the link was changed after it was signed, or signed with another secret.`,
  };
}
