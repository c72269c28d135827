/**
 * The global shortcut that uploads the clipboard, from the `globalShortcut` setting (none by default: a
 * global shortcut takes a key combination from every other app). Re-applied whenever the setting changes;
 * a combination another app holds, or one Electron cannot parse, is reported and left unregistered.
 */
import type { GlobalShortcut } from 'electron';
import type { Disposable } from './disposable.js';

/** What applying a setting did. */
export type ShortcutOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'registered'; readonly accelerator: string }
  | { readonly kind: 'taken' | 'invalid'; readonly accelerator: string };

/** See the module comment. */
export class ClipboardShortcut implements Disposable {
  readonly #globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>;
  readonly #onPress: () => void;
  #current: string | null = null;
  #last: ShortcutOutcome = { kind: 'none' };

  constructor(globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>, onPress: () => void) {
    this.#globalShortcut = globalShortcut;
    this.#onPress = onPress;
  }

  /** Registers `accelerator` in place of the previous one (null: none). The same value again changes nothing. */
  apply(accelerator: string | null): ShortcutOutcome {
    const wanted = accelerator === null || accelerator.trim() === '' ? null : accelerator;
    if (wanted === this.#current && this.#last.kind !== 'taken') return this.#last;
    this.#release();
    this.#current = wanted;
    if (wanted === null) return (this.#last = { kind: 'none' });
    let ok: boolean;
    try {
      ok = this.#globalShortcut.register(wanted, this.#onPress);
    } catch {
      // Electron throws on an accelerator it cannot parse.
      return (this.#last = { kind: 'invalid', accelerator: wanted });
    }
    return (this.#last = ok ? { kind: 'registered', accelerator: wanted } : { kind: 'taken', accelerator: wanted });
  }

  dispose(): void {
    this.#release();
    this.#current = null;
    this.#last = { kind: 'none' };
  }

  #release(): void {
    if (this.#last.kind === 'registered') this.#globalShortcut.unregister(this.#last.accelerator);
  }
}
