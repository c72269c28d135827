import { describe, expect, it } from 'vitest';
import { proxyRouteFor } from '../../../../electron/core/net/proxy-route.js';
import { diagnoseAnswer, diagnoseConnectionFailure, type ProbeContext } from '../../../../electron/core/profiles/probe-diagnosis.js';

const RECEIVED = Date.parse('2024-11-12T09:00:00Z');

const CONTEXT: ProbeContext = {
  profileName: 'prod',
  builtIn: false,
  accessKeyId: 'LTAI5tFakeKeyId',
  bucket: 'photos',
  region: 'cn-shanghai',
  endpoint: 'https://oss-cn-shanghai.aliyuncs.com',
  route: { kind: 'direct', reason: 'no-proxy-set' },
  receivedAtMs: RECEIVED,
};

/** An OSS `<Error>` body, as OSS writes it. */
function ossError(fields: Readonly<Record<string, string>>): string {
  const lines = Object.entries(fields).map(([name, value]) => `  <${name}>${value}</${name}>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n${lines.join('\n')}\n</Error>\n`;
}

function answer(status: number, fields: Readonly<Record<string, string>>, headers: Record<string, string> = {}): { status: number; headers: Record<string, string>; body: string } {
  return { status, headers: { 'x-oss-request-id': 'REQ1', ...headers }, body: ossError({ RequestId: 'REQ1', HostId: 'photos.oss-cn-shanghai.aliyuncs.com', ...fields }) };
}

describe('diagnoseAnswer: each failure kind, with what to do', () => {
  it('InvalidAccessKeyId → wrong key', () => {
    const info = diagnoseAnswer(answer(403, { Code: 'InvalidAccessKeyId', Message: 'The OSS Access Key Id you provided does not exist in our records.', OSSAccessKeyId: 'LTAI5tFakeKeyId', EC: '0002-00000902' }), CONTEXT);
    expect(info).toMatchObject({ code: 'invalid-access-key', message: 'Wrong AccessKey ID: the server does not know LTAI5tFakeKeyId.' });
    expect(info.hint).toContain('dropsign profile add prod --replace --access-key-id ID');
    expect(info.details).toMatchObject({ requestId: 'REQ1', serverCode: 'InvalidAccessKeyId', profile: 'prod' });
  });

  it('SignatureDoesNotMatch → wrong secret (the probe signs exactly what it sends)', () => {
    const info = diagnoseAnswer(
      answer(403, { Code: 'SignatureDoesNotMatch', Message: 'The request signature we calculated does not match the signature you provided.', StringToSign: 'OSS4-HMAC-SHA256\n...', SignatureProvided: 'abc' }),
      CONTEXT,
    );
    expect(info.code).toBe('signature-mismatch');
    expect(info.message).toContain('Wrong secret');
    expect(info.hint).toContain('--replace --secret-stdin');
  });

  it('a region error with <Region> → wrong region, naming the bucket’s region', () => {
    const info = diagnoseAnswer(
      answer(400, {
        Code: 'InvalidArgument',
        Message: 'Invalid signing region in credential.',
        ArgumentName: 'x-oss-credential',
        ArgumentValue: 'LTAI5tFakeKeyId/20241112/cn-shanghai/oss/aliyun_v4_request',
        Region: 'cn-hangzhou',
        EC: '0002-00000226',
      }),
      CONTEXT,
    );
    expect(info).toMatchObject({ code: 'wrong-region', message: 'Wrong region: the bucket is in cn-hangzhou, but the profile says cn-shanghai.' });
    expect(info.hint).toContain('--region cn-hangzhou');
    expect(info.details).toMatchObject({ bucketRegion: 'cn-hangzhou' });
  });

  it('an endpoint redirect → wrong region with the right endpoint', () => {
    const info = diagnoseAnswer(
      answer(403, {
        Code: 'AccessDenied',
        Message: 'The bucket you are attempting to access must be addressed using the specified endpoint.',
        Bucket: 'photos',
        Endpoint: 'oss-cn-hangzhou.aliyuncs.com',
      }),
      CONTEXT,
    );
    expect(info.code).toBe('wrong-region');
    expect(info.message).toContain('the bucket is in cn-hangzhou');
  });

  it('NoSuchBucket → missing bucket', () => {
    const info = diagnoseAnswer(answer(404, { Code: 'NoSuchBucket', Message: 'The specified bucket does not exist.', BucketName: 'photos' }), CONTEXT);
    expect(info).toMatchObject({ code: 'no-such-bucket', message: 'Missing bucket: there is no bucket "photos" at https://oss-cn-shanghai.aliyuncs.com.' });
    expect(info.hint).toContain('--bucket NAME');
  });

  it('RequestTimeTooSkewed → clock skew, and by how much (local clock ahead)', () => {
    const info = diagnoseAnswer(
      answer(403, { Code: 'RequestTimeTooSkewed', Message: 'The difference between the request time and the current time is too large.', RequestTime: '2024-11-12T09:30:00Z', ServerTime: '2024-11-12T09:00:00Z', MaxAllowedSkewMilliseconds: '900000' }),
      CONTEXT,
    );
    expect(info.code).toBe('clock-skew');
    expect(info.message).toContain("Your computer's clock is 30 minutes ahead of the server's");
    expect(info.details).toMatchObject({ clockOffsetMs: -1_800_000 });
  });

  it('an expired fresh probe URL → clock skew (local clock behind), from <ServerTime>', () => {
    const info = diagnoseAnswer(
      answer(403, { Code: 'AccessDenied', Message: 'Request has expired.', Expires: '2024-11-12T08:45:00Z', ServerTime: '2024-11-12T09:40:00Z', EC: '0002-00000069' }),
      CONTEXT,
    );
    expect(info.code).toBe('clock-skew');
    expect(info.message).toContain('40 minutes behind');
  });

  it('AccessDenied → missing permission, quoting the server', () => {
    const info = diagnoseAnswer(answer(403, { Code: 'AccessDenied', Message: 'You have no right to access this object because of bucket acl.' }), CONTEXT);
    expect(info.code).toBe('access-denied');
    expect(info.message).toContain('Missing permission: the key and secret are right');
    expect(info.message).toContain('because of bucket acl');
    expect(info.hint).toContain('oss:ListObjects');
  });

  it('an expired STS token → how to store new credentials', () => {
    const info = diagnoseAnswer(answer(403, { Code: 'SecurityTokenExpired', Message: 'The security token you provided has expired.' }), CONTEXT);
    expect(info.code).toBe('credentials-expired');
    expect(info.hint).toContain('--with-session-token');
  });

  it('a proxy’s own refusal is not mistaken for the storage’s', () => {
    const route = proxyRouteFor('https://photos.oss-cn-shanghai.aliyuncs.com/', { HTTPS_PROXY: 'http://user:pw@proxy.example:3128' });
    const required = diagnoseAnswer({ status: 407, headers: {}, body: '<html>auth</html>' }, { ...CONTEXT, route });
    expect(required.code).toBe('proxy-failed');
    expect(required.message).toContain('asks for a user name and password (407)');
    expect(`${required.message} ${required.hint}`).not.toContain(':pw@');
    const refused = diagnoseAnswer({ status: 403, headers: {}, body: 'Forbidden by policy' }, { ...CONTEXT, route });
    expect(refused.message).toContain('the proxy http://proxy.example:3128 (HTTPS_PROXY) answered 403');
  });
});

describe('diagnoseConnectionFailure', () => {
  it('names the proxy when the proxy cannot be reached', () => {
    const route = proxyRouteFor('https://a.example/', { HTTPS_PROXY: 'http://proxy.example:3128' });
    const info = diagnoseConnectionFailure({ kind: 'failed', code: 'ECONNREFUSED' }, { ...CONTEXT, route }, 15_000);
    expect(info.code).toBe('proxy-failed');
    expect(info.message).toBe('Proxy failure: cannot reach the proxy http://proxy.example:3128 set in HTTPS_PROXY (ECONNREFUSED).');
    expect(info.hint).toContain('NO_PROXY');
  });

  it('reports TLS failures as such, pointing at an inspecting proxy when there is one', () => {
    expect(diagnoseConnectionFailure({ kind: 'failed', code: 'CERT_HAS_EXPIRED' }, CONTEXT, 15_000).code).toBe('tls-error');
    const route = proxyRouteFor('https://a.example/', { HTTPS_PROXY: 'http://proxy.example:3128' });
    const proxied = diagnoseConnectionFailure({ kind: 'failed', code: 'SELF_SIGNED_CERT_IN_CHAIN' }, { ...CONTEXT, route }, 15_000);
    expect(proxied).toMatchObject({ code: 'tls-error' });
    expect(proxied.hint).toContain('inspecting HTTPS');
  });

  it('reports DNS failures and timeouts plainly', () => {
    expect(diagnoseConnectionFailure({ kind: 'failed', code: 'ENOTFOUND' }, CONTEXT, 15_000).message).toContain("Cannot find the server's address");
    expect(diagnoseConnectionFailure({ kind: 'timeout' }, CONTEXT, 15_000).message).toContain('within 15 seconds');
  });

  it('tells the local profile’s users to start the local bucket', () => {
    expect(diagnoseConnectionFailure({ kind: 'failed', code: 'ECONNREFUSED' }, { ...CONTEXT, builtIn: true }, 15_000).hint).toContain('dropsign start');
  });
});
