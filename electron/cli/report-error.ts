import { toErrorInfo, type ErrorCode } from '../shared/errors.js';
import type { CliIo, ExitCode } from './io.js';

/**
 * Prints any thrown error as one line on stderr, `dropsign: <message> (<code>) <hint>`, and returns the
 * exit status: 2 for bad input, 1 for failures at run time. Never prints a stack.
 */
export function reportError(error: unknown, io: CliIo): ExitCode {
  const info = toErrorInfo(error);
  const hint = info.hint ? ` ${info.hint}` : '';
  io.err(`dropsign: ${info.message} [${info.code}]${hint}\n`);
  return RUNTIME_CODES.has(info.code) ? 1 : 2;
}

/** Codes that describe a failure while running (exit 1) rather than a bad invocation (exit 2). */
const RUNTIME_CODES = new Set<ErrorCode>([
  'internal',
  'local-bucket-failed',
  'file-unreadable',
  'state-file-unreadable',
  'state-file-busy',
  'keychain-unavailable',
  'keychain-locked',
  'keychain-failed',
  'secret-missing',
  'secret-input-unavailable',
  'wrong-passphrase',
  'secret-file-damaged',
  'proxy-failed',
  'credentials-expired',
]);
