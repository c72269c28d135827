/**
 * Validation of the signing region, with suggestions for the usual mix-ups (`oss-cn-hangzhou`, a whole
 * endpoint host, `hangzhou`).
 */

import type { SigningScheme } from '../../shared/signing.js';
import { fail, isString, quote } from './validation-helpers.js';

/** An AWS-style region id inside a host name (`s3.us-east-1.amazonaws.com` → `us-east-1`). */
const AWS_REGION_IN_HOST = /(?:^|[.-])([a-z]{2}(?:-[a-z]+)+-\d+)(?:\.|$)/;

/** The region id an OSS host carries, if any (`oss-cn-hangzhou-internal.aliyuncs.com` → `cn-hangzhou`). */
function ossRegionFromHost(host: string): string | undefined {
  for (const label of host.split('.')) {
    const match = /^oss-(.+?)(?:-internal)?$/.exec(label);
    if (match?.[1] !== undefined && match[1] !== 'accelerate' && match[1] !== 'accelerate-overseas') return match[1];
  }
  return undefined;
}

/** Validates a region that looks like a host name or URL and explains what was meant. */
function rejectHostLikeRegion(region: string, oss: boolean): never {
  const host = region.replace(/^[a-z]+:\/\//i, '').replace(/[/:].*$/, '').toLowerCase();
  const meant = oss ? ossRegionFromHost(host) : AWS_REGION_IN_HOST.exec(host)?.[1];
  const suggestion = meant === undefined ? '.' : `; did you mean ${meant}?`;
  fail(
    'invalid-region',
    `The region ${quote(region)} is a host name, not a region id${suggestion}`,
    meant === undefined
      ? `Pass the bucket's bare region id (for example ${oss ? 'cn-hangzhou' : 'us-east-1'}) as the region, and the host as the endpoint; acceleration and custom-domain hosts do not carry the region.`
      : `Pass ${meant} as the region, and put the host in the endpoint.`,
  );
}

/**
 * Validates the region of a V4 scheme: present (`missing-region`) and a bare region id of lower-case
 * letters, digits and single hyphens (`cn-hangzhou`, `us-east-1`). For the OSS schemes, `oss-cn-hangzhou`
 * and `hangzhou` are rejected with the id that was probably meant; for S3, `oss-cn-hangzhou` is valid (the
 * OSS S3-compatible API signs with it).
 */
export function validateRegion(region: unknown, scheme: SigningScheme): void {
  const oss = scheme !== 's3-v4';
  const example = oss ? 'cn-hangzhou' : 'us-east-1';
  const name = oss ? 'OSS V4' : 'S3 SigV4';
  if (region === undefined || (isString(region) && region.trim() === '')) {
    fail(
      'missing-region',
      `${name} signing needs the bucket's region, and none was given.`,
      `Pass the bucket's region id, for example --region ${example}${oss ? ' (shown on the bucket overview page in the OSS console)' : ''}.`,
    );
  }
  if (!isString(region)) {
    fail('invalid-region', 'The region is not text.', `Pass the region id as a string, for example ${example}.`);
  }
  if (region.includes('.') || region.includes('/')) rejectHostLikeRegion(region, oss);
  if (oss && region.toLowerCase().startsWith('oss-')) {
    const meant = region.toLowerCase().slice('oss-'.length).replace(/-internal$/, '');
    fail(
      'invalid-region',
      `The region ${quote(region)} has the "oss-" prefix of endpoint names; did you mean ${meant}?`,
      `Pass ${meant} as the region: V4 signs with the bare region id.`,
    );
  }
  // Why 1..63: region ids are short DNS-label-like words; 63 bounds obvious garbage.
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(region) || region.length > 63) {
    const lower = region.toLowerCase().trim();
    const suggestion = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(lower) && lower !== region ? ` (did you mean ${lower}?)` : '';
    fail(
      'invalid-region',
      `The region ${quote(region)} is not a region id: ids are lower-case letters, digits and single hyphens, like ${example}${suggestion}.`,
      `Pass the bucket's region id, for example ${example}.`,
    );
  }
  // Every OSS region id has a hyphen (cn-hangzhou, ap-southeast-1, rg-china-mainland); "hangzhou" alone is a
  // common mistake that OSS rejects as "Invalid signing region".
  if (oss && !region.includes('-')) {
    fail(
      'invalid-region',
      `The region ${quote(region)} is not an OSS region id, which looks like cn-hangzhou or ap-southeast-1 (did you mean cn-${region}?).`,
      'Pass the full region id shown on the bucket overview page in the OSS console.',
    );
  }
}
