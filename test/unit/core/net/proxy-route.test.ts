import { getProxyForUrl } from 'proxy-from-env';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hostListMatches, isLoopbackHostname } from '../../../../electron/core/net/no-proxy.js';
import { describeRoute, displayProxy, proxyRouteFor, type ProxyEnv } from '../../../../electron/core/net/proxy-route.js';

const PROXY = 'http://proxy.corp.example:3128';

function routeKind(url: string, env: ProxyEnv): string {
  const route = proxyRouteFor(url, env);
  return route.kind === 'proxy' ? route.proxy.href : route.kind === 'direct' ? `direct:${route.reason}` : 'unusable';
}

describe('proxyRouteFor: which variable applies', () => {
  it('goes direct when no proxy variable is set', () => {
    expect(routeKind('https://photos.oss-cn-hangzhou.aliyuncs.com/', {})).toBe('direct:no-proxy-set');
  });

  it('uses HTTPS_PROXY for https and HTTP_PROXY for http URLs', () => {
    const env = { HTTPS_PROXY: 'http://secure.example:1', HTTP_PROXY: 'http://plain.example:2' };
    expect(routeKind('https://a.example/', env)).toBe('http://secure.example:1/');
    expect(routeKind('http://a.example/', env)).toBe('http://plain.example:2/');
  });

  it('prefers the lower-case variable, as curl does', () => {
    expect(routeKind('https://a.example/', { https_proxy: 'http://lower.example:1', HTTPS_PROXY: 'http://upper.example:2' })).toBe('http://lower.example:1/');
  });

  it('falls back to ALL_PROXY, and reads a value without a scheme as an HTTP proxy', () => {
    expect(routeKind('https://a.example/', { ALL_PROXY: 'proxy.example:8080' })).toBe('http://proxy.example:8080/');
  });

  it('ignores blank values', () => {
    expect(routeKind('https://a.example/', { HTTPS_PROXY: '  ' })).toBe('direct:no-proxy-set');
  });

  it('refuses socks and non-URL proxies instead of silently going direct', () => {
    const socks = proxyRouteFor('https://a.example/', { HTTPS_PROXY: 'socks5://127.0.0.1:1080' });
    expect(socks.kind).toBe('unusable');
    expect(describeRoute(socks)).toContain('socks5 proxies are not supported');
    expect(proxyRouteFor('https://a.example/', { HTTPS_PROXY: 'http://[bad' }).kind).toBe('unusable');
  });

  it('never shows the proxy user and password', () => {
    const route = proxyRouteFor('https://a.example/', { HTTPS_PROXY: 'http://alice:pa55word@proxy.example:3128' });
    expect(route.kind).toBe('proxy');
    expect(describeRoute(route)).toBe('through the proxy http://proxy.example:3128 (HTTPS_PROXY)');
    expect(JSON.stringify(describeRoute(route))).not.toContain('pa55word');
    expect(displayProxy(new URL('https://u:p@h.example:1'))).toBe('https://h.example:1');
  });
});

describe('loopback always goes direct unless listed in DROPSIGN_PROXY_LOOPBACK', () => {
  it.each(['localhost', 'dropsign.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1', '::ffff:127.0.0.1'])('%s is loopback', (host) => {
    expect(isLoopbackHostname(host)).toBe(true);
  });

  it.each(['localhost.example', '128.0.0.1', '10.0.0.1', 'example.com', '[::2]'])('%s is not loopback', (host) => {
    expect(isLoopbackHostname(host)).toBe(false);
  });

  it('bypasses a proxy for the local bucket', () => {
    expect(routeKind('http://127.0.0.1:47110/dropsign', { HTTP_PROXY: PROXY })).toBe('direct:loopback');
    expect(routeKind('http://[::1]:47110/', { HTTP_PROXY: PROXY })).toBe('direct:loopback');
  });

  it('sends listed loopback hosts through the proxy (exact, with port, or all)', () => {
    expect(routeKind('http://127.0.0.1:47110/', { HTTP_PROXY: PROXY, DROPSIGN_PROXY_LOOPBACK: '127.0.0.1' })).toBe(`${PROXY}/`);
    expect(routeKind('http://127.0.0.1:47110/', { HTTP_PROXY: PROXY, DROPSIGN_PROXY_LOOPBACK: '127.0.0.1:9000' })).toBe('direct:loopback');
    expect(routeKind('http://localhost:1/', { HTTP_PROXY: PROXY, DROPSIGN_PROXY_LOOPBACK: '*' })).toBe(`${PROXY}/`);
  });
});

describe('NO_PROXY patterns', () => {
  const env = (noProxy: string): ProxyEnv => ({ HTTPS_PROXY: PROXY, NO_PROXY: noProxy });

  it.each([
    ['exact host', 'photos.example.com', 'https://photos.example.com/', true],
    ['exact host does not match a sub-domain', 'example.com', 'https://photos.example.com/', false],
    ['leading dot matches sub-domains', '.example.com', 'https://photos.example.com/', true],
    ['leading star matches sub-domains', '*.example.com', 'https://photos.example.com/', true],
    ['star alone matches everything', '*', 'https://anything.example/', true],
    ['port must match', 'photos.example.com:8443', 'https://photos.example.com/', false],
    ['default port 443 matches', 'photos.example.com:443', 'https://photos.example.com/', true],
    ['explicit port matches', 'minio.local:9000', 'https://minio.local:9000/', true],
    ['case-insensitive', 'PHOTOS.Example.COM', 'https://photos.example.com/', true],
    ['comma and space separated', 'a.example, b.example  c.example', 'https://c.example/', true],
    ['IPv6 literal with brackets', '[fd00::1]:9000', 'https://[fd00::1]:9000/', true],
    ['IPv6 literal without brackets', 'fd00::1', 'https://[fd00::1]/', true],
  ])('%s', (_title, noProxy, url, direct) => {
    expect(proxyRouteFor(url, env(noProxy)).kind).toBe(direct ? 'direct' : 'proxy');
  });

  it('reads no_proxy before NO_PROXY', () => {
    expect(proxyRouteFor('https://a.example/', { HTTPS_PROXY: PROXY, no_proxy: 'a.example', NO_PROXY: 'b.example' }).kind).toBe('direct');
  });

  it('hostListMatches names nothing for an empty list', () => {
    expect(hostListMatches('', 'a.example', 443)).toBe(false);
    expect(hostListMatches(' , ', 'a.example', 443)).toBe(false);
  });
});

describe('agrees with proxy-from-env (the semantics our users know from npm and axios)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  const cases: readonly (readonly [string, Record<string, string>])[] = [
    ['https://photos.example.com/', { HTTPS_PROXY: PROXY }],
    ['http://photos.example.com/', { HTTP_PROXY: PROXY, HTTPS_PROXY: 'http://other.example:1' }],
    ['https://photos.example.com/', { HTTPS_PROXY: PROXY, NO_PROXY: 'example.com' }],
    ['https://photos.example.com/', { HTTPS_PROXY: PROXY, NO_PROXY: '.example.com' }],
    ['https://photos.example.com/', { HTTPS_PROXY: PROXY, NO_PROXY: '*.example.com' }],
    ['https://photos.example.com:8443/', { HTTPS_PROXY: PROXY, NO_PROXY: 'photos.example.com:8443' }],
    ['https://photos.example.com/', { HTTPS_PROXY: PROXY, NO_PROXY: 'photos.example.com:80' }],
    ['https://photos.example.com/', { https_proxy: PROXY, NO_PROXY: 'x.example,photos.example.com' }],
    ['https://a.example/', { ALL_PROXY: PROXY }],
    ['https://a.example/', { HTTPS_PROXY: PROXY, NO_PROXY: '*' }],
  ];

  it.each(cases)('%s with %j', (url, variables) => {
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy', 'NO_PROXY', 'no_proxy']) vi.stubEnv(name, '');
    for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
    const theirs = getProxyForUrl(url);
    const ours = proxyRouteFor(url, variables);
    expect(ours.kind === 'proxy' ? ours.proxy.href.replace(/\/$/, '') : '').toBe(theirs);
  });
});
