import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = new URL('../../..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root, overrideConfigFile: `${root}build/eslint.config.js` });

/** Lints one line of code as if it were the file at `path`, returning the boundary violations. */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: `${root}${path}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries (build/eslint.config.js)', () => {
  it('keeps electron out of core', async () => {
    expect(await boundaryErrors('electron/core/x.ts', "import { app } from 'electron';")).toHaveLength(1);
  });

  it('keeps main and the renderer out of core', async () => {
    expect(await boundaryErrors('electron/core/x.ts', "import '../main/index.js';")).toHaveLength(1);
    expect(await boundaryErrors('electron/core/x.ts', "import '../../renderer/app.js';")).toHaveLength(1);
  });

  it('keeps node:*, electron and core out of the renderer', async () => {
    expect(await boundaryErrors('renderer/x.ts', "import { readFile } from 'node:fs';")).toHaveLength(1);
    expect(await boundaryErrors('renderer/x.ts', "import { ipcRenderer } from 'electron';")).toHaveLength(1);
    expect(await boundaryErrors('renderer/x.ts', "import '../electron/core/signing/presign.js';")).toHaveLength(1);
  });

  it('keeps electron/shared pure', async () => {
    expect(await boundaryErrors('electron/shared/x.ts', "import { createHash } from 'node:crypto';")).toHaveLength(1);
  });

  it('lets core use node:* and shared, and the renderer use shared', async () => {
    expect(await boundaryErrors('electron/core/x.ts', "import { createHash } from 'node:crypto';")).toEqual([]);
    expect(await boundaryErrors('electron/core/x.ts', "import '../shared/errors.js';")).toEqual([]);
    expect(await boundaryErrors('renderer/x.ts', "import '../electron/shared/errors.js';")).toEqual([]);
  });
});
