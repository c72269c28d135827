/**
 * The names browser mode's page and host agree on. A copy of electron/web-host/web-protocol.ts (the
 * renderer may not import the host); test/unit/web-host/web-protocol.test.ts keeps the two equal.
 */

/** The WebSocket endpoint that carries the contract. */
export const SOCKET_PATH = '/ws';

/** The endpoint dropped files are streamed to: `POST /spool`, a multipart form (see the fields below). */
export const SPOOL_PATH = '/spool';

/** The spool request's first part: JSON `{ "files": [{ "path", "size" }] }`, one entry per file part that follows. */
export const SPOOL_MANIFEST_FIELD = 'manifest';

/** The name of every file part; each part's file name is its index in the manifest. */
export const SPOOL_FILE_FIELD = 'file';

/** The most files one spool request carries (the host's copy says why 256). */
export const SPOOL_BATCH_MAX_FILES = 256;

/** The sub-protocol the host speaks. */
export const SOCKET_PROTOCOL = 'dropsign.v1';

/** The token travels as a second sub-protocol, `dropsign.token.<token>` (a page's WebSocket cannot send headers). */
export const TOKEN_PROTOCOL_PREFIX = 'dropsign.token.';

/** The query parameter of the page URL `dropsign web` prints. */
export const TOKEN_QUERY = 'token';

/** Spooled files are enqueued as `spool:<id>`. */
export const SPOOL_REF_PREFIX = 'spool:';
