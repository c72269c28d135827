/**
 * The real desktop app, end to end: a file dropped on the window is uploaded to the embedded local bucket
 * and its share link lands on the clipboard, where it downloads the same bytes.
 *
 * Needs an Electron binary (ELECTRON_OVERRIDE_DIST_PATH, or node_modules/electron with its download), a
 * display, and `npm run build` (main, preload and renderer). Without them every test here is reported
 * skipped with the reason; browser mode's end-to-end tests cover the same renderer and services there.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { desktopBlocker, resolveElectronRuntime } from '../../../electron/cli/launch-desktop.js';

const root = path.resolve(import.meta.dirname, '../../..');
const runtime = resolveElectronRuntime();
const blocker = runtime.ok ? desktopBlocker(root, process.env, process.platform) : runtime.reason;

// The list reporter does not print skip reasons; say it once, plainly.
if (blocker !== undefined) console.log(`[electron e2e] skipped: ${blocker}`);

/** The renderer's drop zone; the whole page when it has none marked. */
const DROP_ZONE = '[data-testid="drop-zone"]';

test.describe('desktop app', () => {
  test.skip(blocker !== undefined, `Electron cannot run here: ${blocker ?? ''}`);

  let app: ElectronApplication;
  let page: Page;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dropsign-e2e-'));

  test.beforeAll(async () => {
    if (!runtime.ok) return;
    app = await electron.launch({
      executablePath: runtime.executable,
      args: [root],
      cwd: root,
      env: { ...process.env, DROPSIGN_DATA_DIR: dataDir, ELECTRON_ENABLE_LOGGING: '1' },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('the page is sandboxed: no Node, only window.dropsign', async () => {
    // Page code as strings: this project typechecks without the DOM library.
    const globals: unknown = await page.evaluate(`({
      require: typeof window.require,
      process: typeof window.process,
      api: Object.keys(window.dropsign ?? {}).sort(),
      origin: location.origin,
    })`);
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', api: ['face', 'invoke', 'on', 'pathForFile'], origin: 'app://dropsign' });
  });

  test('drop → upload → link copied', async () => {
    const content = `hello from the desktop e2e ${Date.now()}\n`;
    const file = path.join(dataDir, 'e2e-hello.txt');
    writeFileSync(file, content);
    await app.evaluate(({ clipboard }) => clipboard.writeText(''));

    // A File backed by the real file (setInputFiles with a path), so webUtils.getPathForFile finds it.
    await page.evaluate(`(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'e2e-file';
      input.style.display = 'none';
      document.body.append(input);
    })()`);
    await page.setInputFiles('#e2e-file', file);
    await page.evaluate(`(() => {
      const input = document.getElementById('e2e-file');
      const transfer = new DataTransfer();
      for (const picked of Array.from(input.files ?? [])) transfer.items.add(picked);
      const target = document.querySelector(${JSON.stringify(DROP_ZONE)}) ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      }
      input.remove();
    })()`);

    // The link of a finished upload goes to the clipboard (copyLinkOnFinish is on by default).
    await expect
      .poll(() => app.evaluate(({ clipboard }) => clipboard.readText()), { timeout: 60_000, message: 'a share link on the clipboard' })
      .toMatch(/^https?:\/\/\S*e2e-hello\.txt/);
    const link = await app.evaluate(({ clipboard }) => clipboard.readText());
    const response = await fetch(link);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(content);
  });
});
