import { describe, expect, it } from 'vitest';
import {
  parseAuthorizationParams,
  parseCredentialScope,
  parseHeaderNameList,
} from '../../../../../electron/core/local-bucket/auth/auth-params.js';
import { checkRequestTime, checkUrlWindow, parseCompactDateTime, parseHttpDate } from '../../../../../electron/core/local-bucket/auth/request-time.js';

describe('signing-time parsers', () => {
  it('reads compact ISO times and refuses impossible ones', () => {
    expect(parseCompactDateTime('20241112T083238Z')).toBe(Date.UTC(2024, 10, 12, 8, 32, 38));
    for (const bad of ['20240230T000000Z', '20241112T250000Z', '20241112T086000Z', '2024-11-12T08:32:38Z', '']) {
      expect(parseCompactDateTime(bad)).toBeUndefined();
    }
  });

  it('reads HTTP dates only in their GMT form', () => {
    expect(parseHttpDate('Tue, 12 Nov 2024 08:32:38 GMT')).toBe(Date.UTC(2024, 10, 12, 8, 32, 38));
    expect(parseHttpDate('2024-11-12')).toBeUndefined();
  });
});

describe('time windows', () => {
  const now = Date.UTC(2026, 0, 1);
  it('lets a URL signed 15 minutes ahead pass, but not 16', () => {
    expect(checkUrlWindow(now + 15 * 60_000, 60, now)).toBeUndefined();
    expect(checkUrlWindow(now + 16 * 60_000, 60, now)?.code).toBe('RequestTimeTooSkewed');
  });
  it('expires a URL one second after its validity', () => {
    expect(checkUrlWindow(now - 60_000, 60, now)).toBeUndefined();
    expect(checkUrlWindow(now - 61_000, 60, now)?.code).toBe('AccessDenied');
  });
  it('refuses header-signed requests skewed either way', () => {
    expect(checkRequestTime(now - 16 * 60_000, now)?.code).toBe('RequestTimeTooSkewed');
    expect(checkRequestTime(now + 16 * 60_000, now)?.code).toBe('RequestTimeTooSkewed');
    expect(checkRequestTime(now + 60_000, now)).toBeUndefined();
  });
});

describe('authorization parameters', () => {
  it('splits V4 header parameters with or without spaces', () => {
    const params = parseAuthorizationParams('Credential=AK/20241112/cn-hangzhou/oss/aliyun_v4_request, AdditionalHeaders=host,Signature=ab');
    expect(params?.get('AdditionalHeaders')).toBe('host');
    expect(params?.get('Signature')).toBe('ab');
  });
  it('refuses repeated or nameless parameters', () => {
    expect(parseAuthorizationParams('Signature=a,Signature=b')).toBeUndefined();
    expect(parseAuthorizationParams('=a')).toBeUndefined();
  });
  it('parses credential scopes for a given service', () => {
    expect(parseCredentialScope('AK/20241112/cn-hangzhou/oss/aliyun_v4_request', 'oss', 'aliyun_v4_request')).toEqual({
      accessKeyId: 'AK',
      date: '20241112',
      region: 'cn-hangzhou',
    });
    expect(parseCredentialScope('AK/20241112/cn-hangzhou/s3/aws4_request', 'oss', 'aliyun_v4_request')).toBeUndefined();
    expect(parseCredentialScope('AK/2024-11-12/cn-hangzhou/oss/aliyun_v4_request', 'oss', 'aliyun_v4_request')).toBeUndefined();
  });
  it('refuses empty items in header name lists', () => {
    expect(parseHeaderNameList('host;x')).toEqual(['host', 'x']);
    expect(parseHeaderNameList('host;')).toBeUndefined();
    expect(parseHeaderNameList('')).toEqual([]);
  });
});
