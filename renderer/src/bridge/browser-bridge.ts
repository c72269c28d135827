/**
 * The bridge of browser mode: the contract over the web host's WebSocket, files staged through its spool.
 */
import type { Bridge, ConnectionStatus } from './dropsign-api.js';
import { createWebClient, type SocketLike } from './web-client.js';
import { SOCKET_PATH, SOCKET_PROTOCOL, TOKEN_PROTOCOL_PREFIX } from './web-protocol.js';
import { createSpoolStager } from './web-spool.js';

/** A browser WebSocket to this page's host, seen through the client's small interface. */
function openHostSocket(token: string): SocketLike {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new WebSocket(`${scheme}://${window.location.host}${SOCKET_PATH}`, [SOCKET_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`]);
  const adapter: SocketLike = {
    send: (text) => socket.send(text),
    close: () => socket.close(),
    onopen: null,
    onclose: null,
    onmessage: null,
  };
  socket.onopen = () => adapter.onopen?.();
  socket.onclose = () => adapter.onclose?.();
  socket.onmessage = (event) => adapter.onmessage?.({ data: event.data });
  return adapter;
}

/** A bridge that reaches nothing: the page was opened without its token. */
function tokenlessBridge(): Bridge {
  const status: ConnectionStatus = { kind: 'no-token' };
  return {
    face: 'browser',
    api: {
      invoke: () => Promise.resolve({ ok: false, error: { code: 'invalid-credentials', message: 'This page was opened without its access token.', hint: 'Open the address `dropsign web` printed.' } }),
      on: () => () => undefined,
    },
    stager: { needsFileContents: true, stage: (files) => Promise.resolve({ paths: [], failures: files.map((f) => ({ relativePath: f.relativePath, message: 'Not connected.' })) }) },
    onStatus: (listener) => {
      listener(status);
      return () => undefined;
    },
  };
}

/** The bridge of a page served by `dropsign web`, with the token the page was opened with. */
export function createBrowserBridge(token: string | undefined): Bridge {
  if (token === undefined) return tokenlessBridge();
  const client = createWebClient(() => openHostSocket(token), {
    set: (callback, ms) => window.setTimeout(callback, ms),
    clear: (handle) => window.clearTimeout(handle as number | undefined),
  });
  return { face: 'browser', api: client, stager: createSpoolStager(token), onStatus: (listener) => client.onStatus(listener) };
}
