#!/usr/bin/env node
/** The `dropsign` executable: runs the CLI with the real process edges and sets the exit status. */
import { processIo } from './io.js';
import { main } from './main.js';
import { reportError } from './report-error.js';

const io = processIo();
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = reportError(error, io);
  },
);
