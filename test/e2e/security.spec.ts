/**
 * Browser mode's guards as a browser meets them: another site (even one on another port of 127.0.0.1,
 * which browsers treat as the same site and send its cookies to) cannot drive the app, a re-pointed DNS
 * name (rebinding) is refused, and the page is useless without the token it was opened with.
 */
import { chromium, expect, test } from '@playwright/test';
import { readdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './helpers/chromium.js';
import { startDropsignWeb, type DropsignWeb } from './helpers/dropsign-web.js';

let host: DropsignWeb;
let foreign: Server;
let foreignOrigin = '';

test.beforeAll(async () => {
  host = await startDropsignWeb();
  // Another program's page on this machine, on another port: the attacker's vantage point.
  foreign = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end('<!doctype html><title>elsewhere</title>');
  });
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  const address = foreign.address();
  foreignOrigin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
});
test.afterAll(async () => {
  await new Promise((resolve) => foreign.close(resolve));
  expect(await host.stop()).toBe(0);
});

/** Opens the contract socket from whatever page the browser is on; 'open' or 'refused'. */
function tryTheSocket({ origin, token }: { origin: string; token: string }): Promise<string> {
  return new Promise<string>((resolve) => {
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws`, ['dropsign.v1', `dropsign.token.${token}`]);
    ws.onopen = () => {
      resolve('open');
      ws.close();
    };
    ws.onclose = () => resolve('refused');
  });
}

test('a page of another origin on 127.0.0.1 cannot open the contract socket or spool files, even with the token', async ({ page }) => {
  const secrets = { origin: host.origin, token: host.token };
  await page.goto(host.url);
  expect(await page.evaluate(tryTheSocket, secrets)).toBe('open');

  await page.goto(foreignOrigin);
  expect(await page.evaluate(tryTheSocket, secrets)).toBe('refused');
  const spooled = await page.evaluate(async ({ origin, token }) => {
    const withToken = await fetch(`${origin}/spool?name=x.txt`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: 'x' }).then(
      (response) => `answered ${response.status}`,
      () => 'blocked',
    );
    // A "simple" request needs no preflight: it reaches the host, which must refuse it by its Origin.
    await fetch(`${origin}/spool?name=y.txt`, { method: 'POST', mode: 'no-cors', credentials: 'include', body: 'y' }).catch(() => undefined);
    return withToken;
  }, secrets);
  expect(spooled).toBe('blocked');
  expect(await readdir(path.join(host.dataDir, 'web-spool'))).toEqual([]);
});

test('a second tab opened without the token loads the page but reaches nothing, and says how to get in', async ({ page, context }) => {
  await page.goto(host.url);
  const other = await context.newPage();
  await other.goto(`${host.origin}/`);
  await expect(other.getByTestId('connection')).toContainText('opened without its access token');
});

test('without the token (and its cookie) there is no page at all', async ({ page }) => {
  const response = await page.goto(`${host.origin}/`);
  expect(response?.status()).toBe(401);
  const wrong = await page.goto(`${host.origin}/?token=not-the-token`);
  expect(wrong?.status()).toBe(401);
});

test('a name re-pointed to 127.0.0.1 (DNS rebinding) is refused by the Host check, token or not', async () => {
  // This browser resolves a foreign name to 127.0.0.1, as an attacker's DNS server would after its page loaded.
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP rebind.test 127.0.0.1'] });
  try {
    const page = await browser.newPage();
    const url = new URL(host.url);
    url.hostname = 'rebind.test';
    const response = await page.goto(url.href);
    expect(response?.status()).toBe(403);
    expect(await page.textContent('body')).toContain('Unexpected Host');
  } finally {
    await browser.close();
  }
});
