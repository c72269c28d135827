/**
 * The drop page's body: what the link is for (bucket/key, valid until when, with a countdown), the drop
 * area (a button that also opens the file picker), the picker, Upload and Cancel, the progress bar, the
 * status that screen readers hear, what the bucket's CORS must allow, and where the file goes. Every value
 * is escaped (html-text.ts); drop-page-main.ts finds the elements by these ids.
 */
import { escapeHtml, fillMarkup } from './html-text.js';
import type { DropPageMarkupTexts } from './drop-page-texts.js';

/** What the body shows besides its words. */
export interface DropPageMarkupInput {
  readonly bucket: string;
  /** The key as shown (see `DropPageConfig.shownKey`). */
  readonly key: string;
  /** ISO 8601 UTC; shown as written until the script shows it in local time. */
  readonly expiresAt: string;
  /** Where the file goes (the only origin the page may connect to). */
  readonly origin: string;
  readonly texts: DropPageMarkupTexts;
}

/** The content of `<body>` before the scripts. */
export function dropPageBody({ bucket, key, expiresAt, origin, texts }: DropPageMarkupInput): string {
  const code = (text: string): string => `<code>${escapeHtml(text)}</code>`;
  const time = `<time id="expires-at" datetime="${escapeHtml(expiresAt)}">${escapeHtml(expiresAt)}</time>`;
  return `<main id="drop-page" data-state="ready">
<h1>${escapeHtml(texts.title)}</h1>
<p>${fillMarkup(texts.intro, { target: code(`${bucket}/${key}`) })}</p>
<p class="validity">${fillMarkup(texts.validUntil, { time })} <span id="countdown" role="timer" aria-live="off"></span></p>
<div id="drop-area" class="drop-area" role="button" tabindex="0" aria-disabled="false" aria-label="${escapeHtml(texts.dropAreaLabel)}" aria-describedby="stored-as">
<span class="drop-title" aria-hidden="true">${escapeHtml(texts.dropHere)}</span>
<span class="muted" aria-hidden="true">${escapeHtml(texts.orChoose)}</span>
</div>
<p id="stored-as" class="muted">${fillMarkup(texts.storedAs, { key: code(key) })}</p>
<label for="file-input" class="visually-hidden">${escapeHtml(texts.fileInputLabel)}</label>
<input id="file-input" type="file" class="visually-hidden" tabindex="-1">
<div class="actions">
<button id="upload-button" type="button" class="primary" disabled>${escapeHtml(texts.upload)}</button>
<button id="cancel-button" type="button" hidden>${escapeHtml(texts.cancel)}</button>
</div>
<div id="progress-box" hidden>
<progress id="progress" max="1" value="0" aria-label="${escapeHtml(texts.progressLabel)}"></progress>
<p id="progress-text" class="muted"></p>
</div>
<div id="status" class="status" role="status" aria-live="polite" aria-atomic="true">
<p id="status-text"></p>
<p id="status-detail" hidden></p>
</div>
<noscript><p class="status" data-kind="problem">${escapeHtml(texts.noScript)}</p></noscript>
<details>
<summary>${escapeHtml(texts.corsTitle)}</summary>
<p>${escapeHtml(texts.corsBody)}</p>
</details>
<footer class="muted">${fillMarkup(texts.footer, { origin: code(origin) })}</footer>
</main>`;
}
