/**
 * Which way a request goes: straight to the server, or through the proxy named by the environment
 * (`https_proxy`/`HTTPS_PROXY` for https URLs, `http_proxy`/`HTTP_PROXY` for http URLs, `all_proxy`/`ALL_PROXY`
 * for both; the lower-case name wins, as in curl), minus the hosts in `no_proxy`/`NO_PROXY`.
 *
 * Loopback hosts (the local bucket) always go direct, because a corporate proxy cannot reach this machine's
 * 127.0.0.1, unless they are listed explicitly in `DROPSIGN_PROXY_LOOPBACK` (same syntax as NO_PROXY; `*`
 * for all), for debugging through a local proxy.
 *
 * Pure: the environment is a parameter, so every decision is testable and nothing reads `process.env` here.
 */
import { effectivePort, hostListMatches, isLoopbackHostname } from './no-proxy.js';

/** The environment the route is decided from. */
export type ProxyEnv = Readonly<Record<string, string | undefined>>;

/** Where a request to one URL goes. */
export type ProxyRoute =
  | { readonly kind: 'direct'; readonly reason: 'no-proxy-set' | 'no-proxy-listed' | 'loopback' }
  /** Through `proxy` (http: or https:), as `variable` says. `display` is the proxy's URL without user and password. */
  | { readonly kind: 'proxy'; readonly proxy: URL; readonly variable: string; readonly display: string }
  /** A proxy is set, but not one Dropsign can use (a socks:// URL, or not a URL at all): never silently ignored. */
  | { readonly kind: 'unusable'; readonly variable: string; readonly display: string; readonly why: string };

/** The variable that lists loopback hosts to send through the proxy anyway. */
export const PROXY_LOOPBACK_VARIABLE = 'DROPSIGN_PROXY_LOOPBACK';

/** The variable `base` in lower case, else in upper case, when set and not blank. */
function lookup(env: ProxyEnv, base: string): { readonly variable: string; readonly value: string } | undefined {
  for (const variable of [base.toLowerCase(), base.toUpperCase()]) {
    const value = env[variable]?.trim();
    if (value !== undefined && value !== '') return { variable, value };
  }
  return undefined;
}

/** A proxy URL for messages: scheme, host and port only (the user and password are secrets). */
export function displayProxy(proxy: URL): string {
  return `${proxy.protocol}//${proxy.host}`;
}

/** Parses a proxy value; a value without a scheme is an HTTP proxy (`proxy.corp:3128`), as curl reads it. */
function parseProxy(value: string): URL | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  try {
    const url = new URL(withScheme);
    return url.hostname === '' ? undefined : url;
  } catch {
    return undefined;
  }
}

/** Decides the route for `url` (a string or URL) from `env`. */
export function proxyRouteFor(target: string | URL, env: ProxyEnv): ProxyRoute {
  const url = typeof target === 'string' ? new URL(target) : target;
  const port = effectivePort(url);
  if (isLoopbackHostname(url.hostname) && !hostListMatches(env[PROXY_LOOPBACK_VARIABLE] ?? '', url.hostname, port)) {
    return { kind: 'direct', reason: 'loopback' };
  }
  const scheme = url.protocol === 'https:' ? 'https' : 'http';
  const setting = lookup(env, `${scheme}_proxy`) ?? lookup(env, 'all_proxy');
  if (setting === undefined) return { kind: 'direct', reason: 'no-proxy-set' };
  const noProxy = lookup(env, 'no_proxy')?.value ?? '';
  if (hostListMatches(noProxy, url.hostname, port)) return { kind: 'direct', reason: 'no-proxy-listed' };
  const proxy = parseProxy(setting.value);
  if (proxy === undefined) {
    return { kind: 'unusable', variable: setting.variable, display: '(not a URL)', why: 'it is not a URL such as http://proxy.example:3128' };
  }
  if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
    return {
      kind: 'unusable',
      variable: setting.variable,
      display: displayProxy(proxy),
      why: `${proxy.protocol.slice(0, -1)} proxies are not supported, only http:// and https:// ones`,
    };
  }
  return { kind: 'proxy', proxy, variable: setting.variable, display: displayProxy(proxy) };
}

/** One line for diagnostics: `direct`, or `through http://proxy.corp:3128 (HTTPS_PROXY)`. */
export function describeRoute(route: ProxyRoute): string {
  switch (route.kind) {
    case 'direct':
      return route.reason === 'no-proxy-listed' ? 'direct (listed in NO_PROXY)' : 'direct';
    case 'proxy':
      return `through the proxy ${route.display} (${route.variable})`;
    case 'unusable':
      return `the proxy in ${route.variable} cannot be used: ${route.why}`;
  }
}
