/**
 * Small helpers the validation modules share: raising a DropsignError and describing characters safely.
 */

import { DropsignError, type ErrorCode } from '../../shared/errors.js';

/** Throws a DropsignError: `message` names the problem in one sentence, `hint` says what to do. */
export function fail(
  code: ErrorCode,
  message: string,
  hint: string,
  details?: Readonly<Record<string, string | number | boolean>>,
): never {
  throw new DropsignError(code, message, hint, details);
}

/** Names of the control characters users are likely to meet, for readable messages. */
const CONTROL_NAMES: Readonly<Record<number, string>> = {
  0x00: 'NUL',
  0x09: 'tab',
  0x0a: 'line feed',
  0x0d: 'carriage return',
  0x7f: 'DEL',
};

/** `U+000A (line feed)`, `U+00E9 'é'`, or `'a'`: a character as a message can show it. */
export function describeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  // Why 4: code points are written with at least four hex digits (U+000A).
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CONTROL_NAMES[code];
  if (name !== undefined) return `${hex} (${name})`;
  // Why 0x20 and 0x7f: C0 control characters, and DEL, have no visible form.
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return `${hex} (control character)`;
  // Why 0x7e: the last printable ASCII character; beyond it, show the code point as well.
  return code > 0x7e ? `${hex} '${char}'` : `'${char}'`;
}

/** Index (in UTF-16 code units) of the first lone surrogate, or -1 when the string is well-formed Unicode. */
export function loneSurrogateIndex(value: string): number {
  // In a `u` regular expression a valid surrogate pair is one code point, so only lone halves match.
  return value.search(/\p{Surrogate}/u);
}

/** True when `value` is a string. */
export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** Length in bytes of the UTF-8 encoding of a well-formed string. */
export function utf8Length(value: string): number {
  return new TextEncoder().encode(value).length;
}

// Why 60: long enough to recognise a key or a host, short enough to keep the message one readable line.
const MAX_QUOTED = 60;

/**
 * A user-supplied value that is not secret (key, bucket, host, header name), quoted for a message, with
 * control characters escaped and long values shortened. Never pass a secret or token here.
 */
export function quote(value: string): string {
  const shown = value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED - 1)}…` : value;
  return JSON.stringify(shown);
}
