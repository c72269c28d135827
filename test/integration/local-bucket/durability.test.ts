/**
 * Durability: an object appears only when its upload completes. Disconnects, resets and shutdowns mid-body
 * leave no object and no stray temp file; concurrent PUTs to one key never produce a mix.
 */
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, eventually, listFiles, send, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const tmpFiles = (harness: Harness): Promise<string[]> => listFiles(path.join(harness.dataDir, 'tmp'));

/** Starts an upload on a raw socket, sends `sent` of `declared` bytes, and waits until the server is writing it. */
async function halfUpload(harness: Harness, requestPath: string, declared: number, sent: number): Promise<Socket> {
  const socket = connect(harness.port, '127.0.0.1');
  socket.on('error', () => undefined);
  socket.write(`PUT ${requestPath} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${declared}\r\n\r\n`);
  socket.write(randomBytes(sent));
  await eventually(async () => (await tmpFiles(harness)).length > 0);
  return socket;
}

describe('a client that disconnects mid-body', () => {
  it('leaves no object and no temp file (PutObject)', async () => {
    await send(h.port, 'PUT', '/photos/cut', { body: 'previous version' });
    const socket = await halfUpload(h, '/photos/cut', 1024 * 1024, 200 * 1024);
    socket.destroy();
    await eventually(async () => (await tmpFiles(h)).length === 0);
    expect((await send(h.port, 'GET', '/photos/cut')).text).toBe('previous version');
    const socket2 = await halfUpload(h, '/photos/never', 1024 * 1024, 10);
    socket2.destroy();
    await eventually(async () => (await tmpFiles(h)).length === 0);
    expect((await send(h.port, 'HEAD', '/photos/never')).status).toBe(404);
  });

  it('leaves no part and no temp file (UploadPart)', async () => {
    const init = await send(h.port, 'POST', '/photos/cut-part?uploads');
    const id = /<UploadId>(\w+)<\/UploadId>/.exec(init.text)?.[1] ?? '';
    const socket = await halfUpload(h, `/photos/cut-part?partNumber=1&uploadId=${id}`, 512 * 1024, 64 * 1024);
    socket.destroy();
    await eventually(async () => (await tmpFiles(h)).length === 0);
    const parts = await send(h.port, 'GET', `/photos/cut-part?uploadId=${id}`);
    expect(parts.text).not.toContain('<Part>');
  });
});

describe('two concurrent PUTs to one key', () => {
  /** PUTs `body` in chunks, yielding between them so two uploads interleave on the server. */
  function slowPut(requestPath: string, body: Buffer, chunk: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: h.port, method: 'PUT', path: requestPath, headers: { 'content-length': body.length }, agent: false },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      let offset = 0;
      const pump = (): void => {
        if (offset >= body.length) {
          req.end();
          return;
        }
        req.write(body.subarray(offset, offset + chunk));
        offset += chunk;
        setTimeout(pump, 1);
      };
      pump();
    });
  }

  it('leave one of the two complete bodies, never a mix', async () => {
    for (let round = 0; round < 3; round++) {
      const a = randomBytes(1024 * 1024);
      const b = randomBytes(1024 * 1024 + 4096);
      const statuses = await Promise.all([slowPut('/photos/race', a, 64 * 1024), slowPut('/photos/race', b, 48 * 1024)]);
      expect(statuses).toEqual([200, 200]);
      const got = (await send(h.port, 'GET', '/photos/race')).body;
      expect(got.equals(a) || got.equals(b)).toBe(true);
    }
    expect(await tmpFiles(h)).toEqual([]);
  });
});

describe('faults that cut uploads', () => {
  it('reset-rate destroys upload connections mid-body, leaving nothing behind', async () => {
    // Random draws: 0.9 (keep) for the first upload, 0.1 (reset) for the second.
    const draws = [0.9, 0.1];
    const faulty = await startHarness({ faults: { resetRate: 0.5 }, random: () => draws.shift() ?? 0.99 });
    try {
      expect((await send(faulty.port, 'PUT', '/photos/kept', { body: randomBytes(300 * 1024) })).status).toBe(200);
      await expect(send(faulty.port, 'PUT', '/photos/reset', { body: randomBytes(300 * 1024) })).rejects.toThrow();
      await eventually(async () => (await tmpFiles(faulty)).length === 0);
      expect((await send(faulty.port, 'HEAD', '/photos/reset')).status).toBe(404);
      // Requests without a body are never reset.
      expect((await send(faulty.port, 'GET', '/photos/kept')).status).toBe(200);
    } finally {
      await faulty.close();
    }
  });

  it('close() during an upload ends it and removes its temp file', async () => {
    const other = await startHarness();
    const socket = await halfUpload(other, '/photos/interrupted', 1024 * 1024, 100 * 1024);
    try {
      await other.handle.close();
      expect(await tmpFiles(other)).toEqual([]);
      expect((await listFiles(other.dataDir)).filter((f) => f.includes('objects'))).toEqual([]);
    } finally {
      socket.destroy();
      await other.close();
    }
  });

  it('a body shorter than its Content-Length that ends the connection stores nothing', async () => {
    const socket = connect(h.port, '127.0.0.1');
    socket.on('error', () => undefined);
    socket.end(`PUT /photos/short HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly-ten!!`);
    await new Promise((resolve) => socket.on('close', resolve));
    await eventually(async () => (await tmpFiles(h)).length === 0);
    expect(errorCode((await send(h.port, 'GET', '/photos/short')).text)).toBe('NoSuchKey');
  });
});
