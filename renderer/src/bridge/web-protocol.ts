/**
 * The names browser mode's page and host agree on. A copy of electron/web-host/web-protocol.ts (the
 * renderer may not import the host); test/unit/web-host/web-protocol.test.ts keeps the two equal.
 */

/** The WebSocket endpoint that carries the contract. */
export const SOCKET_PATH = '/ws';

/** The endpoint dropped files are streamed to (`POST /spool?name=...&relativePath=...`). */
export const SPOOL_PATH = '/spool';

/** The sub-protocol the host speaks. */
export const SOCKET_PROTOCOL = 'dropsign.v1';

/** The token travels as a second sub-protocol, `dropsign.token.<token>` (a page's WebSocket cannot send headers). */
export const TOKEN_PROTOCOL_PREFIX = 'dropsign.token.';

/** The query parameter of the page URL `dropsign web` prints. */
export const TOKEN_QUERY = 'token';

/** Spooled files are enqueued as `spool:<id>`. */
export const SPOOL_REF_PREFIX = 'spool:';
