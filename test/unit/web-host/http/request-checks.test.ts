import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  bearerToken,
  checkHost,
  checkOrigin,
  checkPeer,
  checkSecret,
  cookieValue,
  ownNames,
  protocolToken,
} from '../../../../electron/web-host/http/request-checks.js';

/** A request with these headers from this peer (only what the checks read). */
function request(headers: Record<string, string>, remoteAddress = '127.0.0.1'): IncomingMessage {
  return { headers, socket: { remoteAddress } } as unknown as IncomingMessage;
}

const names = ownNames('127.0.0.1', 4711);

describe('ownNames', () => {
  it('is both loopback spellings with the port, and the listening address', () => {
    expect(names.hosts).toEqual(['127.0.0.1:4711', 'localhost:4711']);
    expect(names.origins).toEqual(['http://127.0.0.1:4711', 'http://localhost:4711']);
    expect(ownNames('::1', 5).hosts).toContain('[::1]:5');
  });
});

describe('checkPeer', () => {
  it('allows this machine and refuses others', () => {
    expect(checkPeer(request({}))).toBeUndefined();
    expect(checkPeer(request({}, '192.168.0.5'))).toMatchObject({ status: 403 });
  });
});

describe('checkHost', () => {
  it('allows its own names, in any case', () => {
    expect(checkHost(request({ host: '127.0.0.1:4711' }), names)).toBeUndefined();
    expect(checkHost(request({ host: 'LOCALHOST:4711' }), names)).toBeUndefined();
  });

  it.each(['evil.example:4711', 'localhost', '127.0.0.1:4712', '127.0.0.1:4711.evil.example', ''])('refuses %j (DNS rebinding)', (host) => {
    expect(checkHost(request({ host }), names)).toMatchObject({ status: 403 });
  });
});

describe('checkOrigin', () => {
  it('allows its own origin, and none at all unless one is required', () => {
    expect(checkOrigin(request({ origin: 'http://localhost:4711' }), names, true)).toBeUndefined();
    expect(checkOrigin(request({}), names, false)).toBeUndefined();
    expect(checkOrigin(request({}), names, true)).toMatchObject({ status: 403 });
  });

  it.each(['http://evil.example', 'http://127.0.0.1:4712', 'https://127.0.0.1:4711', 'null', 'http://127.0.0.1:4711/x'])('refuses %s', (origin) => {
    expect(checkOrigin(request({ origin }), names, false)).toMatchObject({ status: 403 });
  });
});

describe('credentials in requests', () => {
  it('reads a Bearer token, nothing else', () => {
    expect(bearerToken(request({ authorization: 'Bearer abc_-1' }))).toBe('abc_-1');
    expect(bearerToken(request({ authorization: 'Basic abc' }))).toBeUndefined();
    expect(bearerToken(request({ authorization: 'Bearer a b' }))).toBeUndefined();
    expect(bearerToken(request({}))).toBeUndefined();
  });

  it('reads the token sub-protocol among others', () => {
    expect(protocolToken(request({ 'sec-websocket-protocol': 'dropsign.v1, dropsign.token.xyz' }))).toBe('xyz');
    expect(protocolToken(request({ 'sec-websocket-protocol': 'dropsign.v1' }))).toBeUndefined();
  });

  it('reads one cookie by its exact name', () => {
    const withCookies = request({ cookie: 'a=1; dropsign-assets-1=two; dropsign-assets-12=three' });
    expect(cookieValue(withCookies, 'dropsign-assets-1')).toBe('two');
    expect(cookieValue(withCookies, 'dropsign-assets-12')).toBe('three');
    expect(cookieValue(withCookies, 'dropsign-assets')).toBeUndefined();
  });

  it('refuses a missing or wrong secret with 401, without repeating it', () => {
    expect(checkSecret('s3cret', 's3cret', 'token')).toBeUndefined();
    const denial = checkSecret('s3cret', 'guess', 'token');
    expect(denial).toMatchObject({ status: 401 });
    expect(denial?.reason).not.toContain('guess');
    expect(checkSecret('s3cret', undefined, 'token')).toMatchObject({ status: 401 });
  });
});
