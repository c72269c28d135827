/**
 * The names browser mode's page and host agree on: paths, the WebSocket sub-protocols, the header and
 * cookie that carry credentials, and the form of a spooled file's reference.
 *
 * The renderer keeps a copy in renderer/src/bridge/web-protocol.ts (it may not import the host); a unit
 * test (test/unit/web-host/web-protocol.test.ts) keeps the two equal. See README.md in this folder.
 */

/** The WebSocket endpoint that carries the contract. */
export const SOCKET_PATH = '/ws';

/** The endpoint dropped files are streamed to: `POST /spool`, a multipart form (see the fields below). */
export const SPOOL_PATH = '/spool';

/**
 * The spool request's first part: a form field holding JSON `{ "files": [{ "path": "folder/name", "size": 12 }] }`,
 * one entry per file part that follows, in the same order.
 */
export const SPOOL_MANIFEST_FIELD = 'manifest';

/** The name of every file part; each part's file name is its index in the manifest (`0`, `1`, ...). */
export const SPOOL_FILE_FIELD = 'file';

/**
 * The most files one spool request carries. Why 256: a 10,000-file drop becomes about 40 requests and
 * as many enqueues (each costs the page and the host a round trip, a scan and an answer), while each
 * request's answer still arrives within a fraction of a second on loopback, so queueing starts early.
 */
export const SPOOL_BATCH_MAX_FILES = 256;

/** The sub-protocol the host speaks: `{ id, channel, args }` in, `{ id, result }` and `{ event, payload }` out. */
export const SOCKET_PROTOCOL = 'dropsign.v1';

/**
 * The page offers its token as a second sub-protocol, `dropsign.token.<token>`, because a browser
 * WebSocket cannot send headers. The host never selects (echoes) it.
 */
export const TOKEN_PROTOCOL_PREFIX = 'dropsign.token.';

/** The query parameter of the page URL the host prints. */
export const TOKEN_QUERY = 'token';

/** Spooled files are enqueued as `spool:<id>` in `transfers:enqueue`'s `paths`; never as server paths. */
export const SPOOL_REF_PREFIX = 'spool:';

/**
 * The cookie that lets the page load its static files. It is NOT the token (see README.md): cookies are
 * shared by every port of a host name, so it only opens the public renderer bundle. The port is part of
 * the name so two hosts on one machine do not overwrite each other's cookie.
 */
export function assetCookieName(port: number): string {
  return `dropsign-assets-${port}`;
}
