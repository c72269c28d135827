/**
 * How a profile makes object keys, checked as the transfer engine checks them
 * (electron/core/transfer/object-key.ts and the signer's key rules): the key prefix and the key template.
 */
import { problem, type FieldProblem } from './field-problem.js';

/** Why 1,023: OSS's longest key in UTF-8 bytes; a prefix must leave room for at least one character. */
const MAX_KEY_BYTES = 1023;

/** The plain placeholders of key templates (`{sha256:N}` is checked apart). */
const PLACEHOLDERS = new Set(['name', 'base', 'ext', 'path', 'dir', 'date', 'time', 'year', 'month', 'day', 'timestamp', 'uuid']);

// Why 4 and 64: the engine's bounds on {sha256:N} (fewer digits collide; 64 is all of SHA-256).
const MIN_HASH_DIGITS = 4;
const MAX_HASH_DIGITS = 64;

/** Control characters, which no key may hold. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Checks a key prefix: the start of a valid key (empty is fine: no prefix). */
export function keyPrefixProblem(prefix: string): FieldProblem | undefined {
  if (prefix === '') return undefined;
  const segments = prefix.split('/');
  if (/^[/\\]/.test(prefix) || CONTROL.test(prefix) || segments.some((segment) => segment === '.' || segment === '..')) return problem('keyPrefixShape');
  if (new TextEncoder().encode(prefix).length >= MAX_KEY_BYTES) return problem('keyPrefixLong');
  return undefined;
}

/** Checks a key template (empty is fine: the engine's default, `{path}`). */
export function keyTemplateProblem(template: string): FieldProblem | undefined {
  for (let index = 0; index < template.length; index += 1) {
    const char = template[index];
    const next = template[index + 1];
    if ((char === '{' && next === '{') || (char === '}' && next === '}')) {
      index += 1;
    } else if (char === '}') {
      return problem('templateBraces');
    } else if (char === '{') {
      const close = template.indexOf('}', index + 1);
      const nested = template.indexOf('{', index + 1);
      if (close < 0 || (nested >= 0 && nested < close)) return problem('templateBraces');
      const inner = template.slice(index + 1, close);
      const hash = /^sha256(?::(\d{1,3}))?$/.exec(inner);
      if (hash !== null) {
        const digits = hash[1] === undefined ? MAX_HASH_DIGITS : Number(hash[1]);
        if (digits < MIN_HASH_DIGITS || digits > MAX_HASH_DIGITS) return problem('templateHash');
      } else if (!PLACEHOLDERS.has(inner)) {
        return problem('templatePlaceholder', { placeholder: `{${inner}}` });
      }
      index = close;
    }
  }
  return undefined;
}
