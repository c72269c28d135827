/**
 * The app's screens and their addresses. Routing uses the URL's hash (`#/links/new`), so the same build
 * works from the desktop app's `app://` files and from the web host's `/`, and the tray can open a screen
 * by address.
 */

/** Every screen's path. */
export const ROUTES = {
  upload: '/',
  newLink: '/links/new',
  links: '/links',
  inspect: '/links/inspect',
  history: '/history',
  profiles: '/profiles',
  settings: '/settings',
} as const;

/** A screen's path. */
export type RoutePath = (typeof ROUTES)[keyof typeof ROUTES];
