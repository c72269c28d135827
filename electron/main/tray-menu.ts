/**
 * What the tray shows, as pure functions of the queue's activity and the recent uploads: the menu template,
 * the tooltip and which icon. tray-service.ts renders them; tests read them directly.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { visibleLine } from '../shared/visible-text.js';
import type { QueueActivity } from './queue-model.js';
import type { RecentUpload } from './recent-uploads.js';
import { plural } from './plural.js';

/** What the tray's items do. */
export interface TrayActions {
  readonly uploadFiles: () => void;
  readonly uploadClipboard: () => void;
  readonly createLink: () => void;
  readonly copyLink: (upload: RecentUpload) => void;
  readonly pauseAll: () => void;
  readonly resumeAll: () => void;
  readonly showWindow: () => void;
  /** The small drop window, where the tray icon cannot take drops (every OS but macOS). */
  readonly showDropWindow?: () => void;
  readonly quit: () => void;
}

/** Everything the tray shows. */
export interface TrayView {
  readonly activity: QueueActivity;
  readonly recent: readonly RecentUpload[];
}

/** Which tray icon: `active` while anything uploads. */
export type TrayIconKind = 'idle' | 'active';

/** The icon for `activity`. */
export function trayIconKind(activity: QueueActivity): TrayIconKind {
  return activity.active > 0 ? 'active' : 'idle';
}

/** `Dropsign: uploading 3 files (42%)`, `Dropsign: 2 paused, 1 failed`, or `Dropsign`. */
export function trayTooltip(activity: QueueActivity): string {
  const parts: string[] = [];
  if (activity.active > 0) {
    parts.push(`uploading ${plural(activity.active, 'file')}${activity.percent === undefined ? '' : ` (${activity.percent}%)`}`);
  }
  if (activity.paused > 0) parts.push(`${activity.paused} paused`);
  if (activity.failed > 0) parts.push(`${activity.failed} failed`);
  return parts.length === 0 ? 'Dropsign' : `Dropsign: ${parts.join(', ')}`;
}

/** Why 48: longer file names make the menu as wide as the screen; the end of a name is cut with an ellipsis. */
const MAX_LABEL_LENGTH = 48;

function menuLabel(name: string): string {
  // `&` marks a mnemonic in Windows and Linux menus; doubled, it shows itself.
  const shown = visibleLine(name);
  const clipped = shown.length <= MAX_LABEL_LENGTH ? shown : `${shown.slice(0, MAX_LABEL_LENGTH - 1)}…`;
  return clipped.replace(/&/g, '&&');
}

/** The tray's menu for `view`. Counts stay out of labels, so progress alone never rebuilds the menu. */
export function trayMenuTemplate(view: TrayView, actions: TrayActions): MenuItemConstructorOptions[] {
  const recent: MenuItemConstructorOptions[] =
    view.recent.length === 0
      ? [{ label: 'No uploads yet', enabled: false }]
      : view.recent.map((upload) => ({
          // The id keeps two files of the same name apart, so a changed list always rebuilds the menu.
          id: `recent:${upload.id}`,
          label: menuLabel(upload.name),
          toolTip: 'Copy the link',
          click: () => actions.copyLink(upload),
        }));
  const showDropWindow = actions.showDropWindow;
  return [
    { id: 'upload-files', label: 'Upload Files…', click: () => actions.uploadFiles() },
    { id: 'upload-clipboard', label: 'Upload Clipboard', click: () => actions.uploadClipboard() },
    ...(showDropWindow === undefined
      ? []
      : [{ id: 'drop-window', label: 'Show Drop Window', click: () => showDropWindow() }]),
    { id: 'create-link', label: 'Create Upload Link…', click: () => actions.createLink() },
    { type: 'separator' },
    { id: 'recent', label: 'Recent Uploads', submenu: recent },
    { type: 'separator' },
    { id: 'pause-all', label: 'Pause All', enabled: view.activity.active > 0, click: () => actions.pauseAll() },
    { id: 'resume-all', label: 'Resume All', enabled: view.activity.paused > 0, click: () => actions.resumeAll() },
    { type: 'separator' },
    { id: 'show-window', label: 'Show Dropsign', click: () => actions.showWindow() },
    { id: 'quit', label: 'Quit Dropsign', click: () => actions.quit() },
  ];
}

/** What identifies a menu for re-rendering: its labels, enabled flags and submenus, not its functions. */
export function menuSignature(template: readonly MenuItemConstructorOptions[]): string {
  return JSON.stringify(template, (key, value: unknown) => (key === 'click' ? undefined : value));
}
