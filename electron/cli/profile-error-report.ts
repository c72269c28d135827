/**
 * Error reporting for commands that use profiles and secrets: the one-line format and exit status of
 * report-error.ts, with every secret seen during the run scrubbed.
 */
import { secretEnvValues } from './env-credentials.js';
import type { CliIo, ExitCode } from './io.js';
import { redactError } from './redact.js';
import { reportError } from './report-error.js';

/** `error` scrubbed of `secrets` and of the environment's secrets, for output other than the error line. */
export function redactProfileError(error: unknown, io: CliIo, secrets: readonly string[]): unknown {
  return redactError(error, [...secrets, ...secretEnvValues(io.env)]);
}

/** Prints `error` (scrubbed of `secrets` and of the environment's secrets) and returns the exit status. */
export function reportProfileError(error: unknown, io: CliIo, secrets: readonly string[]): ExitCode {
  return reportError(redactProfileError(error, io, secrets), io);
}
