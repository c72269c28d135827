import { describe, expect, it } from 'vitest';
import { httpFailureFromResponse, parseErrorXml, parseServerTime, stripQueryStrings } from '../../../../electron/core/transfer/http-failure.js';
import { clockOffsetFrom, describeDuration, ossErrorInfo } from '../../../../electron/core/transfer/oss-error-info.js';
import { compareSignedRequests } from '../../../../electron/core/transfer/signature-diff.js';
import { ossV4CanonicalRequest } from '../../../../electron/core/signing/oss-v4.js';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import {
  errorBody,
  EXPIRED,
  FILE_EXISTS,
  INTERNAL_ERROR,
  NO_SUCH_BUCKET,
  S3_REDIRECT,
  S3_WRONG_REGION,
  SIGNATURE_MISMATCH,
  SKEWED,
  WRONG_ENDPOINT,
  WRONG_REGION,
} from './oss-error-bodies.js';

const explain = (status: number, body: string, context = {}): ErrorInfo =>
  ossErrorInfo(httpFailureFromResponse(status, { 'x-oss-request-id': 'HEADER-ID', Date: 'Tue, 12 Nov 2024 09:00:00 GMT' }, body), context);

/** Everything a user could see, as one string, to check that no secret is in it. */
const visible = (error: ErrorInfo): string => JSON.stringify(error);

/** What the client signed for the PUT in SIGNATURE_MISMATCH: image/png, no meta header. */
const CLIENT_CANONICAL = ossV4CanonicalRequest({
  method: 'PUT',
  bucket: 'photos',
  key: 'cat.png',
  query: [
    { name: 'x-oss-credential', value: 'LTAI5tFakeKeyId/20241112/cn-hangzhou/oss/aliyun_v4_request' },
    { name: 'x-oss-date', value: '20241112T083238Z' },
    { name: 'x-oss-expires', value: '3600' },
    { name: 'x-oss-security-token', value: 'CAIS+secret-token' },
    { name: 'x-oss-signature-version', value: 'OSS4-HMAC-SHA256' },
  ],
  headers: { 'content-type': 'image/png' },
  additionalHeaders: [],
  payloadHash: 'UNSIGNED-PAYLOAD',
});

describe('httpFailureFromResponse', () => {
  it('lifts Code, Message, RequestId, HostId and EC and keeps the other fields as details', () => {
    const failure = httpFailureFromResponse(403, { 'X-Oss-Request-Id': 'HEADER-ID', date: 'Tue, 12 Nov 2024 09:00:00 GMT', 'retry-after': ['7'] }, EXPIRED);
    expect(failure).toEqual({
      status: 403,
      ossCode: 'AccessDenied',
      message: 'Request has expired.',
      requestId: '6745A3B2C1D0E9F8A7B6C5D6',
      hostId: 'photos.oss-cn-hangzhou.aliyuncs.com',
      ec: '0002-00000069',
      serverDate: 'Tue, 12 Nov 2024 09:00:00 GMT',
      retryAfter: '7',
      details: { Expires: '2024-11-12T08:32:38Z', ServerTime: '2024-11-12T09:00:00Z' },
    });
  });

  it('keeps canonical requests line for line, entities decoded, with the credential values masked', () => {
    const details = parseErrorXml(SIGNATURE_MISMATCH)?.details ?? {};
    expect(details['CanonicalRequest']).toBe(
      [
        'PUT',
        '/photos/cat.png',
        'x-oss-credential=…&x-oss-date=…&x-oss-expires=…&x-oss-security-token=…&x-oss-signature-version=…',
        'content-type:text/plain;charset=UTF-8',
        'x-oss-meta-author:alice',
        '',
        '',
        'UNSIGNED-PAYLOAD',
      ].join('\n'),
    );
    expect(Object.keys(details)).not.toContain('SignatureProvided');
    expect(Object.keys(details)).not.toContain('StringToSignBytes');
    expect(JSON.stringify(details)).not.toContain('secret-token');
  });

  it('falls back to headers when there is no body (HEAD) or the body is not an OSS error', () => {
    expect(httpFailureFromResponse(404, { 'x-oss-request-id': 'R', 'x-oss-ec': '0026-00000001' })).toEqual({ status: 404, requestId: 'R', ec: '0026-00000001' });
    expect(httpFailureFromResponse(502, { 'x-amz-request-id': 'S3R' }, '<html><body>Bad Gateway</body></html>')).toEqual({ status: 502, requestId: 'S3R' });
    expect(parseErrorXml('<Error><Code>Broken')).toBeUndefined();
    expect(parseErrorXml('')).toBeUndefined();
  });

  it('removes query strings from the server message', () => {
    const failure = httpFailureFromResponse(400, {}, errorBody({ Code: 'InvalidURI', Message: 'Bad URI https://b.oss.example.com/k?x-oss-signature=abc&x-oss-security-token=tok' }));
    expect(failure.message).toBe('Bad URI https://b.oss.example.com/k');
  });
});

describe('stripQueryStrings and parseServerTime', () => {
  it('strips URL queries and masks credential parameters outside URLs', () => {
    expect(stripQueryStrings('see https://x.example.com/a?b=1#frag now')).toBe('see https://x.example.com/a now');
    expect(stripQueryStrings('x-oss-security-token=abc&partNumber=1')).toBe('x-oss-security-token=…&partNumber=1');
    expect(stripQueryStrings('sent ?Signature=s3cr3t&OSSAccessKeyId=LTAI')).toBe('sent ?Signature=…&OSSAccessKeyId=…');
  });

  it('reads the time formats OSS and S3 use', () => {
    const at = Date.UTC(2024, 10, 12, 8, 32, 38);
    expect(parseServerTime('2024-11-12T08:32:38Z')).toBe(at);
    expect(parseServerTime('2024-11-12T08:32:38.000Z')).toBe(at);
    expect(parseServerTime('20241112T083238Z')).toBe(at);
    expect(parseServerTime('Tue, 12 Nov 2024 08:32:38 GMT')).toBe(at);
    for (const bad of [undefined, '', 'yesterday', '2024-11-12', '1731400358']) expect(parseServerTime(bad)).toBeUndefined();
  });
});

describe('ossErrorInfo', () => {
  it('names the bucket region for a wrong signing region, without echoing the access key id', () => {
    const error = explain(400, WRONG_REGION);
    expect(error.code).toBe('wrong-region');
    expect(error.message).toBe('The bucket is in cn-shanghai, but the request was signed for cn-hangzhou.');
    expect(error.hint).toContain('--region cn-shanghai');
    expect(error.details).toMatchObject({ bucketRegion: 'cn-shanghai', signedRegion: 'cn-hangzhou', requestId: '6745A3B2C1D0E9F8A7B6C5D4', ec: '0002-00000226', status: 400 });
    expect(visible(error)).not.toContain('LTAI5tFakeKeyId');
  });

  it('understands the S3 wording of a wrong region and a wrong endpoint', () => {
    expect(explain(400, S3_WRONG_REGION, { region: 'us-east-1' })).toMatchObject({
      code: 'wrong-region',
      message: 'The bucket is in eu-west-1, but the request was signed for us-east-1.',
    });
    const redirect = explain(301, S3_REDIRECT);
    expect(redirect.code).toBe('wrong-region');
    expect(redirect.hint).toContain('https://s3.eu-west-1.amazonaws.com');
  });

  it('names the right endpoint and region when the request went to another region', () => {
    const error = explain(403, WRONG_ENDPOINT);
    expect(error.code).toBe('wrong-region');
    expect(error.message).toContain('oss-cn-shanghai.aliyuncs.com (region cn-shanghai)');
    expect(error.hint).toBe("Set the profile's endpoint to https://oss-cn-shanghai.aliyuncs.com and its region to cn-shanghai.");
  });

  it('says by how much and which way the clock is off', () => {
    const error = explain(403, SKEWED);
    expect(error.code).toBe('clock-skew');
    expect(error.message).toBe("Your computer's clock is 20 minutes ahead of the server’s; the server accepts at most 15 minutes of difference.");
    expect(error.details).toMatchObject({ clockOffsetMs: -20 * 60_000 });
  });

  it('explains an expired link, and blames the clock when the clocks differ', () => {
    const plain = explain(403, EXPIRED, { receivedAtMs: Date.UTC(2024, 10, 12, 9, 0, 2) });
    expect(plain.code).toBe('url-expired');
    expect(plain.message).toBe("The signed link expired at 2024-11-12T08:32:38Z (the server's time is now 2024-11-12T09:00:00Z).");
    expect(plain.hint).toMatch(/longer expiry/);
    const slowClock = explain(403, EXPIRED, { receivedAtMs: Date.UTC(2024, 10, 12, 8, 0, 0) });
    expect(slowClock.message).toContain("Your computer's clock is 60 minutes behind the server's");
    expect(slowClock.hint).toMatch(/automatic date and time/);
  });

  it('says which header differs from the signed one', () => {
    const error = explain(403, SIGNATURE_MISMATCH, { signed: { canonicalRequest: CLIENT_CANONICAL } });
    expect(error.code).toBe('signature-mismatch');
    expect(error.message).toBe(
      'The server rejected the signature: the server saw Content-Type: "text/plain;charset=UTF-8" but the URL signed "image/png"; the request sent x-oss-meta-author: "alice", which the URL did not sign.',
    );
    expect(error.hint).toMatch(/exactly the headers the link was signed with/);
    expect(error.details).toMatchObject({ header: 'Content-Type', requestId: '6745A3B2C1D0E9F8A7B6C5D8' });
    const shown = visible(error);
    for (const secret of ['secret-token', 'f1e2d3c4b5a6', 'LTAI5tFakeKeyId', 'troubleshoot?q']) expect(shown).not.toContain(secret);
  });

  it('compares with the signed headers alone when there is no client canonical request', () => {
    const error = explain(403, SIGNATURE_MISMATCH, { signed: { signedHeaders: { 'content-type': 'image/png' } } });
    expect(error.message).toContain('the server saw Content-Type: "text/plain;charset=UTF-8" but the URL signed "image/png"');
  });

  it('blames the secret when the request is exactly what was signed', () => {
    const body = errorBody({ Code: 'SignatureDoesNotMatch', Message: 'mismatch', CanonicalRequest: CLIENT_CANONICAL });
    const error = explain(403, body, { signed: { canonicalRequest: CLIENT_CANONICAL } });
    expect(error.message).toMatch(/AccessKey secret is probably wrong/);
  });

  it('describes what the server signed when the client side is unknown', () => {
    const error = explain(403, SIGNATURE_MISMATCH);
    expect(error.message).toBe('The server rejected the signature; it signed Content-Type: "text/plain;charset=UTF-8", x-oss-meta-author: "alice".');
  });

  const table: [number, string, string, string][] = [
    [404, NO_SUCH_BUCKET, 'no-such-bucket', 'The bucket "nosuch" does not exist at this endpoint.'],
    [409, FILE_EXISTS, 'object-exists', 'An object already exists, and the upload was told not to overwrite it.'],
    [500, INTERNAL_ERROR, 'server-error', 'The server failed with 500 InternalError: We encountered an internal error. Please try again.'],
    [403, errorBody({ Code: 'InvalidAccessKeyId', Message: 'The OSS Access Key Id you provided does not exist in our records.', OSSAccessKeyId: 'LTAI5tFakeKeyId' }), 'invalid-access-key', 'The server does not know the AccessKey ID the request was signed with.'],
    [403, errorBody({ Code: 'SecurityTokenExpired', Message: 'The security token you provided has expired.' }), 'credentials-expired', 'The temporary (STS) credentials have expired or are not valid.'],
    [403, errorBody({ Code: 'AccessDenied', Message: 'You have no right to access this object because of bucket acl.' }), 'access-denied', 'The server refused access: You have no right to access this object because of bucket acl.'],
    [404, errorBody({ Code: 'NoSuchUpload', Message: 'The specified upload does not exist.' }), 'no-such-upload', 'The multipart upload no longer exists on the server (it was completed, aborted, or removed by a lifecycle rule).'],
    [404, errorBody({ Code: 'NoSuchKey', Message: 'The specified key does not exist.' }), 'no-such-key', 'The object does not exist.'],
    [400, errorBody({ Code: 'EntityTooLarge', Message: 'Your proposed upload exceeds the maximum allowed size.' }), 'entity-too-large', 'The upload is larger than the server accepts for this request.'],
    [400, errorBody({ Code: 'InvalidDigest', Message: 'The Content-MD5 you specified is not valid.' }), 'integrity-mismatch', 'The server received different bytes from those the checksum was computed for.'],
    [400, errorBody({ Code: 'BadDigest', Message: 'The Content-MD5 you specified did not match what we received.' }), 'integrity-mismatch', 'The server received different bytes from those the checksum was computed for.'],
    [503, errorBody({ Code: 'SlowDown', Message: 'Please reduce your request rate.' }), 'server-busy', 'The server is busy and asked to slow down.'],
    [429, '', 'server-busy', 'The server is busy and asked to slow down.'],
    [400, errorBody({ Code: 'InvalidObjectName', Message: 'The specified object is not valid.' }), 'request-rejected', 'The server refused the request with 400 InvalidObjectName: The specified object is not valid.'],
    [403, '', 'request-rejected', 'The server refused the request with 403.'],
    [502, '<html>Bad Gateway</html>', 'server-error', 'The server failed with 502.'],
  ];
  it.each(table.map(([status, body, code, message]) => ({ status, body, code, message })))('maps $status to $code: $message', ({ status, body, code, message }) => {
    const error = explain(status, body);
    expect(error).toMatchObject({ code, message });
    expect(error.hint.length).toBeGreaterThan(10);
    expect(error.details?.['status']).toBe(status);
    expect(error.details?.['requestId']).toBeDefined();
  });

  it('names the key and bucket from the context when the body does not', () => {
    expect(explain(409, FILE_EXISTS, { key: 'a/b.txt' }).message).toContain('named "a/b.txt"');
    expect(explain(404, errorBody({ Code: 'NoSuchBucket' }), { bucket: 'pics' }).message).toContain('"pics"');
  });

  it('includes the request id in the hint of unknown failures', () => {
    expect(explain(500, INTERNAL_ERROR).hint).toContain('6745A3B2C1D0E9F8A7B6C5DB');
  });

  it('names the upload permission for a refused upload, and no particular one for a refused one-off request', () => {
    const refused = errorBody({ Code: 'AccessDenied', Message: 'You have no right to access this object because of bucket acl.' });
    expect(explain(403, refused).hint).toContain('oss:PutObject');
    expect(explain(403, refused, { activity: 'one-off' })).toMatchObject({ code: 'access-denied', hint: expect.stringContaining('allowed this request') });
    expect(explain(403, refused, { activity: 'one-off' }).hint).not.toContain('PutObject');
  });

  it('tells an upload it may send fewer files at once when the server is busy, and a one-off request only to wait', () => {
    for (const [status, body] of [[503, errorBody({ Code: 'ServiceUnavailable' })], [429, ''], [503, errorBody({ Code: 'SlowDown' })]] as const) {
      expect(explain(status, body)).toMatchObject({ code: 'server-busy', hint: 'Try again in a few minutes, or upload fewer files at once.' });
      expect(explain(status, body, { activity: 'one-off' })).toMatchObject({ code: 'server-busy', hint: 'Try again in a few minutes.' });
    }
  });
});

describe('clock helpers', () => {
  it('measures the offset from RequestTime, or from the local clock at receipt', () => {
    const skewed = httpFailureFromResponse(403, {}, SKEWED);
    expect(clockOffsetFrom(skewed)).toBe(-20 * 60_000);
    const expired = httpFailureFromResponse(403, {}, EXPIRED);
    expect(clockOffsetFrom(expired, Date.UTC(2024, 10, 12, 8, 59, 0))).toBe(60_000);
    expect(clockOffsetFrom(expired)).toBeUndefined();
    expect(clockOffsetFrom({ status: 403, serverDate: 'Tue, 12 Nov 2024 09:00:00 GMT' }, Date.UTC(2024, 10, 12, 9, 0, 5))).toBe(-5000);
  });

  it.each([
    [0, '0 seconds'],
    [1000, '1 second'],
    [89_000, '89 seconds'],
    [-20 * 60_000, '20 minutes'],
    [119 * 60_000, '119 minutes'],
    [2 * 3600_000, '2 hours'],
    [3 * 3600_000 + 60_000, '3 hours 1 minute'],
  ])('describes %i ms as %s', (ms, words) => {
    expect(describeDuration(ms)).toBe(words);
  });
});

describe('compareSignedRequests', () => {
  it('finds method, path, query names and scope differences, never echoing query values', () => {
    const server = ['POST', '/photos/dog.png', 'uploads&x-oss-security-token=TOKEN', 'content-type:image/png', '', '', 'UNSIGNED-PAYLOAD'].join('\n');
    const client = ['PUT', '/photos/cat.png', 'x-oss-security-token=TOKEN', 'content-type:image/png', '', '', 'UNSIGNED-PAYLOAD'].join('\n');
    const findings = compareSignedRequests(
      { canonicalRequest: server, stringToSign: 'OSS4-HMAC-SHA256\n20241112T083238Z\n20241112/cn-shanghai/oss/aliyun_v4_request\nabc' },
      { canonicalRequest: client, stringToSign: 'OSS4-HMAC-SHA256\n20241112T083238Z\n20241112/cn-hangzhou/oss/aliyun_v4_request\ndef' },
    ).map((finding) => finding.sentence);
    expect(findings).toEqual([
      'the request used POST but the URL was signed for PUT',
      'the server signed the path "/photos/dog.png" but the URL was signed for "/photos/cat.png"',
      'the server saw the query parameter "uploads", which the URL did not sign',
      'the server used the signing scope 20241112/cn-shanghai/oss/aliyun_v4_request but the URL was signed with 20241112/cn-hangzhou/oss/aliyun_v4_request',
    ]);
    expect(findings.join(' ')).not.toContain('TOKEN');
  });

  it('reads the OSS V1 string to sign (Content-MD5, Content-Type, x-oss-* lines, resource)', () => {
    const server = 'PUT\n\ntext/plain\n1731400358\nx-oss-meta-a:1\n/photos/cat.png?partNumber=1&uploadId=U&security-token=T';
    const client = 'PUT\n\nimage/png\n1731400358\n/photos/cat.png?partNumber=1&uploadId=U&security-token=T';
    expect(compareSignedRequests({ stringToSign: server }, { stringToSign: client }).map((f) => [f.header, f.sentence])).toEqual([
      ['content-type', 'the server saw Content-Type: "text/plain" but the URL signed "image/png"'],
      ['x-oss-meta-a', 'the request sent x-oss-meta-a: "1", which the URL did not sign'],
    ]);
  });

  it('reports a signed header the request did not send, and hides credential-bearing values', () => {
    const server = ['PUT', '/b/k', '', 'x-oss-security-token:AAA', '', '', 'UNSIGNED-PAYLOAD'].join('\n');
    const findings = compareSignedRequests({ canonicalRequest: server }, { signedHeaders: { 'Content-Type': 'image/png', 'x-oss-security-token': 'BBB' } });
    expect(findings.map((f) => f.sentence)).toEqual([
      'the URL signed Content-Type: "image/png", but the request did not send it',
      'the server saw x-oss-security-token: (hidden) but the URL signed (hidden)',
    ]);
  });
});
