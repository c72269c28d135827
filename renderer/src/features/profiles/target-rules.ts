/**
 * Where a profile points, checked as the signer checks it (electron/core/signing/validate-region.ts and
 * validate-target.ts): the region id, the bucket name, and http(s) addresses (custom endpoints and
 * custom domains). Each check answers the first problem, or undefined.
 */
import type { SigningScheme } from '../../../../electron/shared/signing.js';
import { problem, type FieldProblem } from './field-problem.js';

/** Why 63: region ids are short DNS-label-like words (the signer's bound). */
const MAX_REGION_LENGTH = 63;

const REGION_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The region id inside an OSS host name (`oss-cn-hangzhou-internal.aliyuncs.com` → `cn-hangzhou`). */
function ossRegionInHost(host: string): string | undefined {
  for (const label of host.split('.')) {
    const match = /^oss-(.+?)(?:-internal)?$/.exec(label);
    if (match?.[1] !== undefined && !match[1].startsWith('accelerate')) return match[1];
  }
  return undefined;
}

/** An AWS region id inside a host name (`s3.us-east-1.amazonaws.com` → `us-east-1`). */
const AWS_REGION_IN_HOST = /(?:^|[.-])([a-z]{2}(?:-[a-z]+)+-\d+)(?:\.|$)/;

/** Checks a region id for `scheme` (OSS ids always have a hyphen and never the `oss-` of host names). */
export function regionProblem(region: string, scheme: SigningScheme): FieldProblem | undefined {
  const oss = scheme !== 's3-v4';
  const value = region.trim();
  if (value === '') return problem('required');
  if (value.includes('.') || value.includes('/')) {
    const host = value.replace(/^[a-z]+:\/\//i, '').replace(/[/:].*$/, '').toLowerCase();
    const meant = oss ? ossRegionInHost(host) : AWS_REGION_IN_HOST.exec(host)?.[1];
    return meant === undefined ? problem('regionHost') : problem('regionHostMeant', { meant });
  }
  if (oss && value.toLowerCase().startsWith('oss-')) {
    return problem('regionOssPrefix', { meant: value.toLowerCase().slice('oss-'.length).replace(/-internal$/, '') });
  }
  if (!REGION_SHAPE.test(value) || value.length > MAX_REGION_LENGTH) return problem('regionShape', { example: oss ? 'cn-hangzhou' : 'us-east-1' });
  if (oss && !value.includes('-')) return problem('regionOssHyphen', { region: value });
  return undefined;
}

/** Checks a bucket name: OSS rules, or S3's (dots allowed, and its reserved names). */
export function bucketProblem(bucket: string, scheme: SigningScheme): FieldProblem | undefined {
  const value = bucket.trim();
  const s3 = scheme === 's3-v4';
  if (value === '') return problem('required');
  // Why 3 and 63: the bucket name limits of both OSS and S3 (63 is the longest DNS label).
  if (value.length < 3 || value.length > 63) return problem('bucketLength');
  if ((s3 ? /[^a-z0-9.-]/ : /[^a-z0-9-]/).test(value)) return problem(s3 ? 'bucketCharsS3' : 'bucketCharsOss');
  if (!/^[a-z0-9]/.test(value) || !/[a-z0-9]$/.test(value)) return problem('bucketEdges');
  if (s3 && (value.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(value) || /^(xn--|sthree-)/.test(value) || /(-s3alias|--ol-s3)$/.test(value))) {
    return problem('bucketS3Rules');
  }
  return undefined;
}

/** True for an IPv4 or bracketed IPv6 host, which cannot carry the bucket as a sub-domain. */
export function isIpHost(hostname: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.startsWith('[');
}

/** An http(s) address of the form scheme://host[:port], or what is wrong with it. */
export function parseOrigin(value: string): { readonly url: URL } | { readonly problem: FieldProblem } {
  const text = value.trim();
  if (text === '') return { problem: problem('required') };
  if (!/^https?:\/\//i.test(text)) return { problem: problem('urlScheme') };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: problem('urlInvalid') };
  }
  if (url.hostname === '') return { problem: problem('urlInvalid') };
  if (url.username !== '' || url.password !== '') return { problem: problem('urlCredentials') };
  if ((url.pathname !== '/' && url.pathname !== '') || text.includes('?') || text.includes('#')) return { problem: problem('urlPath') };
  return { url };
}
