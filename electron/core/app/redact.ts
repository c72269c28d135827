/**
 * Last line of defence for replies: an error raised while a secret was in hand never carries it out, even
 * if some library put a value into its message.
 */
import type { ErrorInfo } from '../../shared/errors.js';

/** The mark that replaces a secret. */
export const REDACTED = '[redacted]';

function scrub(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join(REDACTED), text);
}

/** `info` with every occurrence of `secrets` replaced in its message, hint and text details. */
export function redactErrorInfo(info: ErrorInfo, secrets: readonly string[]): ErrorInfo {
  // Why 4: shorter strings are not secrets and would mangle ordinary words.
  const found = secrets.filter((secret) => secret.length >= 4);
  if (found.length === 0) return info;
  const details = info.details === undefined ? undefined : Object.fromEntries(Object.entries(info.details).map(([key, value]) => [key, typeof value === 'string' ? scrub(value, found) : value]));
  return {
    code: info.code,
    message: scrub(info.message, found),
    hint: scrub(info.hint, found),
    ...(details === undefined ? {} : { details }),
  };
}
