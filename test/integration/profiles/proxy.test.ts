/**
 * The profile probe through real proxies on loopback: an HTTP forward proxy (absolute-form requests) and a
 * CONNECT tunnel for https, a proxy that demands authentication, and TLS verification through the tunnel
 * that stays on even when NODE_TLS_REJECT_UNAUTHORIZED=0. Needs no keychain.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLocalBucket, verifySignature, type LocalBucketHandle } from '../../../electron/core/local-bucket/index.js';
import { probeProfile } from '../../../electron/core/profiles/profile-probe.js';
import type { Profile } from '../../../electron/core/profiles/profile-schema.js';

const KEY_ID = 'LTAI5tProxyKeyId';
const SECRET = 'Proxy+Test/Secret=1';

/** A loopback proxy: forwards absolute-form HTTP requests, tunnels CONNECT; records what it saw. */
interface TestProxy {
  readonly url: string;
  readonly seen: string[];
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

async function startProxy(mode: 'forward' | 'require-auth'): Promise<TestProxy> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    seen.push(`${req.method ?? ''} ${req.url ?? ''}`);
    if (mode === 'require-auth') {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end('auth required');
      return;
    }
    const upstream = request(req.url ?? '', { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req: IncomingMessage, client: Socket) => {
    seen.push(`CONNECT ${req.url ?? ''}`);
    const [host = '', port = '443'] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      sockets.add(upstream);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const NOW = () => Date.now();

/** Whether openssl is here to make a self-signed certificate (the TLS test reports itself skipped without it). */
const HAS_OPENSSL = ((): boolean => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('profile probe through proxies', () => {
  let root = '';
  let bucket: LocalBucketHandle;
  let profile: Profile;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'dropsign-proxy-'));
    bucket = await startLocalBucket({ dataDir: path.join(root, 'lb'), buckets: ['photos'], region: 'cn-hangzhou', accessKeys: new Map([[KEY_ID, SECRET]]), authenticate: verifySignature });
    profile = {
      name: 'proxied',
      provider: 'oss',
      scheme: 'oss-v4',
      region: 'cn-hangzhou',
      endpoint: { kind: 'custom', url: bucket.endpoint },
      style: 'path',
      bucket: 'photos',
      keyPrefix: '',
      linkExpirySeconds: 3600,
      accessKeyId: KEY_ID,
      secretStore: 'keychain',
    };
  });
  afterAll(async () => {
    await bucket?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('goes through HTTP_PROXY (loopback listed explicitly) and the signature still verifies', async () => {
    const proxy = await startProxy('forward');
    try {
      const report = await probeProfile({
        profile,
        credentials: { accessKeyId: KEY_ID, accessKeySecret: SECRET },
        env: { HTTP_PROXY: proxy.url, DROPSIGN_PROXY_LOOPBACK: '127.0.0.1' },
        now: NOW,
      });
      expect(report).toMatchObject({ ok: true, route: `through the proxy ${proxy.url} (HTTP_PROXY)` });
      expect(proxy.seen).toEqual([expect.stringMatching(new RegExp(`^GET ${bucket.endpoint}/photos/\\?max-keys=1&`))]);
    } finally {
      await proxy.close();
    }
  });

  it('leaves loopback direct when it is not listed, whatever HTTP_PROXY says', async () => {
    const proxy = await startProxy('forward');
    try {
      const report = await probeProfile({ profile, credentials: { accessKeyId: KEY_ID, accessKeySecret: SECRET }, env: { HTTP_PROXY: proxy.url }, now: NOW });
      expect(report).toMatchObject({ ok: true, route: 'direct' });
      expect(proxy.seen).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('diagnoses a proxy that wants a password (407) as a proxy failure', async () => {
    const proxy = await startProxy('require-auth');
    try {
      const report = await probeProfile({
        profile,
        credentials: { accessKeyId: KEY_ID, accessKeySecret: SECRET },
        env: { HTTP_PROXY: proxy.url, DROPSIGN_PROXY_LOOPBACK: '*' },
        now: NOW,
      });
      expect(report.ok).toBe(false);
      if (!report.ok) {
        expect(report.problem.code).toBe('proxy-failed');
        expect(report.problem.message).toContain('asks for a user name and password (407)');
      }
    } finally {
      await proxy.close();
    }
  });
});

/** Generates a self-signed certificate for 127.0.0.1 with openssl; undefined when openssl is missing. */
async function selfSignedCertificate(dir: string): Promise<{ key: Buffer; cert: Buffer } | undefined> {
  try {
    await promisify(execFile)('openssl', [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'],
      ...['-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')],
    ]);
  } catch {
    return undefined;
  }
  return { key: await readFile(path.join(dir, 'key.pem')), cert: await readFile(path.join(dir, 'cert.pem')) };
}

describe('TLS verification stays on, direct and through a CONNECT tunnel', () => {
  let dir = '';
  let tls: { key: Buffer; cert: Buffer } | undefined;
  let server: Server | undefined;
  let endpoint = '';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dropsign-tls-'));
    tls = HAS_OPENSSL ? await selfSignedCertificate(dir) : undefined;
    if (tls === undefined) return;
    const https = createHttpsServer({ key: tls.key, cert: tls.cert }, (_req, res) => res.writeHead(200, { date: new Date().toUTCString() }).end('<ListBucketResult/>'));
    server = https;
    endpoint = `https://127.0.0.1:${await listen(https)}`;
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  afterAll(async () => {
    // Tunnelled sockets outlive the proxy; close them so close() does not wait for them.
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
    await rm(dir, { recursive: true, force: true });
  });

  const httpsProfile = (): Profile => ({
    name: 'tls',
    provider: 'oss',
    scheme: 'oss-v4',
    region: 'cn-hangzhou',
    endpoint: { kind: 'custom', url: endpoint },
    style: 'path',
    bucket: 'photos',
    keyPrefix: '',
    linkExpirySeconds: 3600,
    accessKeyId: KEY_ID,
    secretStore: 'keychain',
  });

  it.skipIf(!HAS_OPENSSL)(`refuses a self-signed certificate even with NODE_TLS_REJECT_UNAUTHORIZED=0${HAS_OPENSSL ? '' : ' (SKIPPED: no openssl to make a certificate)'}`, async () => {
    if (tls === undefined) throw new Error('openssl could not make a certificate');
    vi.stubEnv('NODE_TLS_REJECT_UNAUTHORIZED', '0');
    const credentials = { accessKeyId: KEY_ID, accessKeySecret: SECRET };
    const direct = await probeProfile({ profile: httpsProfile(), credentials, env: {}, now: NOW });
    expect(direct.ok ? 'ok' : direct.problem.code).toBe('tls-error');
    const proxy = await startProxy('forward');
    try {
      const tunnelled = await probeProfile({ profile: httpsProfile(), credentials, env: { HTTPS_PROXY: proxy.url, DROPSIGN_PROXY_LOOPBACK: '*' }, now: NOW });
      expect(proxy.seen).toEqual([`CONNECT ${new URL(endpoint).host}`]);
      expect(tunnelled.ok ? 'ok' : tunnelled.problem.code).toBe('tls-error');
      if (!tunnelled.ok) expect(tunnelled.problem.hint).toContain('inspecting HTTPS');
    } finally {
      await proxy.close();
    }
  });
});
