/**
 * The repeatable request flags shared by signing commands: `--header 'Name: value'`,
 * `--additional-header name` and `--query name[=value]`. Values are raw (not percent-encoded): the signer
 * encodes them.
 */
import { DropsignError } from '../shared/errors.js';
import type { QueryParam } from '../shared/signing.js';

/** An HTTP field name (RFC 9110 `token`). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Control characters other than horizontal tab: never valid in a header value. */
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const HEADER_VALUE_FORBIDDEN = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/**
 * Parses `--header` values, each `Name: value` (split at the first colon; surrounding whitespace of name
 * and value dropped; the value may be empty and may contain colons). Throws `invalid-header` for a
 * missing colon, an empty or malformed name, control characters in the value, or the same name twice
 * (names compare case-insensitively). Names keep the case they were given in.
 */
export function parseHeaderFlags(values: readonly string[]): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const seen = new Set<string>();
  for (const raw of values) {
    const colon = raw.indexOf(':');
    if (colon < 0) {
      throw headerError(`--header needs "Name: value"; got ${JSON.stringify(raw)} (no colon).`);
    }
    const name = raw.slice(0, colon).trim();
    const value = raw.slice(colon + 1).trim();
    if (name === '') throw headerError(`--header has an empty name in ${JSON.stringify(raw)}.`);
    if (!HEADER_NAME.test(name)) {
      throw headerError(`--header name ${JSON.stringify(name)} is not a valid HTTP header name.`);
    }
    if (HEADER_VALUE_FORBIDDEN.test(value)) {
      throw headerError(`--header ${name} has a control character (such as a newline) in its value.`);
    }
    const lower = name.toLowerCase();
    if (seen.has(lower)) throw headerError(`--header ${name} is given more than once.`);
    seen.add(lower);
    headers[name] = value;
  }
  return headers;
}

/**
 * Parses `--additional-header` values: bare header names, checked for shape only (which names may be
 * listed is the signer's call). Throws `invalid-header` for an empty or malformed name.
 */
export function parseHeaderNameFlags(values: readonly string[]): readonly string[] {
  return values.map((raw) => {
    const name = raw.trim();
    if (!HEADER_NAME.test(name)) {
      throw new DropsignError(
        'invalid-header',
        `--additional-header needs a header name such as host; got ${JSON.stringify(raw)}.`,
        'Give one name per --additional-header, and the header itself with --header "Name: value".',
      );
    }
    return name;
  });
}

/**
 * Parses `--query` values: `name=value` splits at the first `=` (`a=b=c` is name `a`, value `b=c`);
 * `name` without `=` is a value-less parameter such as `uploads`; `name=` has an empty value (the signer
 * treats both alike). Throws `invalid-query` for an empty name.
 */
export function parseQueryFlags(values: readonly string[]): readonly QueryParam[] {
  return values.map((raw) => {
    const eq = raw.indexOf('=');
    const name = eq < 0 ? raw : raw.slice(0, eq);
    if (name === '') {
      throw new DropsignError(
        'invalid-query',
        `--query needs a parameter name, as in name=value or a bare name; got ${JSON.stringify(raw)}.`,
        'For example --query versionId=abc or --query uploads.',
      );
    }
    return eq < 0 ? { name } : { name, value: raw.slice(eq + 1) };
  });
}

function headerError(message: string): DropsignError {
  return new DropsignError(
    'invalid-header',
    message,
    'Write each header as one argument: --header "Content-Type: text/plain".',
  );
}
