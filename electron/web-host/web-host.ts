/**
 * Browser mode's host: serves the built renderer on loopback and carries the contract over a WebSocket,
 * with dropped files streamed into a spool. The protocol and its guards are described in README.md.
 */
import { createServer, type Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { DropsignError, isDropsignError } from '../shared/errors.js';
import { createSecret } from './access-token.js';
import type { ContractServices } from './contract-services.js';
import { handleRequest, type HostContext } from './http/handle-request.js';
import { refuseUpgrade, upgradeDenial } from './http/handle-upgrade.js';
import { ownNames } from './http/request-checks.js';
import { openStaticRoot } from './http/static-files.js';
import { isLoopbackAddress, LOOPBACK_HOST } from './loopback.js';
import { serveContract } from './socket/contract-socket.js';
import { watchSpool } from './spool/spool-janitor.js';
import type { SpoolStore } from './spool/spool-store.js';
import { DEFAULT_WEB_HOST_LIMITS, type WebHostLimits } from './web-host-limits.js';
import { SOCKET_PROTOCOL, TOKEN_QUERY } from './web-protocol.js';

/** How to start the host. */
export interface WebHostOptions {
  readonly services: ContractServices;
  /** Where dropped files wait (SpoolStore.create, before the services start: see README.md). */
  readonly spool: SpoolStore;
  /** The built renderer (out/renderer). */
  readonly rendererRoot: string;
  /** The port; 0 (the default) for any free one. */
  readonly port?: number;
  /** When `port` is taken, take any free port instead of failing. */
  readonly fallbackToAnyPort?: boolean;
  /** A loopback address; anything else is refused. Default 127.0.0.1. */
  readonly host?: string;
  readonly limits?: Partial<WebHostLimits>;
  /** For testing: a known token instead of a random one. */
  readonly token?: string;
}

/** A running host. */
export interface WebHost {
  readonly port: number;
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string;
  /** The page's address with the token: what the user opens, and must not share. */
  readonly url: string;
  /** True when `port` was taken and another one is used. */
  readonly preferredPortTaken: boolean;
  /** Closes every socket and the server. The spool and the services belong to the caller. */
  close(): Promise<void>;
}

/** Why 1 s: long enough for an open page to answer the close handshake; then its socket is cut. */
const CLOSE_GRACE_MS = 1000;

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

async function listenWithFallback(server: Server, port: number, host: string, fallback: boolean): Promise<{ port: number; taken: boolean }> {
  try {
    return { port: await listen(server, port, host), taken: false };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' && fallback && port !== 0) return { port: await listen(server, 0, host), taken: true };
    throw new DropsignError(
      'invalid-argument',
      `Browser mode could not listen on ${host}:${port} (${code ?? 'unknown error'}).`,
      code === 'EADDRINUSE' ? 'Another program uses that port: pick another with --port, or 0 for any.' : 'Pick another port with --port.',
      { port, ...(code === undefined ? {} : { errno: code }) },
    );
  }
}

/** Starts the host. Throws a DropsignError when the host is not loopback, the renderer is not built or the port is taken. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? LOOPBACK_HOST;
  if (!isLoopbackAddress(host)) {
    throw new DropsignError(
      'invalid-argument',
      `Browser mode only listens on this machine's loopback interface, not ${host}.`,
      'To use it from another machine, forward the port over SSH: ssh -L PORT:127.0.0.1:PORT host.',
      { host },
    );
  }
  const rendererRoot = await openStaticRoot(options.rendererRoot);
  const limits: WebHostLimits = { ...DEFAULT_WEB_HOST_LIMITS, ...options.limits };
  // Why no request timeout: a spool upload of a big file may take minutes; the peer is this machine.
  const server = createServer({ requestTimeout: 0 });
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes,
    // Why off: loopback needs no compression, and inflating is where message-size bombs live.
    perMessageDeflate: false,
    handleProtocols: (offered) => (offered.has(SOCKET_PROTOCOL) ? SOCKET_PROTOCOL : false),
  });
  let listening: { port: number; taken: boolean };
  try {
    listening = await listenWithFallback(server, options.port ?? 0, host, options.fallbackToAnyPort === true);
  } catch (error) {
    sockets.close();
    throw isDropsignError(error) ? error : new DropsignError('internal', String(error), 'Try again.');
  }
  const context: HostContext = {
    port: listening.port,
    names: ownNames(host, listening.port),
    token: options.token ?? createSecret(),
    assetKey: createSecret(),
    rendererRoot,
    spool: options.spool,
  };
  const { services, spool } = options;
  server.on('request', (request, response) => void handleRequest(request, response, context));
  server.on('upgrade', (request, socket, head) => {
    const denial = upgradeDenial(request, context, sockets.clients.size, limits.maxConnections);
    if (denial !== undefined) return refuseUpgrade(socket, denial);
    sockets.handleUpgrade(request, socket, head, (ws) => serveContract(ws, { services, spool, limits }));
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  const stopWatching = watchSpool(services, spool);

  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${listening.port}`;
  let closing: Promise<void> | undefined;
  return {
    port: listening.port,
    origin,
    url: `${origin}/?${TOKEN_QUERY}=${context.token}`,
    preferredPortTaken: listening.taken,
    close() {
      closing ??= (async () => {
        stopWatching();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        const open = [...sockets.clients];
        for (const client of open) client.close(1001, 'Dropsign is stopping.');
        await Promise.race([
          Promise.all(open.map((client) => new Promise((resolve) => client.once('close', resolve)))),
          new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref()),
        ]);
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        await closed;
      })();
      return closing;
    },
  };
}
