/**
 * Permission requests and checks: denied (camera, microphone, notifications from the page, geolocation,
 * HID, serial, USB, opening external protocols...). The one exception is writing text to the clipboard
 * from our own page's main frame, which is how the renderer's "Copy link" buttons work in the desktop app
 * and in browser mode alike; reading the clipboard stays denied (main reads it for "Upload clipboard").
 */
import type { Session } from 'electron';
import { isAppUrl } from './app-origin.js';

/** The permissions our own page gets; every other one is denied. */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Whether a page at `url` (main frame or not) gets `permission`. */
export function isPermissionGranted(permission: string, url: string, isMainFrame: boolean): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isMainFrame && isAppUrl(url);
}

/** Installs the request, check and device handlers on `session`. */
export function lockDownPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, details.isMainFrame));
  });
  session.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    isPermissionGranted(permission, details.requestingUrl ?? '', details.isMainFrame === true),
  );
  session.setDevicePermissionHandler(() => false);
}
