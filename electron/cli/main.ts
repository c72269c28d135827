/**
 * `dropsign`: the command-line face of Dropsign. Dispatches to one sub-command per file in commands/.
 */
import { commands } from './commands/index.js';
import type { CliIo, ExitCode } from './io.js';
import { reportError } from './report-error.js';
import { DropsignError } from '../shared/errors.js';

/** Runs `dropsign ARGS...` and returns the exit status. */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (entry === undefined) {
    return reportError(
      new DropsignError('invalid-argument', `Unknown command "${name}".`, 'Run `dropsign --help` for the list.'),
      io,
    );
  }
  try {
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(command.usage);
      return 0;
    }
    return await command.run(rest, io);
  } catch (error) {
    return reportError(error, io);
  }
}

/** The product version, kept in step with package.json by the release process. */
const VERSION = '0.1.0';

function overview(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length), 4);
  const lines = Object.entries(commands).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: dropsign COMMAND [OPTIONS]',
    '',
    'Presigned uploads and links for Alibaba Cloud OSS and S3-compatible stores.',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `dropsign COMMAND --help` for the options of a command.',
    '',
  ].join('\n');
}

