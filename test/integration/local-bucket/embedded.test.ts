/**
 * The app's embedded local bucket (electron/core/local-bucket/embedded.ts): a drop page opened from disk
 * may upload to it, and nothing else gets CORS.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedLocalBucket, type EmbeddedLocalBucket } from '../../../electron/core/local-bucket/embedded.js';

let dir = '';
let embedded: EmbeddedLocalBucket;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dropsign-embedded-'));
  embedded = await startEmbeddedLocalBucket(dir, { port: 0 });
});
afterAll(async () => {
  await embedded.handle.close();
  await rm(dir, { recursive: true, force: true });
});

function preflight(origin: string, method: string): Promise<Response> {
  return fetch(`${embedded.handle.endpoint}/${embedded.bucket}/inbox/scan.pdf`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'content-type,x-oss-meta-from' },
  });
}

describe('the embedded local bucket', () => {
  it('lets a drop page opened from disk (origin null) upload with the headers its link signed', async () => {
    const answer = await preflight('null', 'PUT');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('null');
    expect(answer.headers.get('access-control-allow-methods')).toBe('PUT');
    expect(answer.headers.get('access-control-allow-headers')).toBe('content-type, x-oss-meta-from');
    expect(answer.headers.get('access-control-expose-headers')).toContain('ETag');
  });

  it('gives no other page and no other method CORS', async () => {
    for (const [origin, method] of [['https://evil.example', 'PUT'], ['http://127.0.0.1:8080', 'PUT'], ['null', 'GET'], ['null', 'DELETE']] as const) {
      const answer = await preflight(origin, method);
      expect(answer.status, `${origin} ${method}`).toBe(403);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});
