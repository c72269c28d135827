/**
 * Makes a link to hand to someone: a presigned PUT they can upload to, or a presigned GET to download
 * with, signed with the profile's credentials; the headers they must send; what they should know (an STS
 * token that dies before the link, a Content-Type that is not locked, a mainland-China default domain);
 * and snippets to paste.
 *
 * Download links go through the profile's custom domain when it has one (that is what the domain is for);
 * upload links always use the API endpoint.
 */
import type { LinkRequest, LinkResult, LinkWarning } from '../../shared/ipc/link-types.js';
import type { PresignRequest } from '../../shared/signing.js';
import { endpointUrl } from '../profiles/profile-endpoint.js';
import type { ProfileCredentials } from '../profiles/profile-credentials.js';
import type { Profile } from '../profiles/profile-schema.js';
import { mainlandChinaWarning, tokenWarning } from '../profiles/profile-warnings.js';
import { linkOutlivesToken } from '../profiles/sts-expiry.js';
import { presign } from '../signing/presign.js';
import { linkRequestParts } from './link-request-parts.js';
import { linkSnippets } from './snippets.js';

/** What a link is made from. */
export interface CreateLinkInput {
  readonly request: LinkRequest;
  /** The profile, its endpoint resolved (the local bucket's running port for `local`). */
  readonly profile: Profile;
  readonly credentials: ProfileCredentials;
  /** The validity when the request names none (the `defaultLinkExpirySeconds` setting). */
  readonly defaultExpirySeconds: number;
  readonly now: () => number;
}

const REFRESH_HINT = 'Store fresh temporary credentials (with their expiry) in the profile, then make the link again.';

function warningsFor(input: CreateLinkInput, expiresAt: string): LinkWarning[] {
  const { request, profile, credentials } = input;
  const warnings: LinkWarning[] = [];
  const outlives = linkOutlivesToken(expiresAt, credentials.securityTokenExpiresAt);
  if (outlives !== undefined) warnings.push({ code: 'token-outlives-link', message: outlives, hint: 'Choose a shorter validity, or sign with long-term credentials.' });
  const token = tokenWarning(profile, credentials, input.now());
  if (token !== undefined && (token.code === 'token-expired' || token.code === 'token-expiry-unknown')) {
    warnings.push({ code: token.code, message: token.message, hint: REFRESH_HINT });
  }
  // OSS signs Content-Type whenever one is sent, so an upload that adds one to an unlocked link is refused.
  if (request.method === 'PUT' && request.contentType === undefined && profile.scheme !== 's3-v4') {
    warnings.push({
      code: 'content-type-unlocked',
      message: 'The link locks no Content-Type, so the upload must send none: browsers and some tools add one, which OSS then refuses.',
      hint: 'Lock the Content-Type of the file to be uploaded (for example image/jpeg), or use the snippets, which send none.',
    });
  }
  if (request.method === 'GET') {
    const mainland = mainlandChinaWarning(profile);
    if (mainland !== undefined) warnings.push({ code: 'mainland-custom-domain', message: mainland.message, hint: mainland.hint });
  }
  return warnings;
}

/** The last segment of `key`, for the snippets' local file name (`file` for a key ending in `/`). */
function fileNameOf(key: string): string {
  return key.split('/').pop() || 'file';
}

/** Signs the link. Throws the signer's typed errors (bad key, expiry) and `invalid-argument` for fields that do not apply. */
export function createLink(input: CreateLinkInput): LinkResult {
  const { request, profile, credentials } = input;
  const parts = linkRequestParts(request, profile.provider);
  const viaDomain = request.method === 'GET' && profile.customDomain !== undefined;
  const presignRequest: PresignRequest = {
    scheme: profile.scheme,
    method: request.method,
    endpoint: viaDomain && profile.customDomain !== undefined ? profile.customDomain : endpointUrl(profile),
    style: viaDomain ? 'cname' : profile.style,
    bucket: profile.bucket,
    key: request.key,
    region: profile.region,
    expiresInSeconds: request.expiresInSeconds ?? input.defaultExpirySeconds,
    headers: parts.headers,
    query: parts.query,
  };
  const signed = presign(credentials, presignRequest, { now: input.now });
  const headers = signed.signedHeaders;
  return {
    url: signed.url,
    method: request.method,
    headers,
    expiresAt: signed.expiresAt,
    signedAt: signed.signedAt,
    profile: profile.name,
    bucket: profile.bucket,
    key: request.key,
    warnings: warningsFor(input, signed.expiresAt),
    snippets: linkSnippets({ url: signed.url, method: request.method, headers, fileName: request.fileName ?? fileNameOf(request.key) }),
  };
}
