import { describe, expect, it } from 'vitest';
import type { GetOutcome, HttpGetOptions } from '../../../../electron/core/net/http-get.js';
import { PROBE_EXPIRES_SECONDS, probeProfile } from '../../../../electron/core/profiles/profile-probe.js';
import { MINIO, PROD, SECRET } from './profile-fixtures.js';

const NOW = Date.parse('2025-01-02T03:00:00Z');
const CREDENTIALS = { accessKeyId: PROD.accessKeyId, accessKeySecret: SECRET };

/** A sender that records the request and answers `outcome`. */
function recorder(outcome: GetOutcome): { send: (url: string, options: HttpGetOptions) => Promise<GetOutcome>; urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    send: (url) => {
      urls.push(url);
      return Promise.resolve(outcome);
    },
  };
}

const OK: GetOutcome = { kind: 'answer', status: 200, headers: { date: new Date(NOW).toUTCString(), 'x-oss-request-id': 'R1' }, body: '<ListBucketResult/>' };

describe('probeProfile', () => {
  it('signs one ListObjects with max-keys=1 (and the key prefix), valid 15 minutes, and reports success', async () => {
    const { send, urls } = recorder(OK);
    const report = await probeProfile({ profile: { ...PROD, keyPrefix: 'uploads/' }, credentials: CREDENTIALS, env: {}, now: () => NOW, send });
    const url = new URL(urls[0] ?? '');
    expect(url.host).toBe('photos.oss-cn-hangzhou.aliyuncs.com');
    expect(url.pathname).toBe('/');
    expect(url.searchParams.get('max-keys')).toBe('1');
    expect(url.searchParams.get('prefix')).toBe('uploads/');
    expect(url.searchParams.get('x-oss-expires')).toBe(String(PROBE_EXPIRES_SECONDS));
    expect(urls[0]).not.toContain(SECRET);
    expect(report).toMatchObject({ ok: true, requestId: 'R1', route: 'direct', endpoint: 'https://oss-cn-hangzhou.aliyuncs.com' });
    // The mainland-China warning comes with a passing profile too.
    expect(report.warnings.map((w) => w.code)).toEqual(['mainland-custom-domain']);
  });

  it('signs with SigV4 and path style for S3-compatible stores', async () => {
    const { send, urls } = recorder(OK);
    await probeProfile({ profile: MINIO, credentials: CREDENTIALS, env: {}, now: () => NOW, send });
    const url = new URL(urls[0] ?? '');
    expect(`${url.origin}${url.pathname}`).toBe('http://127.0.0.1:9000/dev/');
    expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
  });

  it('measures the clock from the Date header and warns past a minute', async () => {
    const skewed: GetOutcome = { ...OK, headers: { date: new Date(NOW + 5 * 60_000).toUTCString() } } as GetOutcome;
    const report = await probeProfile({ profile: MINIO, credentials: CREDENTIALS, env: {}, now: () => NOW, send: recorder(skewed).send });
    expect(report).toMatchObject({ ok: true, clockOffsetMs: 300_000 });
    expect(report.warnings.map((w) => w.message)).toEqual([expect.stringContaining('5 minutes behind')]);
  });

  it('diagnoses an error answer', async () => {
    const body = '<?xml version="1.0"?><Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist.</Message><RequestId>R2</RequestId></Error>';
    const report = await probeProfile({ profile: MINIO, credentials: CREDENTIALS, env: {}, now: () => NOW, send: recorder({ kind: 'answer', status: 404, headers: {}, body }).send });
    expect(report.ok).toBe(false);
    if (!report.ok) expect(report.problem.code).toBe('no-such-bucket');
  });

  it('diagnoses a connection failure', async () => {
    const report = await probeProfile({ profile: MINIO, credentials: CREDENTIALS, env: {}, now: () => NOW, send: recorder({ kind: 'failed', code: 'ENOTFOUND' }).send });
    expect(report.ok ? undefined : report.problem.code).toBe('network-error');
  });

  it('reports an unusable proxy setting as the problem, without sending anything', async () => {
    const { send, urls } = recorder(OK);
    const report = await probeProfile({ profile: PROD, credentials: CREDENTIALS, env: { HTTPS_PROXY: 'socks5://127.0.0.1:1080' }, now: () => NOW, send });
    expect(report.ok ? undefined : report.problem.code).toBe('proxy-failed');
    expect(urls).toEqual([]);
  });

  it('warns about an STS token without a known expiry', async () => {
    const report = await probeProfile({ profile: MINIO, credentials: { ...CREDENTIALS, securityToken: 'tok' }, env: {}, now: () => NOW, send: recorder(OK).send });
    expect(report.warnings.map((w) => w.code)).toEqual(['token-expiry-unknown']);
  });
});
