/**
 * The drop page of an upload link: one self-contained HTML file that the recipient opens in any browser
 * (from disk or from wherever the sender put it), to pick or drop a file and upload it through the link.
 *
 * - Nothing is loaded from anywhere: the style and the script are inline, the favicon an empty data: URL.
 * - A strict Content-Security-Policy (content-security-policy.ts) lets only those two blocks run, by their
 *   hashes, and lets the page connect only to the bucket's origin.
 * - The link travels as JSON in a `<script type="application/json">` block (script-json.ts); the script is
 *   `dropPageMain` as source text, called with that JSON and `document`.
 * - The page carries a working link, so it asks not to be indexed and sends no Referer.
 */
import { DropsignError } from '../../../shared/errors.js';
import type { IssuedLinkView } from '../../../shared/ipc/link-types.js';
import type { Language } from '../../../shared/ipc/settings.js';
import { visibleLine } from '../../../shared/visible-text.js';
import { dropPagePolicy } from './content-security-policy.js';
import type { DropPageConfig } from './drop-page-config.js';
import { dropPageMain } from './drop-page-main.js';
import { DROP_PAGE_TEXTS } from './drop-page-texts.js';
import { escapeHtml } from './html-text.js';
import { dropPageBody } from './page-markup.js';
import { DROP_PAGE_STYLE } from './page-style.js';
import { scriptJson } from './script-json.js';

/** Why 5 GiB: the largest object one PUT may carry on OSS and on S3 (EntityTooLarge beyond). */
export const MAX_SINGLE_PUT_BYTES = 5 * 1024 ** 3;

/** The id of the JSON block the script reads its config from. */
export const DROP_PAGE_CONFIG_ID = 'drop-page-config';

/** The parts of an issued link (or of a link just made) the page needs. */
export type DropPageLink = Pick<IssuedLinkView, 'method' | 'url' | 'headers' | 'expiresAt' | 'bucket' | 'key'>;

/** How the page is made. */
export interface DropPageOptions {
  /** The language the page speaks to the recipient. */
  readonly language: Language;
}

let cachedScript: string | undefined;

/**
 * The inline script: `dropPageMain` as written (compiled, or bundled, but never minified into something
 * else), called with the parsed config. Checked once for anything that would end the script block early.
 */
export function dropPageScript(): string {
  if (cachedScript !== undefined) return cachedScript;
  const script = `"use strict";(${dropPageMain.toString()})(JSON.parse(document.getElementById(${JSON.stringify(DROP_PAGE_CONFIG_ID)}).textContent), document);`;
  if (/<\/script|<!--/i.test(script)) {
    throw new DropsignError('internal', 'The drop page script contains text that would end its <script> block.', 'This is a bug in Dropsign; please report it.');
  }
  cachedScript = script;
  return script;
}

/** The origin the page uploads to; only http and https links make a page. */
function uploadOrigin(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DropsignError('invalid-argument', 'The link is not a URL, so no drop page can use it.', 'Make the upload link again.');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new DropsignError('invalid-argument', `A drop page uploads over http or https, not ${parsed.protocol}.`, 'Make the upload link again.');
  }
  return parsed.origin;
}

/** The page's HTML (see the module comment). Throws `invalid-argument` for a download link or a URL that is not http(s). */
export function renderDropPage(link: DropPageLink, options: DropPageOptions): string {
  if (link.method !== 'PUT') {
    throw new DropsignError('invalid-argument', `A drop page is for upload links; the link to ${link.key} is a download link.`, 'Make an upload (PUT) link for the key, then save its drop page.');
  }
  const origin = uploadOrigin(link.url);
  const texts = DROP_PAGE_TEXTS[options.language];
  const config: DropPageConfig = {
    language: options.language,
    url: link.url,
    headers: { ...link.headers },
    expiresAt: link.expiresAt,
    bucket: link.bucket,
    shownKey: visibleLine(link.key),
    maxBytes: MAX_SINGLE_PUT_BYTES,
    texts: texts.script,
  };
  const script = dropPageScript();
  const policy = dropPagePolicy({ script, style: DROP_PAGE_STYLE, connectOrigin: origin });
  const body = dropPageBody({ bucket: link.bucket, key: config.shownKey, expiresAt: link.expiresAt, origin, texts: texts.markup });
  return `<!doctype html>
<html lang="${escapeHtml(options.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(`${texts.markup.title} · Dropsign`)}</title>
<link rel="icon" href="data:,">
<style>${DROP_PAGE_STYLE}</style>
</head>
<body>
${body}
<script type="application/json" id="${DROP_PAGE_CONFIG_ID}">${scriptJson(config)}</script>
<script>${script}</script>
</body>
</html>
`;
}
