/**
 * The routing ObjectApi sends each call to the dialect of the destination its signer is bound to, and
 * signs the extra probe only once per signer.
 */
import { describe, expect, it } from 'vitest';
import { createRoutedObjectApi } from '../../../../electron/core/app/object-api-router.js';
import type { ObjectApi, SignFn } from '../../../../electron/core/transfer/object-api.js';
import { makeSigner } from '../../../helpers/signer.js';

function recordingApi(name: string, log: string[]): ObjectApi {
  const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
  return {
    putObject: (_s, key) => (log.push(`${name} put ${key}`), ok({ etag: 'e', crc64: '0', size: 0 })),
    headObject: (_s, key) => (log.push(`${name} head ${key}`), ok({ exists: false as const })),
    initiateMultipart: (_s, key) => (log.push(`${name} initiate ${key}`), ok({ uploadId: 'u' })),
    uploadPart: (_s, key) => (log.push(`${name} part ${key}`), ok({ etag: 'e', crc64: '0', size: 0 })),
    completeMultipart: (_s, key) => (log.push(`${name} complete ${key}`), ok({ etag: 'e' })),
    abortMultipart: (_s, key) => (log.push(`${name} abort ${key}`), ok(undefined)),
    listParts: (_s, key) => (log.push(`${name} list ${key}`), ok([])),
    close: () => void log.push(`${name} close`),
  };
}

const CREDENTIALS = { accessKeyId: 'AK', accessKeySecret: 'SK' };
const options = { signal: new AbortController().signal };
const range = { path: '/x', start: 0, end: 0 };

describe('createRoutedObjectApi', () => {
  it('routes SigV4 destinations to the S3 API and OSS ones to the OSS API', async () => {
    const log: string[] = [];
    const api = createRoutedObjectApi({ oss: recordingApi('oss', log), s3: recordingApi('s3', log) });
    const oss = makeSigner({ endpoint: 'http://127.0.0.1:1', bucket: 'bkt', scheme: 'oss-v4', credentials: CREDENTIALS });
    const v1 = makeSigner({ endpoint: 'http://127.0.0.1:1', bucket: 'bkt', scheme: 'oss-v1', credentials: CREDENTIALS });
    const s3 = makeSigner({ endpoint: 'http://127.0.0.1:1', bucket: 'bkt', scheme: 's3-v4', credentials: CREDENTIALS });
    await api.putObject(oss, 'a', range, {}, options);
    await api.headObject(v1, 'b', options);
    await api.initiateMultipart(s3, 'c', {}, options);
    await api.uploadPart(s3, 'c', 'u', 1, range, options);
    await api.completeMultipart(s3, 'c', 'u', [], '0', {}, options);
    await api.listParts(oss, 'd', 'u', options);
    await api.abortMultipart(s3, 'c', 'u', options);
    api.close();
    expect(log).toEqual(['oss put a', 'oss head b', 's3 initiate c', 's3 part c', 's3 complete c', 'oss list d', 's3 abort c', 'oss close', 's3 close']);
  });

  it('signs the probe once per signer', async () => {
    let signed = 0;
    const inner = makeSigner({ endpoint: 'http://127.0.0.1:1', bucket: 'bkt', scheme: 's3-v4', credentials: CREDENTIALS });
    const counting: SignFn = (request) => (signed++, inner(request));
    const api = createRoutedObjectApi({ oss: recordingApi('oss', []), s3: recordingApi('s3', []) });
    for (let part = 1; part <= 5; part++) await api.uploadPart(counting, 'k', 'u', part, range, options);
    expect(signed).toBe(1);
  });

  it('falls back to OSS when the signer cannot sign (the call then reports it)', async () => {
    const log: string[] = [];
    const api = createRoutedObjectApi({ oss: recordingApi('oss', log), s3: recordingApi('s3', log) });
    await api.headObject(() => { throw new Error('no credentials'); }, 'k', options);
    expect(log).toEqual(['oss head k']);
  });
});
