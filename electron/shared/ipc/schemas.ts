/**
 * Run-time schemas (zod) of every invoke channel's argument tuple: what main and the web host check
 * before anything reaches a service (and the app services check again). The renderer is untrusted, so:
 *
 * - objects are strict: an unknown key is refused, which also refuses `__proto__` and `constructor` as
 *   own keys (no prototype pollution), and no schema is a free-form map (metadata is a list of pairs);
 * - every string and array is bounded, so one message cannot make the app hold or scan unbounded data;
 * - tuples check arity: extra arguments are refused.
 *
 * Only this file in electron/shared imports zod. Parsing and error reporting: parse-args.ts.
 */
import { z } from 'zod';
import { ADDRESSING_STYLES, SIGNING_SCHEMES } from '../signing.js';
import { EXISTING_OBJECT_POLICIES } from '../transfer.js';
import type { InvokeArgs, InvokeChannel } from './channels.js';
import { CALLBACK_BODY_TYPES } from './link-types.js';
import { LANGUAGES, SETTINGS_LIMITS, THEMES } from './settings.js';
import { MAX_ABORT_UPLOADS } from './unfinished-types.js';

/** Why 10,000: a big folder drop stays one request; more belongs in a folder path (scanned in main). */
export const MAX_ENQUEUE_PATHS = 10_000;

/** Why 32,767: Windows' longest path (the `\\?\` form); Linux allows 4,096 and macOS 1,024. */
export const MAX_PATH_LENGTH = 32_767;

/** Why 1,023: OSS's and S3's longest key in bytes, which is never fewer characters than bytes. */
export const MAX_KEY_LENGTH = 1023;

/** Profile names, as core/profiles/profile-schema.ts defines them (a test keeps the two equal). */
export const PROFILE_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** Transfer ids: UUIDs in production; why 128: room for any id scheme without unbounded input. */
const TRANSFER_ID_PATTERN = /^[A-Za-z0-9._-]{1,128}$/;

/** Why 2,048: the longest URL every browser and proxy handles; endpoints are far shorter. */
const MAX_URL_LENGTH = 2048;

/** Why 1,024: key templates and prefixes make keys, which are at most 1,023 bytes. */
const MAX_TEMPLATE_LENGTH = 1024;

/** Why 16 KiB: STS tokens run to a few KiB (OSS ~1.5 KiB, AWS up to ~4 KiB with session policies). */
const MAX_TOKEN_LENGTH = 16_384;

/** Why 1,024: OSS's and S3's metadata values fit their 2 KiB / 8 KiB totals; one value needs no more. */
const MAX_HEADER_VALUE_LENGTH = 1024;

/** Text without NUL, which no path, key or header can hold and some C APIs would cut at. */
function text(min: number, max: number): z.ZodString {
  return z.string().min(min).max(max).refine((value) => !value.includes('\0'), { message: 'must not contain NUL characters' });
}

const profileName = z.string().regex(PROFILE_NAME_PATTERN, { message: 'must be 1 to 64 lower-case letters, digits, ".", "_" or "-"' });
const transferId = z.string().regex(TRANSFER_ID_PATTERN, { message: 'is not a transfer id' });
const region = text(1, 64);
// Why 63: the longest bucket name OSS and S3 allow.
const bucket = text(1, 63);
const url = text(1, MAX_URL_LENGTH);
const expirySeconds = z.int().min(1).max(SETTINGS_LIMITS.defaultLinkExpirySeconds.max);
const secretStore = z.enum(['keychain', 'encrypted-file']);
const importSource = z.enum(['ossutil', 'aliyun', 'aws', 'env']);

/** One optional transfer id: a control acts on that transfer, or on all when absent. */
const optionalId = z.tuple([transferId.optional()]);

const enqueueRequest = z.strictObject({
  paths: z.array(text(1, MAX_PATH_LENGTH)).min(1).max(MAX_ENQUEUE_PATHS),
  profile: profileName.optional(),
  prefix: text(0, MAX_KEY_LENGTH).optional(),
  keyTemplate: text(1, MAX_TEMPLATE_LENGTH).optional(),
  ifExists: z.enum(EXISTING_OBJECT_POLICIES).optional(),
});

const profileEndpoint = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('public') }),
  z.strictObject({ kind: z.literal('internal') }),
  z.strictObject({ kind: z.literal('accelerate') }),
  z.strictObject({ kind: z.literal('custom'), url }),
]);

const profileInput = z.strictObject({
  name: profileName,
  provider: z.enum(['oss', 's3']),
  scheme: z.enum(SIGNING_SCHEMES).optional(),
  region,
  endpoint: profileEndpoint,
  style: z.enum(ADDRESSING_STYLES).optional(),
  bucket,
  keyPrefix: text(0, MAX_KEY_LENGTH).optional(),
  keyTemplate: text(1, MAX_TEMPLATE_LENGTH).optional(),
  customDomain: url.optional(),
  publicUrlTemplate: url.optional(),
  linkExpirySeconds: expirySeconds.optional(),
  // Why 256: access key ids are 16 to 128 characters on every store we know.
  accessKeyId: text(1, 256),
  secretStore: secretStore.optional(),
});

const secretInput = z.strictObject({
  // Why 1,024: secrets are 30 to 64 characters; anything near the bound is not one.
  accessKeySecret: text(1, 1024),
  securityToken: text(1, MAX_TOKEN_LENGTH).optional(),
  securityTokenExpiresAt: z.iso.datetime().optional(),
});

const profileSaveRequest = z.strictObject({
  profile: profileInput,
  secret: secretInput.optional(),
  replace: z.boolean().optional(),
});

const importPreviewShape = {
  from: importSource.optional(),
  bucket: bucket.optional(),
  region: region.optional(),
  secretStore: secretStore.optional(),
};

// Why 100: more sets of credentials than any user keeps in those files.
const importApplyRequest = z.strictObject({ ...importPreviewShape, names: z.array(profileName).min(1).max(100) });

const linkMetadata = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'must be lower-case letters, digits and "-"' }),
  value: text(0, MAX_HEADER_VALUE_LENGTH),
});

const linkCallback = z.strictObject({
  url: url.refine((value) => /^https?:\/\//i.test(value), { message: 'must be an http or https URL' }),
  // Why 4,096: OSS variables make a body of a few hundred bytes; the callback header itself is bounded.
  body: text(1, 4096),
  bodyType: z.enum(CALLBACK_BODY_TYPES).optional(),
  // Why 255: the longest DNS name.
  host: text(1, 255).optional(),
});

const linkRequest = z.strictObject({
  method: z.enum(['PUT', 'GET']),
  profile: profileName.optional(),
  key: text(1, MAX_KEY_LENGTH),
  expiresInSeconds: expirySeconds.optional(),
  // Why 256: the longest registered media types with parameters are well under it.
  contentType: text(1, 256).optional(),
  forbidOverwrite: z.boolean().optional(),
  storageClass: text(1, 32).optional(),
  // Why 32: OSS allows 8 KiB of user metadata in all, S3 2 KiB; 32 entries already fill that.
  metadata: z.array(linkMetadata).max(32).optional(),
  versionId: text(1, MAX_HEADER_VALUE_LENGTH).optional(),
  // Why 4,096: processing chains (resize, watermark, format) stay far below it.
  process: text(1, 4096).optional(),
  responseContentDisposition: text(1, MAX_HEADER_VALUE_LENGTH).optional(),
  // Why 255: the longest file name on common file systems.
  fileName: text(1, 255).optional(),
  callback: linkCallback.optional(),
});

/** Issued-link ids: UUIDs; why 128: room for any id scheme without unbounded input. */
const issuedLinkId = z.string().regex(/^[A-Za-z0-9._-]{1,128}$/, { message: 'is not a link id' });

// Why 8,192: presigned URLs with an STS token and a callback run to about 4 KiB.
const presignedUrl = text(1, 8192);

const historyQuery = z.strictObject({
  // Why 256: a search box, not a document.
  text: z.string().max(256).optional(),
  // Why 500: a screenful many times over; paging does the rest.
  limit: z.int().min(1).max(500).optional(),
  before: z.string().regex(/^\d{1,15}$/, { message: 'is not a history cursor' }).optional(),
});

/**
 * Multipart upload ids: OSS's are 32 hex digits, S3's about 100-200 characters of base64 (`+/=`), others
 * use `.`, `_`, `-` or `~`. Why 1,024: far beyond any store's ids, still a bound. Nothing else (no
 * spaces, no `&` or `?`): the id goes into a signed query string.
 */
const multipartUploadId = z.string().regex(/^[A-Za-z0-9._~+/=-]{1,1024}$/, { message: 'is not a multipart upload id' });

const unfinishedListRequest = z.strictObject({
  profile: profileName,
  prefix: text(0, MAX_KEY_LENGTH).optional(),
  withSizes: z.boolean().optional(),
});

const unfinishedAbortRequest = z.strictObject({
  profile: profileName,
  uploads: z
    .array(z.strictObject({ key: text(1, MAX_KEY_LENGTH), uploadId: multipartUploadId }))
    .min(1)
    .max(MAX_ABORT_UPLOADS),
});

const { concurrency, multipartThreshold, partSize, defaultLinkExpirySeconds, globalShortcutLength } = SETTINGS_LIMITS;

/** Each setting's schema (core/settings reads the settings file with these, field by field). */
export const settingsFieldSchemas = {
  concurrency: z.int().min(concurrency.min).max(concurrency.max),
  multipartThreshold: z.int().min(multipartThreshold.min).max(multipartThreshold.max),
  partSize: z.int().min(partSize.min).max(partSize.max),
  defaultLinkExpirySeconds: z.int().min(defaultLinkExpirySeconds.min).max(defaultLinkExpirySeconds.max),
  copyLinkOnFinish: z.boolean(),
  notifications: z.boolean(),
  globalShortcut: z
    .string()
    .min(1)
    .max(globalShortcutLength.max)
    .regex(/^[\x21-\x7e]+$/, { message: 'must be an accelerator such as CommandOrControl+Shift+U' })
    .nullable(),
  theme: z.enum(THEMES),
  language: z.enum(LANGUAGES),
  uploadProfile: profileName.nullable(),
  uploadPrefix: text(0, MAX_KEY_LENGTH).nullable(),
};

/** All settings, strict. */
export const settingsSchema = z.strictObject(settingsFieldSchemas);

/** A change to some settings, strict. */
export const settingsPatchSchema = settingsSchema.partial();

/** The argument tuple of every invoke channel. */
export const argSchemas = {
  'app:info': z.tuple([]),
  'transfers:enqueue': z.tuple([enqueueRequest]),
  'transfers:pause': optionalId,
  'transfers:resume': optionalId,
  'transfers:cancel': optionalId,
  'transfers:retry': optionalId,
  'transfers:remove': optionalId,
  'transfers:clear-finished': z.tuple([]),
  'transfers:snapshot': z.tuple([]),
  'clipboard:save-image': z.tuple([]),
  'profiles:list': z.tuple([]),
  'profiles:get': z.tuple([profileName]),
  'profiles:save': z.tuple([profileSaveRequest]),
  'profiles:remove': z.tuple([profileName]),
  'profiles:set-default': z.tuple([profileName]),
  'profiles:test': z.tuple([profileName.optional()]),
  'profiles:import-preview': z.tuple([z.strictObject(importPreviewShape).optional()]),
  'profiles:import-apply': z.tuple([importApplyRequest]),
  'links:create': z.tuple([linkRequest]),
  'links:limits': z.tuple([profileName.optional()]),
  'links:list': z.tuple([]),
  'links:forget': z.tuple([issuedLinkId]),
  'links:export-csv': z.tuple([]),
  'links:drop-page': z.tuple([issuedLinkId, z.enum(LANGUAGES).optional()]),
  // Why 64 KiB: OSS and S3 error bodies (with the string to sign and canonical request) are a few KiB.
  'links:inspect': z.tuple([presignedUrl, text(1, 65_536).optional()]),
  'history:list': z.tuple([historyQuery.optional()]),
  'settings:get': z.tuple([]),
  'settings:set': z.tuple([settingsPatchSchema]),
  'unfinished:list': z.tuple([unfinishedListRequest]),
  'unfinished:abort': z.tuple([unfinishedAbortRequest]),
} satisfies Record<InvokeChannel, z.ZodType>;

/** True when every member of `T` is `true`. */
type AllTrue<T> = false extends T[keyof T] ? false : true;

/** For each channel: does what its schema outputs fit the channel's argument type? */
type SchemaFitsContract = { [C in InvokeChannel]: z.output<(typeof argSchemas)[C]> extends InvokeArgs<C> ? true : false };

/**
 * Compile-time proof that a parsed tuple is the channel's argument type, so parse-args.ts may hand it
 * on as one: a schema that drifts from channels.ts fails the typecheck here.
 */
export const SCHEMAS_FIT_CONTRACT: AllTrue<SchemaFitsContract> = true;
