/**
 * Who may open the contract socket: the page of this host only (its Origin and Host), with the token as
 * a sub-protocol next to `dropsign.v1`, while there is a free slot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSocket, type TestSocket } from './socket-client.js';
import { rawRequest, startHostHarness, type HostHarness } from './harness.js';

let harness: HostHarness;
beforeAll(async () => {
  harness = await startHostHarness({ limits: { maxConnections: 3 } });
});
afterAll(async () => harness.close());

describe('the contract socket handshake', () => {
  it('opens for the page: own Origin, the token, dropsign.v1 (and never echoes the token)', async () => {
    const socket = await openSocket(harness.host.origin, harness.token);
    expect(socket.socket.protocol).toBe('dropsign.v1');
    expect(await socket.call('app:info', [])).toMatchObject({ ok: true, value: { face: 'browser' } });
    await socket.close();
  });

  it('opens from localhost:PORT too, the other name of this host', async () => {
    const origin = `http://localhost:${harness.host.port}`;
    const socket = await openSocket(harness.host.origin, harness.token, { origin, headers: { host: `localhost:${harness.host.port}` } });
    await socket.close();
  });

  it.each([
    ['no token', { protocols: ['dropsign.v1'] }, 401],
    ['a wrong token', { protocols: ['dropsign.v1', 'dropsign.token.wrong'] }, 401],
    ['the token without dropsign.v1', { protocols: ['dropsign.token.TOKEN'] }, 400],
    ['a foreign Origin', { origin: 'http://evil.example' }, 403],
    ['the Origin of another port of 127.0.0.1', { origin: 'http://127.0.0.1:1' }, 403],
    ['a foreign Host (DNS rebinding)', { headers: { host: 'evil.example:80' } }, 403],
  ] as const)('is refused with %s', async (_case, options, status) => {
    const protocols = 'protocols' in options ? options.protocols.map((name) => name.replace('TOKEN', harness.token)) : undefined;
    const attempt = openSocket(harness.host.origin, harness.token, { ...options, ...(protocols === undefined ? {} : { protocols }) });
    await expect(attempt).rejects.toThrow(`refused: ${status}`);
  });

  it('is refused with the token in the query string instead of the sub-protocol', async () => {
    const response = await rawRequest(harness.host, {
      path: `/ws?token=${harness.token}`,
      headers: {
        origin: harness.host.origin,
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'sec-websocket-protocol': 'dropsign.v1',
      },
    });
    expect(response.status).toBe(401);
  });

  it('is refused on another path', async () => {
    const response = await rawRequest(harness.host, {
      path: '/socket',
      headers: {
        origin: harness.host.origin,
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'sec-websocket-protocol': `dropsign.v1, dropsign.token.${harness.token}`,
      },
    });
    expect(response.status).toBe(404);
  });

  it('is refused when every slot is taken, and opens again once one is free', async () => {
    const open: TestSocket[] = [];
    for (let index = 0; index < 3; index += 1) open.push(await openSocket(harness.host.origin, harness.token));
    await expect(openSocket(harness.host.origin, harness.token)).rejects.toThrow('refused: 503');
    await open.pop()?.close();
    const again = await openSocket(harness.host.origin, harness.token);
    await Promise.all([...open, again].map((socket) => socket.close()));
  });
});
