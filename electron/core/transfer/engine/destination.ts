/**
 * Destinations as the engine keeps them: the secret-free descriptor (what the queue persists), a stable
 * id for it, the checks made before any file is scanned, and what follows from it per upload (part
 * limits, object headers, the header that forbids overwriting).
 */
import { createHash } from 'node:crypto';
import { DropsignError } from '../../../shared/errors.js';
import { EXISTING_OBJECT_POLICIES } from '../../../shared/transfer.js';
import { validateHeaders } from '../../signing/validate-headers.js';
import { validateRegion } from '../../signing/validate-region.js';
import { validateBucket, validateEndpoint } from '../../signing/validate-target.js';
import { validateExpiry } from '../../signing/validate.js';
import { compileKeyTemplate, type KeyTemplate } from '../object-key.js';
import { OSS_PART_LIMITS, S3_PART_LIMITS, type PartLimits } from '../part-plan.js';
import type { CredentialsProvider, Destination, DestinationDescriptor } from './engine-types.js';
import { validatePublicUrlTemplate } from './share-link.js';

/** A destination known to the engine: its descriptor, id, compiled key template and (once known) credentials. */
export interface DestinationEntry {
  readonly id: string;
  readonly descriptor: DestinationDescriptor;
  readonly template: KeyTemplate;
  /** The provider of the latest enqueue to this destination; absent for one only restored from disk. */
  credentials: CredentialsProvider | undefined;
}

/** The descriptor of `destination`: its own fields only (never the credentials), header names lower-cased. */
export function descriptorOf(destination: DestinationDescriptor | Destination): DestinationDescriptor {
  const { scheme, endpoint, style, bucket, region, prefix, keyTemplate, ifExists, link, headers, profile } = destination;
  return {
    scheme,
    endpoint,
    style,
    bucket,
    ...(region === undefined ? {} : { region }),
    prefix,
    keyTemplate,
    ifExists,
    link,
    ...(headers === undefined ? {} : { headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])) }),
    ...(profile === undefined ? {} : { profile }),
  };
}

/** JSON with object keys sorted, so equal descriptors give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A stable id for a descriptor. Why 16 hex digits: 64 bits, no collision among a user's destinations. */
export function destinationId(descriptor: DestinationDescriptor): string {
  return createHash('sha256').update(canonicalJson(descriptor)).digest('hex').slice(0, 16);
}

/**
 * Checks a descriptor before anything is scanned or sent: endpoint, bucket, region, key template,
 * existing-object policy, link and headers. Returns the compiled template; throws a DropsignError.
 */
export function validateDescriptor(descriptor: DestinationDescriptor): KeyTemplate {
  validateEndpoint(descriptor.endpoint, descriptor.style);
  validateBucket(descriptor.bucket, descriptor.scheme);
  if (descriptor.scheme !== 'oss-v1') validateRegion(descriptor.region, descriptor.scheme);
  if (!EXISTING_OBJECT_POLICIES.includes(descriptor.ifExists)) {
    throw new DropsignError(
      'invalid-argument',
      `The existing-object policy ${JSON.stringify(descriptor.ifExists)} is not known.`,
      `Use one of: ${EXISTING_OBJECT_POLICIES.join(', ')}.`,
    );
  }
  if (typeof descriptor.prefix !== 'string') {
    throw new DropsignError('invalid-argument', 'The key prefix is not text.', 'Give a prefix such as "photos/" or an empty one.');
  }
  const link = descriptor.link;
  if (link.kind === 'presigned') validateExpiry(link.expiresInSeconds, descriptor.scheme);
  else if (link.kind === 'public') validatePublicUrlTemplate(link.urlTemplate);
  validateHeaders({ ...descriptor.headers, ...forbidOverwriteHeader(descriptor) }, descriptor.scheme, undefined);
  return compileKeyTemplate(descriptor.keyTemplate);
}

/** Makes the entry for a destination (validating it). */
export function destinationEntry(descriptor: DestinationDescriptor, credentials: CredentialsProvider | undefined): DestinationEntry {
  const template = validateDescriptor(descriptor);
  return { id: destinationId(descriptor), descriptor, template, credentials };
}

/** The store's limits for multipart planning. */
export function partLimitsFor(descriptor: DestinationDescriptor): PartLimits {
  return descriptor.scheme === 's3-v4' ? S3_PART_LIMITS : OSS_PART_LIMITS;
}

/**
 * The header that makes the server refuse to replace an existing object (existing-object policy
 * `fail`), so a race between the HEAD check and the upload is still caught: `x-oss-forbid-overwrite` on
 * OSS, `If-None-Match: *` on S3 (PutObject and CompleteMultipartUpload honour it).
 */
export function forbidOverwriteHeader(descriptor: DestinationDescriptor): Readonly<Record<string, string>> {
  if (descriptor.ifExists !== 'fail') return {};
  return descriptor.scheme === 's3-v4' ? { 'if-none-match': '*' } : { 'x-oss-forbid-overwrite': 'true' };
}

/**
 * The headers a PutObject (`put`) or InitiateMultipartUpload (`initiate`) carries: the file's
 * Content-Type (unless the destination sets one), the destination's headers, and the overwrite guard,
 * except on an S3 initiate (S3 honours `If-None-Match` on PutObject and CompleteMultipartUpload only).
 */
export function objectHeaders(descriptor: DestinationDescriptor, contentType: string, request: 'put' | 'initiate'): Readonly<Record<string, string>> {
  const guard = request === 'initiate' && descriptor.scheme === 's3-v4' ? {} : forbidOverwriteHeader(descriptor);
  return { 'content-type': contentType, ...descriptor.headers, ...guard };
}
