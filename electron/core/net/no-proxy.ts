/**
 * Host matching for proxies: loopback detection and the NO_PROXY list, with the semantics of the
 * `proxy-from-env` package (checked against it in the unit tests), because that is what the Node tools our
 * users also run (npm, axios) apply to the same variables:
 *
 * - entries are separated by commas or whitespace and compared case-insensitively;
 * - `*` alone disables the proxy for every host;
 * - `host:port` matches only that port (the URL's, or 80/443 by default);
 * - an entry starting with `.` or `*` matches by suffix (`.corp.example` and `*.corp.example` match
 *   `a.corp.example`); any other entry matches the host exactly.
 *
 * IPv6 hosts are compared without their brackets, in both the URL and the list.
 */

/** Strips the brackets of an IPv6 literal and lower-cases. */
export function bareHost(hostname: string): string {
  return hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

/**
 * True for names and addresses that never leave this machine: `localhost` and `*.localhost` (RFC 6761),
 * 127.0.0.0/8, `::1` and the IPv4-mapped form of 127.x.
 */
export function isLoopbackHostname(hostname: string): boolean {
  const host = bareHost(hostname);
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  if (host === '::1' || /^(0{0,4}:){7}0{0,3}1$/.test(host)) return true;
  return /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The effective port of a URL: its own, or the scheme's default. */
export function effectivePort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/**
 * True when `list` (a NO_PROXY value, or the list of loopback hosts to proxy anyway) names `hostname` at
 * `port`. An empty or blank list names nothing.
 */
export function hostListMatches(list: string, hostname: string, port: number): boolean {
  const value = list.trim().toLowerCase();
  if (value === '') return false;
  if (value === '*') return true;
  const host = bareHost(hostname);
  return value.split(/[,\s]+/).some((raw) => {
    if (raw === '') return false;
    // `host:port`, where host may be a bracketed IPv6 literal; a bare IPv6 literal has no port part.
    const withPort = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(raw);
    const entryHost = bareHost(withPort?.[1] ?? raw);
    const entryPort = withPort?.[2] === undefined ? 0 : Number(withPort[2]);
    if (entryPort !== 0 && entryPort !== port) return false;
    if (entryHost.startsWith('.') || entryHost.startsWith('*')) return host.endsWith(entryHost.replace(/^\*/, ''));
    return host === entryHost;
  });
}
