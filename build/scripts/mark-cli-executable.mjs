// Makes the built CLI (`bin` in package.json) executable. The bundler writes new files without the execute bit;
// npm sets it only when it links the bin (installing the package, or npx's first run in a folder), so a
// rebuilt clone whose npx link already exists would run `npx dropsign` into "Permission denied".
//
// npx keeps that link (in ~/.npm/_npx) across builds and never re-reads `bin`: a folder where `npx dropsign`
// ran before the CLI was bundled still points at the unbundled entry that tsc emits, so mark that one too
// (it runs the same CLI, only slower to load).
import { chmodSync, existsSync } from 'node:fs';

chmodSync(new URL('../../out/electron/bin/dropsign.js', import.meta.url), 0o755);
const unbundled = new URL('../../out/electron/cli/index.js', import.meta.url);
if (existsSync(unbundled)) chmodSync(unbundled, 0o755);
