/**
 * The edges of a CLI command, injected so commands can be tested without a process.
 */
import { visibleText } from '../shared/visible-text.js';

export interface CliIo {
  /** Writes to standard output (no newline added). */
  readonly out: (text: string) => void;
  /** Writes to standard error (no newline added). */
  readonly err: (text: string) => void;
  /** The environment; credentials are read from here, never from arguments. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The working directory relative paths resolve against. */
  readonly cwd: string;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
}

/** A command's outcome: the process exit status. 0 success, 1 failure at run time, 2 bad input. */
export type ExitCode = 0 | 1 | 2;

/** One `dropsign` sub-command. */
export interface CliCommand {
  /** Full usage text for `dropsign COMMAND --help`. */
  readonly usage: string;
  /** Runs the command with the arguments after its name. Long-running commands resolve when they stop. */
  readonly run: (args: readonly string[], io: CliIo) => Promise<ExitCode>;
}

/**
 * The real process edges. When the reader of our output goes away (`dropsign upload ... | head -1`), writes
 * are dropped instead of crashing with EPIPE: the command still finishes its work, so nothing is lost.
 * Everything written passes through visibleText: no file name or server message can send the terminal
 * an escape sequence (see shared/visible-text.ts).
 */
export function processIo(): CliIo {
  const ignoreClosedPipe = (error: NodeJS.ErrnoException): void => {
    if (error.code !== 'EPIPE') throw error;
  };
  process.stdout.on('error', ignoreClosedPipe);
  process.stderr.on('error', ignoreClosedPipe);
  return {
    out: (text) => void (process.stdout.writable && process.stdout.write(visibleText(text))),
    err: (text) => void (process.stderr.writable && process.stderr.write(visibleText(text))),
    env: process.env,
    cwd: process.cwd(),
    now: () => Date.now(),
  };
}
