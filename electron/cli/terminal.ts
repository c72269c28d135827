/**
 * Prompts and standard input for commands that ask the user something (profile secrets, confirmations),
 * injected so tests can answer them. Prompts go to stderr, so stdout stays clean for `--json` and pipes;
 * secret prompts do not echo what is typed (`read` with `silent: true`).
 */
import { read } from 'read';
import { DropsignError } from '../shared/errors.js';

/** What a command can ask of the person at the terminal. */
export interface Terminal {
  /** True when there is someone to ask: standard input is a terminal. */
  readonly interactive: boolean;
  /** Reads one line, echoed. */
  ask(prompt: string): Promise<string>;
  /** Reads one line without echoing it. */
  askSecret(prompt: string): Promise<string>;
  /** Reads all of standard input (for `--secret-stdin`). */
  readStdin(): Promise<string>;
}

/**
 * Most bytes read from standard input. Why 64 KiB: a secret and an STS token are a few KiB at most; a
 * bigger input is a mistake (a file piped by accident), not credentials.
 */
export const MAX_STDIN_BYTES = 64 * 1024;

/** Turns a `read` cancellation (Ctrl-C, end of input) into a plain error. */
function canceled(error: unknown): DropsignError {
  const why = error instanceof Error && /cancel/i.test(error.message) ? 'was canceled' : 'ended before an answer';
  return new DropsignError('secret-input-unavailable', `The prompt ${why}; nothing was changed.`, 'Run the command again.');
}

/** Reads all of `stream` up to {@link MAX_STDIN_BYTES}. */
export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_STDIN_BYTES) {
      throw new DropsignError(
        'secret-input-unavailable',
        `Standard input is longer than ${MAX_STDIN_BYTES / 1024} KiB, which is not a secret.`,
        'Pipe only the secret (and, with --with-session-token, the token on the next line).',
      );
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The real terminal of this process. */
export function processTerminal(): Terminal {
  const ask = async (prompt: string, silent: boolean): Promise<string> => {
    try {
      const answer = await read({ prompt, silent, replace: '', input: process.stdin, output: process.stderr, terminal: true });
      // Silent input echoes nothing, not even the Enter; end the prompt line so the next output starts afresh.
      if (silent) process.stderr.write('\n');
      return answer;
    } catch (error) {
      throw canceled(error);
    }
  };
  return {
    interactive: process.stdin.isTTY === true,
    ask: (prompt) => ask(prompt, false),
    askSecret: (prompt) => ask(prompt, true),
    readStdin: () => readAll(process.stdin),
  };
}
