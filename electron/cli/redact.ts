/**
 * A last line of defence for error output: whatever a command reports, known secret values are replaced
 * by `***` (raw and percent-encoded forms alike) and line breaks are flattened, so the report stays one
 * line that holds no secret.
 */
import { DropsignError, toErrorInfo } from '../shared/errors.js';

/** What a redacted secret is shown as. */
export const REDACTED = '***';

/**
 * Replaces every occurrence of each secret in `text`, raw or percent-encoded, with `***`. Secrets shorter
 * than 4 characters are ignored: masking them would mangle ordinary text and hide nothing.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  const forms = secrets
    .filter((secret) => secret.length >= 4)
    .flatMap((secret) => [secret, encodeURIComponent(secret)])
    .sort((a, b) => b.length - a.length);
  for (const form of forms) out = out.replaceAll(form, REDACTED);
  return out;
}

/**
 * Turns anything thrown into a DropsignError whose message, hint and details hold none of `secrets` and
 * no line break. Unknown errors become `internal`, exactly as `toErrorInfo` describes them.
 */
export function redactError(error: unknown, secrets: readonly string[]): DropsignError {
  const info = toErrorInfo(error);
  const clean = (text: string): string => oneLine(redactText(text, secrets));
  const details =
    info.details === undefined
      ? undefined
      : Object.fromEntries(Object.entries(info.details).map(([k, v]) => [k, typeof v === 'string' ? clean(v) : v]));
  return new DropsignError(info.code, clean(info.message), clean(info.hint), details);
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
}
