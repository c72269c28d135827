/**
 * Checks the raw arguments of an invoke against its schema: the typed tuple, or an `invalid-argument`
 * ErrorInfo naming the channel and the field. Never throws, whatever arrives.
 *
 * Messages name fields and what was expected, never the value received: a malformed `profiles:save` may
 * carry a secret in the wrong place, and that must not come back in an error.
 */
import type { ErrorInfo } from '../errors.js';
import { isInvokeChannel, type InvokeArgs, type InvokeChannel, type Result } from './channels.js';
import { argSchemas } from './schemas.js';

/** Why 300: one readable sentence; a hostile key name must not make the error large. */
const MAX_MESSAGE_LENGTH = 300;

/** The parts of a zod issue used here (its shape in zod 4). */
interface Issue {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
}

const HINT = 'Correct the field and try again; if you did not type it, this is a bug in Dropsign: please report it.';

function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** `paths[3]`, `profile.endpoint.url`; the argument position is left out for one-argument channels. */
function fieldName(path: readonly PropertyKey[], arity: number): string {
  const rest = arity <= 1 && typeof path[0] === 'number' ? path.slice(1) : path;
  let name = '';
  for (const segment of rest) {
    if (typeof segment === 'number') name += `[${segment}]`;
    else name += `${name === '' ? '' : '.'}${clip(String(segment), 64)}`;
  }
  return name;
}

function invalid(channel: string, message: string, field?: string): ErrorInfo {
  return {
    code: 'invalid-argument',
    message: clip(message, MAX_MESSAGE_LENGTH),
    hint: HINT,
    details: field === undefined ? { channel: clip(channel, 64) } : { channel, field: clip(field, 200) },
  };
}

/** The ErrorInfo for the first issue: which field, and what is wrong with it. */
function describeIssue(channel: InvokeChannel, issue: Issue | undefined, arity: number): ErrorInfo {
  if (issue === undefined) return invalid(channel, `The ${channel} request is not valid.`);
  let field = fieldName(issue.path, arity);
  let problem = issue.message;
  if (issue.code === 'unrecognized_keys' && issue.keys !== undefined && issue.keys.length > 0) {
    const key = clip(issue.keys[0] ?? '', 64);
    field = field === '' ? key : `${field}.${key}`;
    problem = 'is not a known field';
  }
  if (field === '') return invalid(channel, `The ${channel} arguments are not valid: ${problem}.`);
  return invalid(channel, `The ${channel} request has an invalid ${field}: ${problem}.`, field);
}

/**
 * Parses the raw arguments of `channel` (an array as the host received it). Returns the typed tuple, or
 * `invalid-argument` naming the field. An unknown channel is `invalid-argument` too.
 */
export function parseArgs<C extends InvokeChannel>(channel: C, raw: unknown): Result<InvokeArgs<C>> {
  try {
    if (!isInvokeChannel(channel)) return { ok: false, error: invalid(String(channel), 'There is no such request.') };
    const schema = argSchemas[channel];
    const parsed = schema.safeParse(raw);
    // Sound by SCHEMAS_FIT_CONTRACT in schemas.ts: each schema's output is its channel's argument type.
    if (parsed.success) return { ok: true, value: parsed.data as InvokeArgs<C> };
    const arity = Array.isArray(raw) ? Math.max(raw.length, 1) : 1;
    return { ok: false, error: describeIssue(channel, parsed.error.issues[0], arity) };
  } catch {
    // Only a hostile object (a throwing getter or proxy) gets here; structured clone and JSON never make one.
    return { ok: false, error: invalid(typeof channel === 'string' ? channel : 'unknown', 'The request could not be read.') };
  }
}
