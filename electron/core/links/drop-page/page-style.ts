/**
 * The drop page's style sheet, inlined in the page: the app's colours (light, and dark when the system
 * prefers it), system fonts, one readable column that fits a phone, a visible keyboard focus, and the
 * drop area's states (dragging over it, disabled).
 */

/** The text of the page's `<style>` block. */
export const DROP_PAGE_STYLE = `
:root {
  color-scheme: light dark;
  --bg: #ffffff;
  --surface: #f5f6f8;
  --text: #1d1f23;
  --muted: #5d6068;
  --line: #d5d7db;
  --accent: #1463d9;
  --accent-text: #ffffff;
  --danger: #b42318;
  --success: #1a7f37;
  --radius: 6px;
  font-family: system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif;
  font-size: 16px;
  line-height: 1.5;
  background: var(--bg);
  color: var(--text);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #17181a;
    --surface: #202226;
    --text: #e8e9eb;
    --muted: #a9acb2;
    --line: #3a3d43;
    --accent: #5b9dff;
    --accent-text: #0b1220;
    --danger: #ff7a6b;
    --success: #58c777;
  }
}
body { margin: 0; background: var(--bg); color: var(--text); }
main { max-width: 40rem; margin: 0 auto; padding: 24px 16px 32px; }
h1 { margin: 0 0 12px; font-size: 1.6rem; }
p { margin: 8px 0; }
code { font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace; font-size: 0.95em; overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.validity #countdown { color: var(--muted); }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; border: 0;
}
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.drop-area {
  display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 4px;
  min-height: 160px; margin: 20px 0 8px; padding: 24px 16px; text-align: center;
  background: var(--surface); border: 2px dashed var(--line); border-radius: var(--radius); cursor: pointer;
}
.drop-area:hover, .drop-area.dragging { border-color: var(--accent); }
.drop-area.dragging { background: color-mix(in srgb, var(--accent) 12%, var(--surface)); }
.drop-area[aria-disabled='true'] { cursor: not-allowed; opacity: 0.6; border-color: var(--line); }
.drop-title { font-size: 1.2rem; font-weight: 600; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
button {
  min-height: 44px; padding: 8px 20px; font: inherit; color: var(--text); background: var(--surface);
  border: 1px solid var(--line); border-radius: var(--radius); cursor: pointer;
}
button.primary { color: var(--accent-text); background: var(--accent); border-color: var(--accent); font-weight: 600; }
button:disabled { cursor: not-allowed; opacity: 0.5; }
progress { width: 100%; height: 12px; accent-color: var(--accent); }
.status[data-kind] { margin: 12px 0; padding: 8px 14px; border-left: 4px solid var(--accent); background: var(--surface); border-radius: var(--radius); }
.status[data-kind='success'] { border-left-color: var(--success); }
.status[data-kind='problem'] { border-left-color: var(--danger); }
#status-detail { color: var(--muted); overflow-wrap: anywhere; }
details { margin: 20px 0; }
summary { cursor: pointer; }
footer { margin-top: 24px; font-size: 0.9rem; }
`;
