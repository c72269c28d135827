import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { presign } from '../../../../electron/core/signing/presign.js';
import type { AddressingStyle, HttpMethod, PresignRequest, QueryParam } from '../../../../electron/shared/signing.js';
import { aliOssClient, type AliOssOptions } from './ali-oss-oracle.js';
import {
  accessKeyIdArb,
  contentMd5Arb,
  contentTypeArb,
  expiresArb,
  headerValueArb,
  keyArb,
  queryValueArb,
  secretArb,
  timeArb,
  tokenArb,
  urlParts,
} from './arbitraries.js';

/** Endpoints of every kind, with the matching ali-oss options and the host the URL must have. */
interface EndpointCase {
  readonly style: AddressingStyle;
  readonly endpoint: string;
  readonly options: Partial<AliOssOptions>;
  readonly host: (bucket: string) => string;
}

const ENDPOINTS: readonly EndpointCase[] = [
  { style: 'virtual-hosted', endpoint: 'https://oss-cn-hangzhou.aliyuncs.com', options: {}, host: (b) => `${b}.oss-cn-hangzhou.aliyuncs.com` },
  { style: 'virtual-hosted', endpoint: 'http://oss-cn-shanghai-internal.aliyuncs.com', options: {}, host: (b) => `${b}.oss-cn-shanghai-internal.aliyuncs.com` },
  { style: 'virtual-hosted', endpoint: 'https://oss-accelerate.aliyuncs.com', options: {}, host: (b) => `${b}.oss-accelerate.aliyuncs.com` },
  { style: 'cname', endpoint: 'https://static.example.com', options: { cname: true }, host: () => 'static.example.com' },
  { style: 'path', endpoint: 'http://localhost:8080', options: { sldEnable: true }, host: () => 'localhost:8080' },
];
/** ali-oss V1 refuses IP endpoints ("can not get the object URL when endpoint is IP"), so V4 only. */
const IP_ENDPOINT: EndpointCase = { style: 'path', endpoint: 'http://127.0.0.1:9000', options: { sldEnable: true }, host: () => '127.0.0.1:9000' };

/** Caller query names; chosen so that ali-oss's localeCompare order equals byte order (guarded below). */
const PARAM_NAMES = ['versionId', 'x-oss-process', 'response-content-disposition', 'response-content-type', 'uploads', 'partNumber', 'uploadId'];
const AUTH_NAMES = ['x-oss-credential', 'x-oss-date', 'x-oss-expires', 'x-oss-signature-version', 'x-oss-security-token', 'x-oss-additional-headers', 'OSSAccessKeyId', 'Expires', 'Signature', 'security-token'];

const bucketArb = fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,20}[a-z0-9]$/);
const regionArb = fc.constantFrom('cn-hangzhou', 'cn-shanghai', 'ap-southeast-1', 'us-west-1', 'eu-central-1');
const methodArb = fc.constantFrom<HttpMethod>('GET', 'PUT', 'HEAD', 'DELETE', 'POST');

/** One query parameter: `null` value = bare (`uploads`); ours passes a bare one as undefined or ''. */
const queryArb = fc
  .subarray(PARAM_NAMES)
  .chain((names) => fc.tuple(...names.map((name) => fc.tuple(fc.constant(name), fc.option(queryValueArb, { nil: null }), fc.boolean()))))
  .map((entries) => entries.map(([name, value, emptyString]) => ({ name, value, emptyString })));

/** Headers OSS signs by default, in random case, values sometimes padded with spaces (both sides trim). */
function defaultHeadersArb(padContentHeaders: boolean): fc.Arbitrary<Record<string, string>> {
  return fc
    .record({
      contentType: fc.option(contentTypeArb, { nil: undefined }),
      contentMd5: fc.option(contentMd5Arb, { nil: undefined }),
      meta: fc.uniqueArray(fc.tuple(fc.constantFrom('author', 'Magic', 'n1', 'a-b'), headerValueArb), { selector: (t) => t[0].toLowerCase(), maxLength: 3 }),
      storageClass: fc.option(fc.constantFrom('Standard', 'IA', 'Archive'), { nil: undefined }),
      upperCase: fc.boolean(),
      pad: fc.boolean(),
    })
    .map(({ contentType, contentMd5, meta, storageClass, upperCase, pad }) => {
      const headers: Record<string, string> = {};
      const padded = (value: string): string => (pad ? ` ${value}  ` : value);
      const contentValue = (value: string): string => (padContentHeaders ? padded(value) : value);
      if (contentType !== undefined) headers[upperCase ? 'Content-Type' : 'content-type'] = contentValue(contentType);
      if (contentMd5 !== undefined) headers[upperCase ? 'Content-MD5' : 'content-md5'] = contentValue(contentMd5);
      for (const [name, value] of meta) headers[`${upperCase ? 'X-Oss-Meta-' : 'x-oss-meta-'}${name}`] = padded(value);
      if (storageClass !== undefined) headers['x-oss-storage-class'] = storageClass;
      return headers;
    });
}

/** Non-default headers for OSS V4, all listed as additional headers, plus extra names and maybe `host`. */
const additionalArb = fc.record({
  custom: fc.uniqueArray(fc.tuple(fc.constantFrom('Cache-Control', 'content-disposition', 'x-custom-h', 'Content-Language'), headerValueArb), { selector: (t) => t[0].toLowerCase(), maxLength: 3 }),
  host: fc.boolean(),
  extra: fc.subarray(['content-type', 'X-OSS-META-AUTHOR', 'x-oss-storage-class']),
});

const credentialsArb = fc.record({ accessKeyId: accessKeyIdArb, accessKeySecret: secretArb, securityToken: fc.option(tokenArb, { nil: undefined }) });

/** Our query list from the generated entries. */
function ourQuery(entries: readonly { name: string; value: string | null; emptyString: boolean }[]): QueryParam[] {
  return entries.map(({ name, value, emptyString }) => (value === null ? (emptyString ? { name, value: '' } : { name }) : { name, value }));
}

/** ali-oss options for a credentials + endpoint case. */
function aliOptions(credentials: { accessKeyId: string; accessKeySecret: string; securityToken?: string | undefined }, endpoint: EndpointCase, bucket: string, region: string): AliOssOptions {
  return {
    accessKeyId: credentials.accessKeyId,
    accessKeySecret: credentials.accessKeySecret,
    ...(credentials.securityToken === undefined ? {} : { stsToken: credentials.securityToken }),
    bucket,
    region,
    endpoint: endpoint.endpoint,
    ...endpoint.options,
  };
}

/** Drops `undefined` values so the credentials satisfy exactOptionalPropertyTypes. */
function ourCredentials(c: { accessKeyId: string; accessKeySecret: string; securityToken?: string | undefined }) {
  return c.securityToken === undefined
    ? { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret }
    : { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, securityToken: c.securityToken };
}

describe('oss presign against the ali-oss oracle', () => {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // ali-oss warns on every client made with an STS token and no refresher; that is noise here.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterAll(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('uses query names whose localeCompare order is byte order (ali-oss sorts with localeCompare)', () => {
    const names = [...PARAM_NAMES, ...AUTH_NAMES];
    expect([...names].sort((a, b) => a.localeCompare(b)).filter((n) => n.startsWith('x-') || /^[a-z]/.test(n))).toEqual(
      [...names].sort().filter((n) => n.startsWith('x-') || /^[a-z]/.test(n)),
    );
  });

  it('oss-v4 URLs equal ali-oss signatureUrlV4 for random keys, headers, queries, times and tokens', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          endpoint: fc.constantFrom(...ENDPOINTS, IP_ENDPOINT),
          bucket: bucketArb,
          key: keyArb,
          method: methodArb,
          region: regionArb,
          time: timeArb,
          expires: expiresArb,
          credentials: credentialsArb,
          headers: defaultHeadersArb(true),
          additional: additionalArb,
          query: queryArb,
        }),
        async (c) => {
          const custom = Object.fromEntries(c.additional.custom);
          const additionalHeaders = [...c.additional.custom.map(([name]) => name), ...c.additional.extra, ...(c.additional.host ? ['Host'] : [])];
          const request: PresignRequest = {
            scheme: 'oss-v4',
            method: c.method,
            endpoint: c.endpoint.endpoint,
            style: c.endpoint.style,
            bucket: c.bucket,
            key: c.key,
            region: c.region,
            expiresInSeconds: c.expires,
            headers: { ...c.headers, ...custom },
            additionalHeaders,
            query: ourQuery(c.query),
          };
          const ours = presign(ourCredentials(c.credentials), request, { now: () => c.time });

          vi.setSystemTime(c.time);
          const client = aliOssClient(aliOptions(c.credentials, c.endpoint, c.bucket, c.region));
          const aliHeaders = { ...c.headers, ...custom, ...(c.additional.host ? { host: c.endpoint.host(c.bucket) } : {}) };
          const queries = Object.fromEntries(c.query.map(({ name, value }) => [name, value]));
          const theirs = await client.signatureUrlV4(c.method, c.expires, { headers: aliHeaders, queries }, c.key, additionalHeaders);

          expect(urlParts(ours.url)).toEqual(urlParts(theirs));
          expect(new URL(ours.url).host).toBe(c.endpoint.host(c.bucket));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('oss-v1 URLs equal ali-oss signatureUrl for random keys, headers, sub-resources, times and tokens', () => {
    fc.assert(
      fc.property(
        fc.record({
          endpoint: fc.constantFrom(...ENDPOINTS),
          bucket: bucketArb,
          key: keyArb,
          method: methodArb,
          time: timeArb,
          // Why 10 years: V1 has no 7-day cap; long links are what people use it for.
          expires: fc.integer({ min: 1, max: 10 * 365 * 24 * 3600 }),
          credentials: credentialsArb,
          headers: defaultHeadersArb(false),
          query: queryArb,
        }),
        (c) => {
          const request: PresignRequest = {
            scheme: 'oss-v1',
            method: c.method,
            endpoint: c.endpoint.endpoint,
            style: c.endpoint.style,
            bucket: c.bucket,
            key: c.key,
            expiresInSeconds: c.expires,
            headers: c.headers,
            query: ourQuery(c.query),
          };
          const ours = presign(ourCredentials(c.credentials), request, { now: () => c.time });

          vi.setSystemTime(c.time);
          const client = aliOssClient(aliOptions(c.credentials, c.endpoint, c.bucket, 'cn-hangzhou'));
          const subResource = Object.fromEntries(c.query.map(({ name, value }) => [name, value ?? '']));
          const theirs = client.signatureUrl(c.key, { method: c.method, expires: c.expires, ...c.headers, subResource }, false);

          expect(urlParts(ours.url)).toEqual(urlParts(theirs));
        },
      ),
      { numRuns: 150 },
    );
  });
});
