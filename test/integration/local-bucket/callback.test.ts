/**
 * Upload callbacks on the local bucket, as OSS does them, against a recording server on loopback: after a
 * PUT through a link with a callback, the bucket POSTs the body (variables filled in) and relays the
 * server's answer; a failing callback gives CallbackFailed (203) with the object stored; a callback off
 * loopback is refused before anything is stored; a slow server times out.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLink } from '../../../electron/core/links/create-link.js';
import { verifySignature } from '../../../electron/core/local-bucket/index.js';
import { callUploadCallback } from '../../../electron/core/local-bucket/upload-callback-call.js';
import { parseUploadCallback } from '../../../electron/core/local-bucket/upload-callback-config.js';
import type { Profile } from '../../../electron/core/profiles/profile-schema.js';
import type { LinkCallback, LinkRequest } from '../../../electron/shared/ipc/link-types.js';
import { ACCESS_KEY_ID, ACCESS_KEY_SECRET, startHarness, type Harness } from './harness.js';

interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

let h: Harness;
let server: Server;
let callbackBase = '';
const recorded: Recorded[] = [];

beforeAll(async () => {
  h = await startHarness({ authenticate: verifySignature, region: 'cn-hangzhou' });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      recorded.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      if (req.url === '/fail') {
        res.writeHead(500).end('{"error":"nope"}');
      } else if (req.url === '/text') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('fine, thanks');
      } else if (req.url === '/slow') {
        setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), 1500);
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ received: body }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  callbackBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

function profile(): Profile {
  return {
    name: 'harness',
    provider: 'oss',
    scheme: 'oss-v4',
    region: 'cn-hangzhou',
    endpoint: { kind: 'custom', url: h.endpoint },
    style: 'path',
    bucket: 'photos',
    keyPrefix: '',
    linkExpirySeconds: 600,
    accessKeyId: ACCESS_KEY_ID,
    secretStore: 'keychain',
  };
}

function link(request: LinkRequest, scheme: Profile['scheme'] = 'oss-v4'): { url: string; headers: Readonly<Record<string, string>> } {
  return createLink({ request, profile: { ...profile(), scheme }, credentials: { accessKeyId: ACCESS_KEY_ID, accessKeySecret: ACCESS_KEY_SECRET }, defaultExpirySeconds: 600, now: Date.now });
}

async function put(key: string, callback: LinkCallback, scheme: Profile['scheme'] = 'oss-v4'): Promise<Response> {
  const made = link({ method: 'PUT', key, contentType: 'text/plain', callback }, scheme);
  return fetch(made.url, { method: 'PUT', headers: made.headers, body: 'hello' });
}

async function stored(key: string): Promise<number> {
  const made = link({ method: 'GET', key });
  return (await fetch(made.url)).status;
}

describe('upload callbacks on the local bucket', () => {
  it('POSTs the form body with the variables filled in and relays the answer', async () => {
    recorded.length = 0;
    const response = await put('in/a b.txt', { url: `${callbackBase}/ok`, body: 'bucket=${bucket}&object=${object}&size=${size}&etag=${etag}&mimeType=${mimeType}' });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"5D41402ABC4B2A76B9719D911017C592"');
    expect(response.headers.get('content-type')).toBe('application/json');
    const answer = (await response.json()) as { received: string };
    expect(answer.received).toBe('bucket=photos&object=in%2Fa%20b.txt&size=5&etag=5D41402ABC4B2A76B9719D911017C592&mimeType=text%2Fplain');
    expect(recorded).toEqual([expect.objectContaining({ method: 'POST', path: '/ok', body: answer.received })]);
    expect(recorded[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(await stored('in/a b.txt')).toBe(200);
  });

  it('sends JSON bodies and the chosen Host header, also through an OSS V1 link', async () => {
    recorded.length = 0;
    const response = await put('in/j.txt', { url: `${callbackBase}/json`, body: '{"object":${object},"size":${size}}', bodyType: 'application/json', host: 'app.example.com' }, 'oss-v1');
    expect(response.status).toBe(200);
    expect(JSON.parse(recorded[0]?.body ?? '')).toEqual({ object: 'in/j.txt', size: 5 });
    expect(recorded[0]?.headers).toMatchObject({ host: 'app.example.com', 'content-type': 'application/json' });
  });

  it('answers CallbackFailed (203) when the server fails or does not answer JSON, with the object stored', async () => {
    const failed = await put('in/fail.txt', { url: `${callbackBase}/fail`, body: 'object=${object}' });
    expect(failed.status).toBe(203);
    const text = await failed.text();
    expect(text).toContain('<Code>CallbackFailed</Code>');
    expect(text).toContain('Error status : 500.');
    expect(failed.headers.get('etag')).toBeTruthy();
    expect(await stored('in/fail.txt')).toBe(200);
    const notJson = await put('in/text.txt', { url: `${callbackBase}/text`, body: 'object=${object}' });
    expect(notJson.status).toBe(203);
    expect(await notJson.text()).toContain('Response body is not valid json format.');
  });

  it('tries the next URL when one fails', async () => {
    const response = await put('in/next.txt', { url: `${callbackBase}/fail;${callbackBase}/ok`, body: 'size=${size}' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: 'size=5' });
  });

  it('refuses a callback off loopback before storing anything', async () => {
    recorded.length = 0;
    const response = await put('in/remote.txt', { url: 'https://app.example.com/cb', body: 'object=${object}' });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain('<Code>InvalidArgument</Code>');
    expect(text).toContain('calls back only loopback addresses');
    expect(recorded).toEqual([]);
    expect(await stored('in/remote.txt')).toBe(404);
  });

  it('gives up on a callback server that takes too long', async () => {
    const callback = parseUploadCallback(Buffer.from(JSON.stringify({ callbackUrl: `${callbackBase}/slow`, callbackBody: 'a' })).toString('base64'));
    expect(await callUploadCallback(callback, 'a', 200)).toEqual({ kind: 'failed', reason: 'Cost too long time.' });
    expect(await callUploadCallback(parseUploadCallback(Buffer.from(JSON.stringify({ callbackUrl: 'http://127.0.0.1:1/x', callbackBody: 'a' })).toString('base64')), 'a')).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('Error connecting to the callback server'),
    });
  });

  it('still refuses a callback on anything but PutObject', async () => {
    const made = link({ method: 'GET', key: 'in/a b.txt' });
    const response = await fetch(`${made.url}&callback=e30=`);
    expect(response.status).toBe(501);
  });
});
