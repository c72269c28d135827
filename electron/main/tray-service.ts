/**
 * Owns the tray icon for the app's whole life (Signal's SystemTrayService shape): `render(view)` is
 * idempotent and touches the tray only where something changed (the tooltip follows progress about five
 * times a second; the menu is rebuilt only when its items change). On macOS files dropped on the icon are
 * uploaded; elsewhere the menu offers the drop window instead.
 */
import { Menu, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { Disposable } from './disposable.js';
import { menuSignature, trayIconKind, trayMenuTemplate, trayTooltip, type TrayActions, type TrayIconKind, type TrayView } from './tray-menu.js';

/** The two icons: at rest, and while uploading. */
export type TrayIcons = Readonly<Record<TrayIconKind, NativeImage>>;

/** What the service is built from. */
export interface TrayServiceOptions {
  readonly icons: TrayIcons;
  readonly actions: TrayActions;
  /** Files dropped on the icon (macOS only raises this). */
  readonly onDropFiles: (paths: readonly string[]) => void;
  // For testing
  readonly createTray?: (icon: NativeImage) => Tray;
  // For testing
  readonly buildMenu?: (template: MenuItemConstructorOptions[]) => Menu;
}

/** See the module comment. */
export class TrayService implements Disposable {
  readonly #options: TrayServiceOptions;
  #tray: Tray | undefined;
  #icon: TrayIconKind | undefined;
  #tooltip: string | undefined;
  #menu: string | undefined;

  constructor(options: TrayServiceOptions) {
    this.#options = options;
  }

  /** Shows `view`, creating the tray on first use. */
  render(view: TrayView): void {
    const icon = trayIconKind(view.activity);
    const tray = this.#tray ?? this.#create(icon);
    if (icon !== this.#icon) {
      tray.setImage(this.#options.icons[icon]);
      this.#icon = icon;
    }
    const tooltip = trayTooltip(view.activity);
    if (tooltip !== this.#tooltip) {
      tray.setToolTip(tooltip);
      this.#tooltip = tooltip;
    }
    const template = trayMenuTemplate(view, this.#options.actions);
    const signature = menuSignature(template);
    if (signature !== this.#menu) {
      tray.setContextMenu((this.#options.buildMenu ?? ((t) => Menu.buildFromTemplate(t)))(template));
      this.#menu = signature;
    }
  }

  /** Removes the icon. */
  dispose(): void {
    if (this.#tray !== undefined && !this.#tray.isDestroyed()) this.#tray.destroy();
    this.#tray = undefined;
    this.#icon = this.#tooltip = this.#menu = undefined;
  }

  #create(icon: TrayIconKind): Tray {
    const image = this.#options.icons[icon];
    const tray = (this.#options.createTray ?? ((i) => new Tray(i)))(image);
    this.#icon = icon;
    tray.on('drop-files', (_event, files) => this.#options.onDropFiles(files));
    // Windows opens the window on a click; Linux and macOS open the menu themselves.
    tray.on('click', () => this.#options.actions.showWindow());
    this.#tray = tray;
    return tray;
  }
}
