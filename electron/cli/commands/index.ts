import type { CliCommand } from '../io.js';
import { localBucketCommand } from './local-bucket.js';
import { signCommand } from './sign.js';
import { startCommand } from './start.js';

/**
 * Every `dropsign` sub-command by name. Add a command by writing `commands/NAME.ts` exporting a
 * `CliCommand` and listing it here.
 */
export const commands: Readonly<Record<string, CliCommand>> = {
  start: startCommand,
  sign: signCommand,
  'local-bucket': localBucketCommand,
};
