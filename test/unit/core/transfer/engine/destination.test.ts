import { describe, expect, it } from 'vitest';
import { descriptorOf, destinationId, objectHeaders, validateDescriptor } from '../../../../../electron/core/transfer/engine/destination.js';
import { destination } from './harness.js';

describe('destinations', () => {
  it('describes a destination without its credentials, header names lower-cased', () => {
    const descriptor = descriptorOf(destination({ headers: { 'X-OSS-Storage-Class': 'IA' }, profile: 'work' }));
    expect(descriptor).not.toHaveProperty('credentials');
    expect(descriptor.headers).toEqual({ 'x-oss-storage-class': 'IA' });
    expect(JSON.stringify(descriptor)).not.toContain('secret');
  });

  it('gives equal descriptors the same id whatever the key order, and different ones different ids', () => {
    const a = descriptorOf(destination());
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as typeof a;
    expect(destinationId(reordered)).toBe(destinationId(a));
    expect(destinationId(descriptorOf(destination({ prefix: 'other' })))).not.toBe(destinationId(a));
    expect(destinationId(a)).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each([
    [{ bucket: 'Bad_Bucket' }, 'invalid-bucket'],
    [{ endpoint: 'not a url' }, 'invalid-endpoint'],
    [{ keyTemplate: '{path' }, 'invalid-key-template'],
    [{ ifExists: 'merge' }, 'invalid-argument'],
    [{ headers: { 'cache-control': 'no-cache' } }, 'invalid-header'],
    [{ link: { kind: 'presigned', expiresInSeconds: 0 } }, 'invalid-expiry'],
  ])('rejects %j with %s', (overrides, code) => {
    expect(() => validateDescriptor(descriptorOf(destination(overrides as never)))).toThrow(expect.objectContaining({ code }));
  });

  it('adds the overwrite guard for the fail policy: x-oss-forbid-overwrite on OSS, If-None-Match on S3 (not on initiate)', () => {
    expect(objectHeaders(descriptorOf(destination({ ifExists: 'fail' })), 'image/png', 'put')).toEqual({ 'content-type': 'image/png', 'x-oss-forbid-overwrite': 'true' });
    expect(objectHeaders(descriptorOf(destination({ ifExists: 'fail' })), 'image/png', 'initiate')).toEqual({ 'content-type': 'image/png', 'x-oss-forbid-overwrite': 'true' });
    const s3 = descriptorOf(destination({ ifExists: 'fail', scheme: 's3-v4', endpoint: 'https://s3.eu-west-1.amazonaws.com', region: 'eu-west-1' }));
    expect(objectHeaders(s3, 'image/png', 'put')).toEqual({ 'content-type': 'image/png', 'if-none-match': '*' });
    expect(objectHeaders(s3, 'image/png', 'initiate')).toEqual({ 'content-type': 'image/png' });
    expect(objectHeaders(descriptorOf(destination({ headers: { 'content-type': 'application/x-custom' } })), 'image/png', 'put')).toEqual({ 'content-type': 'application/x-custom' });
  });
});
