/**
 * CORS as an OSS bucket applies it: the first rule matching the origin, method and requested headers
 * answers preflights and decorates actual responses. No rules: no CORS headers, preflights refused.
 */
import { ossError } from './oss-errors.js';
import type { CorsRule } from './types.js';

/** Response headers a browser page may read by default from an upload: the ones an uploader needs. */
export const DEFAULT_EXPOSE_HEADERS: readonly string[] = ['ETag', 'x-oss-request-id', 'x-oss-hash-crc64ecma', 'x-oss-version-id'];

/** What a preflight asks. */
export interface PreflightRequest {
  readonly origin: string | undefined;
  readonly method: string | undefined;
  /** The Access-Control-Request-Headers list, lower-cased. */
  readonly headers: readonly string[];
}

/** The answer to an allowed preflight (throws AccessForbidden otherwise). */
export function preflightHeaders(rules: readonly CorsRule[], request: PreflightRequest): Record<string, string> {
  const { origin, method } = request;
  if (origin === undefined || method === undefined) throw forbidden();
  const rule = rules.find((r) => matches(r, origin, method) && request.headers.every((h) => headerAllowed(r, h)));
  if (rule === undefined) throw forbidden();
  const out: Record<string, string> = {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': rule.allowedMethods.map((m) => m.toUpperCase()).join(', '),
    vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
  };
  if (request.headers.length > 0) out['access-control-allow-headers'] = request.headers.join(', ');
  const expose = rule.exposeHeaders ?? DEFAULT_EXPOSE_HEADERS;
  if (expose.length > 0) out['access-control-expose-headers'] = expose.join(', ');
  if (rule.maxAgeSeconds !== undefined) out['access-control-max-age'] = String(rule.maxAgeSeconds);
  return out;
}

/** CORS headers for an actual (non-preflight) request, or none when no rule allows it. */
export function actualRequestHeaders(
  rules: readonly CorsRule[],
  origin: string | undefined,
  method: string,
): Record<string, string> {
  if (origin === undefined || rules.length === 0) return {};
  const rule = rules.find((r) => matches(r, origin, method));
  if (rule === undefined) return {};
  const out: Record<string, string> = { 'access-control-allow-origin': origin, vary: 'Origin' };
  const expose = rule.exposeHeaders ?? DEFAULT_EXPOSE_HEADERS;
  if (expose.length > 0) out['access-control-expose-headers'] = expose.join(', ');
  return out;
}

/** Splits an Access-Control-Request-Headers value into lower-cased names. */
export function parseRequestedHeaders(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');
}

function matches(rule: CorsRule, origin: string, method: string): boolean {
  const upper = method.toUpperCase();
  return (
    rule.allowedOrigins.some((pattern) => wildcardMatch(pattern, origin, false)) &&
    rule.allowedMethods.some((m) => m.toUpperCase() === upper)
  );
}

function headerAllowed(rule: CorsRule, header: string): boolean {
  return (rule.allowedHeaders ?? ['*']).some((pattern) => wildcardMatch(pattern, header, true));
}

/** `*` matches any run of characters; everything else literally. */
export function wildcardMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const escaped = pattern.split('*').map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`, ignoreCase ? 'is' : 's').test(value);
}

function forbidden(): Error {
  return ossError(
    'AccessForbidden',
    'CORSResponse: This CORS request is not allowed. This is usually because the evaluation of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource\'s CORS spec.',
  );
}
