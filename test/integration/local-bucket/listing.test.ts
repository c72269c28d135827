/**
 * ListObjects (v1) and ListObjectsV2 over HTTP: prefix, delimiter, pagination, encoding-type, through raw
 * requests and both official SDKs.
 */
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliOssClient, s3Client } from './clients.js';
import { encodeKey, errorCode, send, startHarness, type Harness } from './harness.js';

let h: Harness;
/** In UTF-8 byte order, which is how listings sort ('z' is 0x7A, 'é' starts 0xC3, the emoji 0xF0). */
const KEYS = ['a/1.txt', 'a/2.txt', 'a/b/3.txt', 'b.txt', 'c/4.txt', 'c/5.txt', 'd.txt', 'z', 'é/x', '\u{1F600}'];

beforeAll(async () => {
  h = await startHarness();
  for (const key of KEYS) await send(h.port, 'PUT', `/photos/${encodeKey(key)}`, { body: key });
});
afterAll(async () => {
  await h.close();
});

const parser = new XMLParser({
  parseTagValue: false,
  isArray: (name) => name === 'Contents' || name === 'CommonPrefixes',
});
interface Parsed {
  Contents?: { Key: string; Size: string; ETag: string }[];
  CommonPrefixes?: { Prefix: string }[];
  IsTruncated: string;
  NextMarker?: string;
  NextContinuationToken?: string;
  KeyCount?: string;
}
async function list(query: string): Promise<Parsed> {
  const res = await send(h.port, 'GET', `/photos?${query}`);
  expect(res.status).toBe(200);
  return (parser.parse(res.text) as { ListBucketResult: Parsed }).ListBucketResult;
}
const keys = (p: Parsed): string[] => (p.Contents ?? []).map((c) => c.Key);
const prefixes = (p: Parsed): string[] => (p.CommonPrefixes ?? []).map((c) => c.Prefix);
/** A page's keys and common prefixes merged back into listing (byte) order. */
const byteOrder = (items: string[]): string[] => items.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

describe('ListObjects v1', () => {
  it('lists everything in UTF-8 byte order', async () => {
    const all = await list('');
    expect(keys(all)).toEqual(KEYS);
    expect(all.IsTruncated).toBe('false');
    expect(all.Contents?.[0]).toMatchObject({ Size: '7' });
  });

  it('groups by delimiter under a prefix', async () => {
    const top = await list('delimiter=/');
    expect(keys(top)).toEqual(['b.txt', 'd.txt', 'z', '\u{1F600}']);
    expect(prefixes(top)).toEqual(['a/', 'c/', 'é/']);
    const underA = await list('prefix=a/&delimiter=/');
    expect(keys(underA)).toEqual(['a/1.txt', 'a/2.txt']);
    expect(prefixes(underA)).toEqual(['a/b/']);
  });

  it('pages with marker and NextMarker', async () => {
    const seen: string[] = [];
    let marker = '';
    for (let guard = 0; guard < 20; guard++) {
      const page = await list(`delimiter=/&max-keys=2&marker=${encodeURIComponent(marker)}`);
      seen.push(...byteOrder([...keys(page), ...prefixes(page)]));
      if (page.IsTruncated === 'false') break;
      marker = page.NextMarker ?? '';
    }
    expect(seen).toEqual(['a/', 'b.txt', 'c/', 'd.txt', 'z', 'é/', '\u{1F600}']);
  });

  it('url-encodes keys on request, so control characters survive XML', async () => {
    await send(h.port, 'PUT', '/photos/ctl%00%01key', { body: 'x' });
    const page = await list('prefix=ctl&encoding-type=url');
    expect(keys(page).map(decodeURIComponent)).toEqual(['ctl\u0000\u0001key']);
    await send(h.port, 'DELETE', '/photos/ctl%00%01key');
  });

  it('refuses bad max-keys and unknown buckets', async () => {
    expect(errorCode((await send(h.port, 'GET', '/photos?max-keys=5000')).text)).toBe('InvalidArgument');
    expect(errorCode((await send(h.port, 'GET', '/nobucket')).text)).toBe('NoSuchBucket');
  });
});

describe('ListObjectsV2', () => {
  it('pages with continuation tokens and reports KeyCount', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    for (let guard = 0; guard < 20; guard++) {
      const page = await list(`list-type=2&max-keys=3${token === undefined ? '' : `&continuation-token=${token}`}`);
      expect(Number(page.KeyCount)).toBe(keys(page).length);
      seen.push(...keys(page));
      if (page.IsTruncated === 'false') break;
      token = page.NextContinuationToken;
    }
    expect(seen).toEqual(KEYS);
  });

  it('starts after start-after', async () => {
    expect(keys(await list('list-type=2&start-after=c/5.txt'))).toEqual(['d.txt', 'z', 'é/x', '\u{1F600}']);
  });

  it('works through the AWS SDK, paginated, with a delimiter', async () => {
    const s3 = s3Client(h.endpoint);
    try {
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: 'photos', MaxKeys: 2, Delimiter: '/', ContinuationToken: token }));
        seen.push(...byteOrder([...(page.Contents ?? []).map((c) => c.Key ?? ''), ...(page.CommonPrefixes ?? []).map((p) => p.Prefix ?? '')]));
        token = page.NextContinuationToken;
      } while (token !== undefined);
      expect(seen).toEqual(['a/', 'b.txt', 'c/', 'd.txt', 'z', 'é/', '\u{1F600}']);
    } finally {
      s3.destroy();
    }
  });

  it('works through ali-oss (list and listV2)', async () => {
    const client = aliOssClient(h.endpoint);
    const v1 = await client.list({ prefix: 'a/', delimiter: '/', 'max-keys': 10 }, {});
    expect(v1.objects.map((o) => o.name)).toEqual(['a/1.txt', 'a/2.txt']);
    expect(v1.prefixes).toEqual(['a/b/']);
    const v2 = await client.listV2({ prefix: 'c/', 'max-keys': '1' }, {});
    expect(v2.objects.map((o) => o.name)).toEqual(['c/4.txt']);
    expect(v2.isTruncated).toBe(true);
  });
});
