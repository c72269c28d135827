import { describe, expect, it } from 'vitest';
import { isPlainMd5Etag, sameCrc64, verifyCompleted, verifyUpload } from '../../../../../electron/core/transfer/http/verify-upload.js';

const MD5 = '5d41402abc4b2a76b9719d911017c592';
const local = { crc64: '12345', md5Hex: MD5 };

describe('verifyUpload on OSS', () => {
  it('compares x-oss-hash-crc64ecma with the local CRC', () => {
    expect(verifyUpload('oss', { 'x-oss-hash-crc64ecma': '12345' }, local)).toEqual({ kind: 'verified', algorithm: 'crc64' });
    expect(verifyUpload('oss', { 'x-oss-hash-crc64ecma': '012345' }, local)).toEqual({ kind: 'verified', algorithm: 'crc64' });
    expect(verifyUpload('oss', { 'x-oss-hash-crc64ecma': '54321' }, local)).toEqual({
      kind: 'mismatch',
      failure: { kind: 'integrity', expected: '12345', actual: '54321', algorithm: 'crc64' },
    });
  });

  it('counts a CRC header that is not a 64-bit decimal as a mismatch', () => {
    expect(verifyUpload('oss', { 'x-oss-hash-crc64ecma': 'abc' }, local).kind).toBe('mismatch');
    expect(verifyUpload('oss', { 'x-oss-hash-crc64ecma': '18446744073709551616' }, local).kind).toBe('mismatch');
  });

  it('accepts an answer without the CRC header as unverified (the ETag is not checked on OSS)', () => {
    expect(verifyUpload('oss', { etag: '"00000000000000000000000000000000"' }, { crc64: '1' })).toEqual({ kind: 'unverified', reason: 'no-crc-header' });
  });
});

describe('verifyUpload on S3', () => {
  it('compares a plain MD5 ETag with the local MD5, ignoring case and quotes', () => {
    expect(verifyUpload('s3', { etag: `"${MD5.toUpperCase()}"` }, local)).toEqual({ kind: 'verified', algorithm: 'md5' });
    expect(verifyUpload('s3', { etag: '"00000000000000000000000000000000"' }, local)).toEqual({
      kind: 'mismatch',
      failure: { kind: 'integrity', expected: MD5, actual: '00000000000000000000000000000000', algorithm: 'md5' },
    });
  });

  it('does not compare multipart-style, KMS or SSE-C ETags', () => {
    expect(verifyUpload('s3', { etag: `"${MD5}-2"` }, local)).toEqual({ kind: 'unverified', reason: 'etag-not-md5' });
    expect(verifyUpload('s3', { etag: '"00000000000000000000000000000000"', 'x-amz-server-side-encryption': 'aws:kms' }, local).kind).toBe('unverified');
    expect(verifyUpload('s3', { etag: '"00000000000000000000000000000000"', 'x-amz-server-side-encryption': 'aws:kms:dsse' }, local).kind).toBe('unverified');
    expect(
      verifyUpload('s3', { etag: '"00000000000000000000000000000000"', 'x-amz-server-side-encryption-customer-algorithm': 'AES256' }, local).kind,
    ).toBe('unverified');
    expect(verifyUpload('s3', { etag: `"${MD5}"`, 'x-amz-server-side-encryption': 'AES256' }, local)).toEqual({ kind: 'verified', algorithm: 'md5' });
    expect(verifyUpload('s3', {}, local)).toEqual({ kind: 'unverified', reason: 'etag-missing' });
  });

  it('checks a CRC header too when an S3-compatible store sends one', () => {
    expect(verifyUpload('s3', { 'x-oss-hash-crc64ecma': '1', etag: `"${MD5}"` }, local).kind).toBe('mismatch');
    expect(verifyUpload('s3', { 'x-oss-hash-crc64ecma': '12345', etag: `"${MD5}-3"` }, local)).toEqual({ kind: 'verified', algorithm: 'crc64' });
  });
});

describe('verifyCompleted', () => {
  it('compares the CRC header with the combined CRC; unverified without one', () => {
    expect(verifyCompleted({ 'x-oss-hash-crc64ecma': '99' }, '99')).toEqual({ kind: 'verified', algorithm: 'crc64' });
    expect(verifyCompleted({ 'x-oss-hash-crc64ecma': '98' }, '99')).toMatchObject({ kind: 'mismatch', failure: { expected: '99', actual: '98' } });
    expect(verifyCompleted({}, '99')).toEqual({ kind: 'unverified', reason: 'no-crc-header' });
  });
});

describe('helpers', () => {
  it('sameCrc64 compares values, not texts', () => {
    expect(sameCrc64('0', '00')).toBe(true);
    expect(sameCrc64('18446744073709551615', '18446744073709551615')).toBe(true);
    expect(sameCrc64('x', 'x')).toBe(false);
  });

  it('isPlainMd5Etag wants exactly 32 hex digits', () => {
    expect(isPlainMd5Etag(MD5, {})).toBe(true);
    expect(isPlainMd5Etag(`${MD5}0`, {})).toBe(false);
    expect(isPlainMd5Etag('g'.repeat(32), {})).toBe(false);
  });
});
