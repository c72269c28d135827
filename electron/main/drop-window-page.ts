/**
 * The drop window's page: a square that takes files dropped from the file manager and queues them with the
 * default profile. Main serves it itself under `app://dropsign/-/` (it is not part of the renderer build),
 * through the same preload API and the same CSP as the main window; its script is a file, not inline,
 * because the CSP allows `script-src 'self'` only.
 */

/** The page. The top strip drags the frameless window; the rest takes drops. */
const DROP_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Drop to upload</title>
<style>
  html, body { margin: 0; height: 100%; font: 12px system-ui, sans-serif; color: #1f2937; background: #f8fafc;
    user-select: none; overflow: hidden; }
  #bar { height: 20px; display: flex; justify-content: flex-end; -webkit-app-region: drag; background: #e2e8f0; }
  #close { -webkit-app-region: no-drag; border: 0; background: none; font-size: 14px; cursor: pointer; }
  #zone { position: absolute; inset: 26px 6px 6px; border: 2px dashed #94a3b8; border-radius: 8px; display: flex;
    flex-direction: column; align-items: center; justify-content: center; text-align: center; gap: 4px; }
  #zone.over { border-color: #2563eb; background: #dbeafe; }
</style>
</head>
<body>
<div id="bar"><button id="close" title="Close" aria-label="Close">×</button></div>
<div id="zone"><strong>Drop files</strong><span id="status">to upload them</span></div>
<script src="drop.js"></script>
</body>
</html>
`;

/** The page's script: paths through the preload API (never file bytes), then one enqueue. */
const DROP_JS = `'use strict';
const api = window.dropsign;
const zone = document.getElementById('zone');
const status = document.getElementById('status');
document.getElementById('close').addEventListener('click', () => window.close());
document.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('over'); });
document.addEventListener('dragleave', () => zone.classList.remove('over'));
document.addEventListener('drop', async (event) => {
  event.preventDefault();
  zone.classList.remove('over');
  const files = Array.from(event.dataTransfer ? event.dataTransfer.files : []);
  const paths = files.map((file) => api.pathForFile(file)).filter((path) => path !== '');
  if (paths.length === 0) { status.textContent = 'Only files from disk can be uploaded'; return; }
  status.textContent = 'Queuing…';
  const reply = await api.invoke('transfers:enqueue', { paths });
  status.textContent = reply.ok ? 'Queued ' + reply.value.ids.length + ' to ' + reply.value.profile : reply.error.message;
});
`;

/** A page main serves from memory: its body and content type. */
export interface BuiltinAsset {
  readonly body: string;
  readonly contentType: string;
}

/** The drop window's files by path under `app://dropsign`. */
export const DROP_WINDOW_ASSETS: ReadonlyMap<string, BuiltinAsset> = new Map([
  ['/-/drop.html', { body: DROP_HTML, contentType: 'text/html; charset=utf-8' }],
  ['/-/drop.js', { body: DROP_JS, contentType: 'text/javascript; charset=utf-8' }],
]);
