import type { CliCommand } from '../io.js';
import { linkCommand } from './link.js';
import { localBucketCommand } from './local-bucket.js';
import { profileCommand } from './profile.js';
import { signCommand } from './sign.js';
import { startCommand } from './start.js';
import { uploadCommand } from './upload.js';
import { webCommand } from './web.js';

/**
 * Every `dropsign` sub-command by name. Add a command by writing `commands/NAME.ts` exporting a
 * `CliCommand` and listing it here.
 */
export const commands: Readonly<Record<string, CliCommand>> = {
  start: startCommand,
  sign: signCommand,
  upload: uploadCommand,
  link: linkCommand,
  'local-bucket': localBucketCommand,
  profile: profileCommand,
  web: webCommand,
};
