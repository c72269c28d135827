/**
 * `dropsign link put --page` as users run it: the built executable, the built-in `local` profile pointed at
 * a running embedded local bucket. The page is written with mode 0600 and its path printed; it carries
 * the link and exactly the headers it signed (an upload with them is taken), in English or Chinese; bad
 * page options are refused before any link is made.
 */
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedLocalBucket, type EmbeddedLocalBucket } from '../../../electron/core/local-bucket/index.js';
import { linkCli } from './link-cli.js';

let root = '';
let dataDir = '';
let work = '';
let bucket: EmbeddedLocalBucket;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dropsign-link-page-'));
  dataDir = path.join(root, 'data');
  work = path.join(root, 'work');
  await mkdir(work, { recursive: true });
  bucket = await startEmbeddedLocalBucket(dataDir, { port: 0 });
});

afterAll(async () => {
  await bucket?.handle.close();
  await rm(root, { recursive: true, force: true });
});

const { link, local } = linkCli(() => ({ bucket, root, work, dataDir }));

/** The link data a page carries (its JSON block). */
interface PageConfig {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly key: string;
  readonly language: string;
}

function pageConfig(html: string): PageConfig {
  const json = /<script type="application\/json" id="drop-page-config">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (json === undefined) throw new Error('no config block in the page');
  return JSON.parse(json) as PageConfig;
}

async function issuedCount(): Promise<number> {
  const listed = await link('list', '--json');
  expect(listed.code, listed.stderr).toBe(0);
  return (JSON.parse(listed.stdout) as { total: number }).total;
}

describe('dropsign link put --page', () => {
  it('writes the page (mode 0600), prints where, and the page carries the link with exactly its signed headers', async () => {
    const run = await link('put', 'inbox/scan 1.pdf', ...local(), '--content-type', 'application/pdf', '--meta', 'from=cli', '--page', 'scan.html');
    expect(run.code, run.stderr).toBe(0);
    const file = path.join(work, 'scan.html');
    expect(run.stdout).toContain(`\nDrop page: ${file}\n`);
    expect(run.stdout).toContain('AllowedOrigin * (a page opened from disk has the origin null), AllowedMethod PUT,');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const html = await readFile(file, 'utf8');
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`connect-src ${bucket.handle.endpoint};`);
    const config = pageConfig(html);
    expect(config.url.split('?')[0]).toBe(`${bucket.handle.endpoint}/dropsign/inbox/scan%201.pdf`);
    expect(config.headers).toEqual({ 'content-type': 'application/pdf', 'x-oss-meta-from': 'cli' });
    // What the page sends is what the link signed: the bucket takes it.
    const put = await fetch(config.url, { method: 'PUT', headers: config.headers, body: 'a pdf, honestly' });
    expect(put.status, await put.text()).toBe(200);
  });

  it('says where the page is in --json, and writes it in Chinese when asked', async () => {
    const run = await link('put', 'inbox/扫描件.pdf', ...local(), '--page', 'zh.html', '--page-language', 'zh-CN', '--json');
    expect(run.code, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout) as { page: string; url: string };
    expect(printed.page).toBe(path.join(work, 'zh.html'));
    const html = await readFile(printed.page, 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<h1>上传文件</h1>');
    expect(pageConfig(html)).toMatchObject({ url: printed.url, shownKey: 'inbox/扫描件.pdf', language: 'zh-CN', headers: {} });
  });

  it('refuses a page for a download link, a language it does not speak and a folder that is not there, before making any link', async () => {
    const before = await issuedCount();
    for (const [args, message] of [
      [['get', 'a.txt', '--page', 'get.html'], '--page does not apply to download (GET) links.'],
      [['put', 'a.txt', '--page', 'a.html', '--page-language', 'fr'], '--page-language must be one of en, zh-CN.'],
      [['put', 'a.txt', '--page-language', 'zh-CN'], '--page-language needs --page FILE'],
      [['put', 'a.txt', '--page', 'missing/a.html'], '--page "missing/a.html" is in a folder that does not exist.'],
    ] as const) {
      const run = await link(...args, ...local());
      expect(run.code, run.stdout).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(await issuedCount()).toBe(before);
  });

  it('lists --page and --page-language in the help', async () => {
    const help = await link('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--page FILE +Also write the link's drop page/);
    expect(help.stdout).toMatch(/--page-language LANG +The page's language: en \(default\) or zh-CN\./);
  });
});
