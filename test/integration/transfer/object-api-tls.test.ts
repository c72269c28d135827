/**
 * TLS verification is always on: a self-signed store is refused with a TLS error code (even with
 * NODE_TLS_REJECT_UNAUTHORIZED=0), and trusted once its CA is given to the pool (the seam for corporate CAs).
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc64, formatCrc64 } from '../../../electron/core/integrity/crc64.js';
import { isTlsErrorCode } from '../../../electron/core/transfer/attempt-failure.js';
import { createAgentPool, createHttpObjectApi } from '../../../electron/core/transfer/http/index.js';
import type { SignFn } from '../../../electron/core/transfer/object-api.js';
import { attempt } from './fixture.js';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const BODY = Buffer.from('over tls');

describe.skipIf(!hasOpenssl())('TLS', () => {
  let dir: string;
  let server: Server;
  let cert: Buffer;
  let sign: SignFn;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dropsign-tls-'));
    const [keyFile, certFile] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
    // An EC key: generated in milliseconds, unlike RSA.
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
      '-keyout', keyFile, '-out', certFile, '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    ], { stdio: 'ignore' });
    cert = await readFile(certFile);
    server = createServer({ key: await readFile(keyFile), cert }, (req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { etag: '"E"', 'x-oss-hash-crc64ecma': formatCrc64(crc64(BODY)) });
        res.end();
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    sign = (request) => ({ url: `${base}/photos/${request.key}`, method: request.method, signedHeaders: {}, expiresAt: '', signedAt: '' });
    file = path.join(dir, 'body.txt');
    await writeFile(file, BODY);
  });
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a self-signed certificate with a TLS error code, whatever NODE_TLS_REJECT_UNAUTHORIZED says', async () => {
    const previous = process.env['NODE_TLS_REJECT_UNAUTHORIZED'];
    process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0';
    const api = createHttpObjectApi({ provider: 'oss' });
    try {
      const result = await api.putObject(sign, 'k.txt', { path: file, start: 0, end: BODY.length }, {}, attempt());
      expect(result.ok).toBe(false);
      const failure = result.ok ? undefined : result.failure;
      expect(failure?.kind).toBe('network');
      expect(failure?.kind === 'network' && isTlsErrorCode(failure.code)).toBe(true);
    } finally {
      if (previous === undefined) delete process.env['NODE_TLS_REJECT_UNAUTHORIZED'];
      else process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = previous;
      api.close();
    }
  });

  it('trusts the store once its CA is given to the pool', async () => {
    const agents = createAgentPool({ ca: cert });
    const api = createHttpObjectApi({ provider: 'oss', agents });
    try {
      const result = await api.putObject(sign, 'k.txt', { path: file, start: 0, end: BODY.length }, {}, attempt());
      expect(result).toMatchObject({ ok: true, value: { etag: 'E', size: BODY.length } });
    } finally {
      api.close();
      agents.destroy();
    }
  });
});
