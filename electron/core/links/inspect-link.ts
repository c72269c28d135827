/**
 * `links:inspect` and `dropsign link inspect`: what a presigned OSS or S3 URL says about itself (scheme,
 * bucket, key, region, access key id, times, the headers and parameters it signs), whether it was issued
 * here, whether its signature holds for a configured profile, and, given the server's error answer, what
 * that answer means.
 *
 * Never shown: the signature, the security token (only that one is present) or any secret.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { IssuedLinkView, LinkInspection } from '../../shared/ipc/link-types.js';
import { KEYS_FILE_NAME } from '../local-bucket/keys-file.js';
import { localBucketDataDir } from '../profiles/local-profile.js';
import { resolveLocalProfile, resolveProfile, type ProfileContext, type ResolvedProfile } from '../profiles/resolve-profile.js';
import { isOssV1SignedParam } from '../signing/oss-v1.js';
import { formatIsoSeconds } from '../signing/time-format.js';
import type { LinkRegister } from './link-register.js';
import { verifyLink } from './link-verification.js';
import { otherSignedParameters, parsePresignedUrl, type PresignedUrlParts } from './presigned-url.js';
import { explainServerAnswer } from './server-answer.js';

/** What inspection reads: the register (was it issued here?) and the profiles (whose key is it?). */
export interface InspectDeps {
  readonly register: Pick<LinkRegister, 'findByUrl'>;
  readonly profiles: ProfileContext;
}

/**
 * The profiles whose access key id is `accessKeyId`: the stored ones (those for the URL's bucket first)
 * and the built-in `local` one when its key file exists (it is not created just to compare).
 */
export async function profilesWithKey(accessKeyId: string, bucket: string | undefined, context: ProfileContext): Promise<ResolvedProfile[]> {
  const stored = (await context.store.read()).profiles.filter((profile) => profile.accessKeyId === accessKeyId);
  stored.sort((a, b) => Number(b.bucket === bucket) - Number(a.bucket === bucket));
  const found: ResolvedProfile[] = await Promise.all(stored.map((profile) => resolveProfile(profile.name, context)));
  const keysFile = path.join(localBucketDataDir(context.appDataDir), KEYS_FILE_NAME);
  const hasLocalKeys = await access(keysFile).then(
    () => true,
    () => false,
  );
  if (hasLocalKeys) {
    const local = await resolveLocalProfile(context.appDataDir, 'name', context.localEndpoint?.());
    if (local.profile.accessKeyId === accessKeyId) found.push(local);
  }
  return found;
}

function isoOf(ms: number): string {
  return formatIsoSeconds(Math.floor(ms / 1000));
}

/** The parts of the inspection that come from the URL alone (and the register entry). */
function describe(parts: PresignedUrlParts, entry: IssuedLinkView | undefined): Omit<LinkInspection, 'verification'> {
  const addressing = parts.addressing;
  const bucket = entry?.bucket ?? (addressing.style === 'cname' ? undefined : addressing.bucket);
  const signedHeaders = entry !== undefined ? Object.keys(entry.headers) : parts.headerNames.filter((name) => name !== 'host');
  return {
    scheme: parts.scheme,
    host: parts.host,
    ...(bucket === undefined ? {} : { bucket }),
    key: entry?.key ?? addressing.key,
    ...(parts.region === undefined ? {} : { region: parts.region }),
    accessKeyId: parts.accessKeyId,
    ...(parts.signedAtMs === undefined ? {} : { signedAt: isoOf(parts.signedAtMs) }),
    expiresAt: isoOf(parts.expiresAtMs),
    signedHeaders,
    parameters: otherSignedParameters(parts, isOssV1SignedParam),
    hasSecurityToken: parts.hasSecurityToken,
    ...(entry === undefined ? {} : { issuedLinkId: entry.id }),
  };
}

/** See the module comment. Throws `invalid-argument` (with a hint) for anything that is not a presigned URL. */
export async function inspectLink(url: string, serverAnswer: string | undefined, deps: InspectDeps): Promise<LinkInspection> {
  const parts = parsePresignedUrl(url);
  const entry = await deps.register.findByUrl(parts.url);
  const described = describe(parts, entry);
  const candidates = await profilesWithKey(parts.accessKeyId, described.bucket, deps.profiles);
  const verification = await verifyLink(parts, candidates, entry);
  return {
    ...described,
    verification,
    ...(serverAnswer === undefined ? {} : { answer: explainServerAnswer(serverAnswer, parts, entry) }),
  };
}
