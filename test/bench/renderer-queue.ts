/**
 * The renderer's benchmark: the upload screen in Debian's Chromium against the built `dropsign web`
 * (browser mode, embedded local bucket), measured as a user meets it.
 *
 * (a) Drop 10,000 small files on the window and time how long until the queue is interactive: the files
 *     are staged (their bytes sent to the host, in batches) and enqueued batch by batch, their rows
 *     rendered, and a click on a filter is answered (the click's own latency, from the input event to the
 *     next frame after React's update, is reported too). When the first row appears is reported too. The
 *     uploads run meanwhile, as they would.
 * (b) With the queue emptied, drop 1,000 files and watch the main thread's long tasks (PerformanceObserver
 *     `longtask`, tasks over 50 ms) from the drop until every file is uploaded: how many, their total and
 *     the longest.
 *
 * `measureRendererQueue()` returns the numbers; run directly (`node out/test/bench/renderer-queue.js`,
 * after `npm run build` and `tsc -p build/tsconfig.bench.json`) it prints them, `--json` as one object.
 */
import { chromium, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/helpers/chromium.js';
import { startBenchWebHost, type BenchWebHost } from './renderer-web-host.js';

/** What to measure. Every field has a default. */
export interface RendererQueueOptions {
  /** Files dropped for (a). Default 10,000 (the most one drop enqueues). */
  readonly dropFiles?: number;
  /** Files uploaded while long tasks are watched, (b). Default 1,000. */
  readonly uploadFiles?: number;
  /** Size of each file, bytes. Default 1 KiB for (a) and 16 KiB for (b). */
  readonly dropFileBytes?: number;
  readonly uploadFileBytes?: number;
  /** Where the host's data goes (a temporary directory under it, removed afterwards). Default the system temp directory. */
  readonly baseDir?: string;
  /** Progress lines. Default: none. */
  readonly log?: (line: string) => void;
}

/** (a): from the drop to an interactive queue, in ms from the drop. */
export interface DropToInteractive {
  readonly files: number;
  /** The first row on screen (the first batch staged and enqueued). */
  readonly firstRowMs: number;
  /** Every file staged (its bytes with the host); the batches staged so far are being (or were) enqueued. */
  readonly stagedMs: number;
  /** The host answered the last enqueue (it has scanned and queued every file; their events may still be on their way). */
  readonly enqueuedMs: number;
  /** Every file in the queue, rows on screen. */
  readonly rowsMs: number;
  /** A click on a filter answered (the next frame after its update). */
  readonly interactiveMs: number;
  /** That click alone: from its input event to the frame after the update. */
  readonly clickMs: number;
  /** Rows in the page at that moment (the virtual list's window). */
  readonly renderedRows: number;
}

/** (b): the main thread while files upload. */
export interface LongTasksWhileUploading {
  readonly files: number;
  /** From the drop until every file is done. */
  readonly uploadMs: number;
  readonly count: number;
  readonly totalMs: number;
  readonly maxMs: number;
}

/** Everything measured. */
export interface RendererQueueResult {
  readonly browser: string;
  readonly dropToInteractive: DropToInteractive;
  readonly longTasks: LongTasksWhileUploading;
}

/** The page's globals used here, typed because the Node side has no DOM library. */
interface PageGlobals {
  readonly document: {
    querySelector(selector: string): { readonly textContent: string | null; dispatchEvent(event: unknown): boolean } | null;
    querySelectorAll(selector: string): { readonly length: number };
    addEventListener(type: string, listener: (event: { readonly timeStamp: number }) => void, options: { once: boolean; capture: boolean }): void;
  };
  readonly performance: { now(): number };
  readonly DataTransfer: new () => { readonly items: { add(file: unknown): unknown } };
  readonly DragEvent: new (type: string, init: { dataTransfer: unknown; bubbles: boolean; cancelable: boolean }) => unknown;
  readonly File: new (parts: unknown[], name: string) => unknown;
  requestAnimationFrame(callback: () => void): number;
  setTimeout(callback: () => void, ms: number): number;
  /** Set by the init script: long task durations, and when the last drop happened. */
  __benchLongTasks: number[];
  __benchDropAt: number;
  __benchFirstRowAt?: number;
  __benchDrop: unknown;
  __benchClick?: Promise<{ readonly at: number; readonly answered: number }>;
}

/** Collects every long task of the page from its first script on (an init script runs before the app's). */
const LONG_TASK_OBSERVER = `(() => {
  window.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__benchLongTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
})();`;

/** Why 10 minutes: 10,000 files staged and enqueued on a loaded 2-core machine take a minute or two, never this long. */
const STEP_TIMEOUT_MS = 10 * 60_000;

/** Builds `count` files of `bytes` each in the page, ready to drop (the building is not part of what is measured). */
async function prepareDrop(page: Page, count: number, bytes: number, prefix: string): Promise<void> {
  await page.evaluate(
    ({ count: total, bytes: size, prefix: stem }) => {
      const g = globalThis as unknown as PageGlobals;
      const data = new g.DataTransfer();
      for (let index = 0; index < total; index += 1) {
        const body = new Uint8Array(size);
        body.fill(index % 251);
        data.items.add(new g.File([body], `${stem}-${String(index).padStart(5, '0')}.bin`));
      }
      g.__benchDrop = data;
    },
    { count, bytes, prefix },
  );
}

/**
 * Drops the prepared files on the window, as a drag from a file manager ends; records the drop's time and,
 * with `watchFirstRow`, when the first row is on screen (checked once a frame until then).
 */
async function drop(page: Page, watchFirstRow = false): Promise<void> {
  await page.evaluate((watch) => {
    const g = globalThis as unknown as PageGlobals;
    const target = g.document.querySelector('[data-testid="drop-zone"]');
    g.__benchDropAt = g.performance.now();
    delete g.__benchFirstRowAt;
    const look = (): void => {
      if (g.document.querySelectorAll('[data-testid="transfer"]').length > 0) g.__benchFirstRowAt = g.performance.now();
      else g.requestAnimationFrame(look);
    };
    if (watch) g.requestAnimationFrame(look);
    for (const type of ['dragenter', 'dragover', 'drop']) target?.dispatchEvent(new g.DragEvent(type, { dataTransfer: g.__benchDrop, bubbles: true, cancelable: true }));
  }, watchFirstRow);
}

/** Waits (polling each frame, or every `interval` ms) until `count` transfers are in filter `filter`; resolves ms since the drop. */
async function waitForCount(page: Page, filter: 'all' | 'done', count: number, interval: number | 'raf' = 'raf'): Promise<number> {
  const handle = await page.waitForFunction(
    ({ filter: name, count: wanted }) => {
      const g = globalThis as unknown as PageGlobals;
      const text = g.document.querySelector(`[data-testid="filter-${name}"] .queue-filter-count`)?.textContent ?? '';
      const rows = g.document.querySelectorAll('[data-testid="transfer"]').length;
      return Number(text.replace(/\D/g, '')) === wanted && rows > 0 ? g.performance.now() - g.__benchDropAt : false;
    },
    { filter, count },
    { polling: interval, timeout: STEP_TIMEOUT_MS },
  );
  return (await handle.jsonValue()) as number;
}

/** Waits until staging is over (the page says it is adding files to the queue, or the files are in); ms since the drop. */
async function waitForStaged(page: Page, count: number): Promise<number> {
  const handle = await page.waitForFunction(
    (wanted) => {
      const g = globalThis as unknown as PageGlobals;
      const staging = g.document.querySelector('[data-testid="staging"]')?.textContent ?? '';
      const all = Number((g.document.querySelector('[data-testid="filter-all"] .queue-filter-count')?.textContent ?? '').replace(/\D/g, ''));
      return staging.startsWith('Adding') || all === wanted ? g.performance.now() - g.__benchDropAt : false;
    },
    count,
    { polling: 'raf', timeout: STEP_TIMEOUT_MS },
  );
  return (await handle.jsonValue()) as number;
}

/** Waits until the host has answered the last enqueue (the staging line is gone); ms since the drop. */
async function waitForEnqueued(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const g = globalThis as unknown as PageGlobals;
      return g.document.querySelector('[data-testid="staging"]') === null ? g.performance.now() - g.__benchDropAt : false;
    },
    undefined,
    { polling: 'raf', timeout: STEP_TIMEOUT_MS },
  );
  return (await handle.jsonValue()) as number;
}

/** Clicks the Active filter for real and resolves when its answer is on screen: the click's input time and the frame after. */
async function timedClick(page: Page): Promise<{ readonly at: number; readonly answered: number }> {
  await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    g.__benchClick = new Promise((resolve) =>
      g.document.addEventListener('click', (event) => g.requestAnimationFrame(() => g.setTimeout(() => resolve({ at: event.timeStamp, answered: g.performance.now() }), 0)), {
        once: true,
        capture: true,
      }),
    );
  });
  await page.getByTestId('filter-active').click();
  const clicked = (await page.evaluate(() => (globalThis as unknown as PageGlobals).__benchClick)) ?? { at: 0, answered: 0 };
  await page.locator('[data-testid="filter-active"] input:checked').waitFor();
  return clicked;
}

/** Removes every transfer through the contract (what the page's bridge does, from Node). */
async function removeAll(host: BenchWebHost): Promise<void> {
  const socket = new WebSocket(`${host.origin.replace(/^http/, 'ws')}/ws`, ['dropsign.v1', `dropsign.token.${host.token}`], { origin: host.origin });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const answered = new Promise<void>((resolve) => socket.on('message', (data: Buffer) => (JSON.parse(data.toString()) as { id?: number }).id === 1 && resolve()));
  socket.send(JSON.stringify({ id: 1, channel: 'transfers:remove', args: [] }));
  await answered;
  socket.close();
}

/** Runs (a) and (b); see the module comment. */
export async function measureRendererQueue(options: RendererQueueOptions = {}): Promise<RendererQueueResult> {
  const dropCount = options.dropFiles ?? 10_000;
  const uploadCount = options.uploadFiles ?? 1000;
  const log = options.log ?? (() => undefined);
  const work = await mkdtemp(path.join(options.baseDir ?? tmpdir(), 'dropsign-renderer-bench-'));
  const host = await startBenchWebHost(work);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  try {
    const context = await browser.newContext();
    await context.addInitScript(LONG_TASK_OBSERVER);
    const page = await context.newPage();
    await page.goto(host.url);
    await page.getByTestId('queue-empty').waitFor();

    log(`(a) dropping ${dropCount} files...`);
    await prepareDrop(page, dropCount, options.dropFileBytes ?? 1024, 'small');
    await drop(page, true);
    const stagedMs = await waitForStaged(page, dropCount);
    const enqueuedMs = await waitForEnqueued(page);
    log(`    staged after ${Math.round(stagedMs)} ms, enqueued after ${Math.round(enqueuedMs)} ms`);
    const rowsMs = await waitForCount(page, 'all', dropCount);
    const click = await timedClick(page);
    const interactiveMs = click.answered - (await page.evaluate(() => (globalThis as unknown as PageGlobals).__benchDropAt));
    const renderedRows = await page.getByTestId('transfer').count();
    const firstRowMs = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      return (g.__benchFirstRowAt ?? Number.NaN) - g.__benchDropAt;
    });
    log(`    rows after ${Math.round(rowsMs)} ms, interactive after ${Math.round(interactiveMs)} ms`);

    await page.getByTestId('filter-all').click();
    await removeAll(host);
    await page.getByTestId('queue-empty').waitFor({ timeout: STEP_TIMEOUT_MS });

    log(`(b) uploading ${uploadCount} files...`);
    await prepareDrop(page, uploadCount, options.uploadFileBytes ?? 16 * 1024, 'upload');
    await page.evaluate(() => void ((globalThis as unknown as PageGlobals).__benchLongTasks.length = 0));
    await drop(page);
    // Why 250 ms polls: checking every frame would add main-thread work to what is measured.
    const uploadMs = await waitForCount(page, 'done', uploadCount, 250);
    const tasks = await page.evaluate(() => [...(globalThis as unknown as PageGlobals).__benchLongTasks]);
    const round = (value: number): number => Math.round(value * 10) / 10;
    return {
      browser: browser.version(),
      dropToInteractive: { files: dropCount, firstRowMs: round(firstRowMs), stagedMs: round(stagedMs), enqueuedMs: round(enqueuedMs), rowsMs: round(rowsMs), interactiveMs: round(interactiveMs), clickMs: round(click.answered - click.at), renderedRows },
      longTasks: {
        files: uploadCount,
        uploadMs: round(uploadMs),
        count: tasks.length,
        totalMs: round(tasks.reduce((sum, duration) => sum + duration, 0)),
        maxMs: round(Math.max(0, ...tasks)),
      },
    };
  } finally {
    await browser.close();
    await host.stop();
    await rm(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const asJson = process.argv.includes('--json');
  const result = await measureRendererQueue(asJson ? {} : { log: (line) => process.stderr.write(`${line}\n`) });
  if (asJson) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const { dropToInteractive: a, longTasks: b } = result;
  process.stdout.write(
    [
      `Chromium ${result.browser}`,
      `(a) ${a.files} files dropped: first row ${a.firstRowMs} ms, staged ${a.stagedMs} ms, enqueued ${a.enqueuedMs} ms, rows ${a.rowsMs} ms, interactive ${a.interactiveMs} ms (click answered in ${a.clickMs} ms, ${a.renderedRows} rows in the page)`,
      `(b) ${b.files} files uploaded in ${b.uploadMs} ms: ${b.count} long tasks, ${b.totalMs} ms in all, longest ${b.maxMs} ms`,
      '',
    ].join('\n'),
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
