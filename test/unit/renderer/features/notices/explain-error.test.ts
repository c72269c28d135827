import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../../../electron/shared/errors.js';
import { ERROR_CODES, explainError, isKnownErrorCode } from '../../../../../renderer/src/features/notices/explain-error.js';
import { i18n } from '../../../../../renderer/src/i18n/index.js';
import type { errors } from '../../../../../renderer/src/i18n/locales/en/errors.js';

/** Accepts `true` only. */
type Assert<T extends true> = T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time proof: the catalog explains exactly the ErrorCodes, no more, no less. */
export type CatalogCoversEveryCode = Assert<Same<keyof typeof errors.codes, ErrorCode>>;

const en = i18n.getFixedT('en', 'errors');
const zh = i18n.getFixedT('zh-CN', 'errors');

/** The codes a transfer (or the enqueue before it) can fail with, from the engine, its HTTP layer and the profile that signs. */
const TRANSFER_FAILURES: readonly ErrorCode[] = [
  'file-vanished',
  'file-unreadable',
  'file-changed',
  'symlink-loop',
  'special-file',
  'invalid-key',
  'invalid-key-template',
  'file-too-large',
  'wrong-region',
  'clock-skew',
  'url-expired',
  'signature-mismatch',
  'access-denied',
  'invalid-access-key',
  'credentials-expired',
  'no-such-bucket',
  'no-such-key',
  'no-such-upload',
  'object-exists',
  'entity-too-large',
  'integrity-mismatch',
  'request-rejected',
  'server-busy',
  'server-error',
  'network-error',
  'tls-error',
  'request-timeout',
  'proxy-failed',
  'profile-not-found',
  'keychain-unavailable',
  'keychain-locked',
  'keychain-failed',
  'secret-missing',
  'secret-input-unavailable',
  'wrong-passphrase',
  'secret-file-damaged',
  'missing-credentials',
  'internal',
];

describe('the errors catalog', () => {
  it('lists every error code once', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of TRANSFER_FAILURES) expect(ERROR_CODES).toContain(code);
  });

  it.each(ERROR_CODES.map((code) => [code]))('explains %s with a title and a fix, in English and in Chinese', (code) => {
    const english = explainError({ code, message: '' }, en, 'en');
    const chinese = explainError({ code, message: '' }, zh, 'zh-CN');
    for (const text of [english.title, english.fix, chinese.title, chinese.fix]) {
      expect(text.trim()).not.toBe('');
      expect(text).not.toContain('codes.');
    }
    expect(english.title).not.toBe(en('unknown.title'));
    expect(chinese.title).not.toBe(english.title);
    expect(chinese.fix).not.toBe(english.fix);
    expect(chinese.title).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('explainError', () => {
  it('gives every code a transfer can fail with its own words, and keeps the host sentence as a detail', () => {
    for (const code of TRANSFER_FAILURES) {
      const explained = explainError({ code, message: `The host said ${code}.` }, en, 'en');
      expect(explained.title).toBe(en(`codes.${code}.title`));
      expect(explained.details[0]).toBe(`The host said ${code}.`);
    }
  });

  it('shows a server sentence holding control or bidirectional characters with them escaped', () => {
    const explained = explainError({ code: 'access-denied', message: 'The server refused: no\u202e ytisoc\u001b[8m hidden.' }, en, 'en');
    expect(explained.details[0]).toBe('The server refused: no\\u202e ytisoc\\u001b[8m hidden.');
  });

  it('names the bucket’s real region, or the endpoint to use', () => {
    const region = explainError({ code: 'wrong-region', message: 'm', details: { bucketRegion: 'cn-shanghai', signedRegion: 'cn-hangzhou' } }, en, 'en');
    expect(region.title).toBe('The bucket is in cn-shanghai');
    expect(region.fix).toContain('Set the profile’s region to cn-shanghai');
    expect(explainError({ code: 'wrong-region', message: 'm', details: { bucketRegion: 'cn-shanghai' } }, zh, 'zh-CN').title).toBe('Bucket 位于 cn-shanghai');
    const endpoint = explainError({ code: 'wrong-region', message: 'm', details: { endpoint: 'oss-eu-west-1.aliyuncs.com', bucketRegion: 'eu-west-1' } }, en, 'en');
    expect(endpoint.fix).toBe('Set the profile’s endpoint to https://oss-eu-west-1.aliyuncs.com.');
  });

  it('says how far the clock is off and which way', () => {
    expect(explainError({ code: 'clock-skew', message: 'm', details: { clockOffsetMs: 17 * 60_000 } }, en, 'en').title).toBe('Your computer’s clock is 17 min slow');
    expect(explainError({ code: 'clock-skew', message: 'm', details: { clockOffsetMs: -2 * 3600_000 } }, en, 'en').title).toBe('Your computer’s clock is 2 hr fast');
    expect(explainError({ code: 'clock-skew', message: 'm', details: { clockOffsetMs: 17 * 60_000 } }, zh, 'zh-CN').title).toBe('电脑时钟慢了 17分钟');
    expect(explainError({ code: 'clock-skew', message: 'm' }, en, 'en').title).toBe('Your computer’s clock is wrong');
  });

  it('names the header that differs from the signed one, and shows the engine’s sentence about it', () => {
    const message = 'The server rejected the signature: the request sent Content-Type "text/plain", but the link was signed for "image/png".';
    const explained = explainError({ code: 'signature-mismatch', message, details: { header: 'Content-Type', status: 403, serverCode: 'SignatureDoesNotMatch', requestId: 'REQ1' } }, en, 'en');
    expect(explained.title).toBe('The Content-Type header is not what was signed');
    expect(explained.fix).toContain('the same Content-Type');
    expect(explained.details).toEqual([message, 'Request ID: REQ1', 'Server answer: HTTP 403 SignatureDoesNotMatch']);
  });

  it('names the file that vanished, changed or could not be read', () => {
    expect(explainError({ code: 'file-vanished', message: 'm', details: { path: '/home/me/a.txt', errno: 'ENOENT' } }, en, 'en').title).toBe('a.txt is no longer there');
    expect(explainError({ code: 'file-changed', message: 'm' }, en, 'en', { fileName: 'b.log' }).title).toBe('b.log changed while it was uploading');
    expect(explainError({ code: 'file-unreadable', message: 'm', details: { path: 'C:\\data\\c.bin' } }, zh, 'zh-CN').title).toBe('无法读取 c.bin');
    expect(explainError({ code: 'file-vanished', message: 'm', details: { errno: 'ENOENT' } }, en, 'en').details).toContain('System error: ENOENT');
    expect(explainError({ code: 'file-vanished', message: 'm', details: { path: '/in/invoice\u202efdp.exe' } }, en, 'en').title).toBe('invoice\\u202efdp.exe is no longer there');
  });

  it('still explains a code this version does not know, with the host sentence', () => {
    expect(isKnownErrorCode('quota-exceeded')).toBe(false);
    const explained = explainError({ code: 'quota-exceeded' as ErrorCode, message: 'Your quota is used up.' }, en, 'en');
    expect(explained).toEqual({ title: 'Something went wrong', fix: en('unknown.fix'), details: ['Your quota is used up.'] });
  });
});
