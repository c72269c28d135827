// Makes the built CLI (`bin` in package.json) executable. The bundler writes new files without the execute bit;
// npm sets it only when it links the bin (installing the package, or npx's first run in a folder), so a
// rebuilt clone whose npx link already exists would run `npx dropsign` into "Permission denied".
import { chmodSync } from 'node:fs';

chmodSync(new URL('../../out/electron/bin/dropsign.js', import.meta.url), 0o755);
