/**
 * Plain HTTP requests to the web host (WebSocket upgrades: handle-upgrade.ts):
 *
 * - `GET /?token=T` opens the page: a valid token gets index.html and the asset cookie; a wrong one 401;
 * - `GET /anything` (the page's scripts, styles, a reload of `/`) needs the asset cookie;
 * - `POST /spool` streams a batch of dropped files into the spool: needs `Authorization: Bearer T` and
 *   this server's Origin;
 * - every request must come from loopback with `Host: 127.0.0.1:PORT` or `localhost:PORT`, and a foreign
 *   Origin is refused everywhere.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleSpoolRequest } from '../spool/spool-route.js';
import type { SpoolStore } from '../spool/spool-store.js';
import { assetCookieName, SOCKET_PATH, SPOOL_PATH, TOKEN_QUERY } from '../web-protocol.js';
import { bearerToken, checkHost, checkOrigin, checkPeer, checkSecret, cookieValue, type OwnNames } from './request-checks.js';
import { sendText } from './respond.js';
import { setSecurityHeaders } from './security-headers.js';
import { serveStatic } from './static-files.js';

/** What the handlers need to know about the running host. */
export interface HostContext {
  readonly port: number;
  readonly names: OwnNames;
  readonly token: string;
  /** The asset cookie's value: not the token (see web-protocol.ts). */
  readonly assetKey: string;
  readonly rendererRoot: string;
  readonly spool: SpoolStore;
}

async function handlePage(request: IncomingMessage, response: ServerResponse, url: URL, context: HostContext): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(response, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    return;
  }
  const cookie = assetCookieName(context.port);
  const queryToken = url.searchParams.get(TOKEN_QUERY);
  const denial =
    queryToken === null
      ? checkSecret(context.assetKey, cookieValue(request, cookie), 'session')
      : checkSecret(context.token, queryToken, 'token');
  if (denial !== undefined) {
    sendText(response, denial.status, denial.reason);
    return;
  }
  if (queryToken !== null) response.setHeader('Set-Cookie', `${cookie}=${context.assetKey}; Path=/; HttpOnly; SameSite=Strict`);
  if (!(await serveStatic(request, response, context.rendererRoot, url.pathname))) sendText(response, 404, 'Not found.');
}

async function handleSpool(request: IncomingMessage, response: ServerResponse, context: HostContext): Promise<void> {
  if (request.method !== 'POST') {
    sendText(response, 405, 'Method not allowed.', { Allow: 'POST' });
    return;
  }
  const denial = checkOrigin(request, context.names, true) ?? checkSecret(context.token, bearerToken(request), 'token');
  if (denial !== undefined) {
    response.setHeader('Connection', 'close');
    sendText(response, denial.status, denial.reason);
    return;
  }
  await handleSpoolRequest(request, response, context.spool);
}

/** Answers one request. Never throws: a failure becomes a 500 (or a cut connection once headers are out). */
export async function handleRequest(request: IncomingMessage, response: ServerResponse, context: HostContext): Promise<void> {
  setSecurityHeaders(response);
  try {
    const denial = checkPeer(request) ?? checkHost(request, context.names) ?? checkOrigin(request, context.names, false);
    if (denial !== undefined) {
      response.setHeader('Connection', 'close');
      sendText(response, denial.status, denial.reason);
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${context.port}`);
    if (url.pathname === SPOOL_PATH) await handleSpool(request, response, context);
    else if (url.pathname === SOCKET_PATH) sendText(response, 426, 'This address takes WebSocket connections only.', { Upgrade: 'websocket' });
    else await handlePage(request, response, url, context);
  } catch {
    sendText(response, 500, 'Something went wrong in Dropsign.');
  }
}
