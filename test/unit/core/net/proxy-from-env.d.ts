/** Types for proxy-from-env 2.1.0 (it ships none), used as the reference for NO_PROXY semantics. */
declare module 'proxy-from-env' {
  /** The proxy URL for `url` from process.env, or '' when the request goes direct. */
  export function getProxyForUrl(url: string | URL): string;
}
