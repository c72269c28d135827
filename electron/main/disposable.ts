/**
 * Disposables (VS Code's pattern): whatever main registers (IPC handlers, listeners, timers) hands back one,
 * so a test or a shutdown can take it down again.
 */

/** Something that can be taken down. `dispose` is safe to call twice. */
export interface Disposable {
  dispose(): void;
}

/** One disposable for many, disposed in reverse order of registration. */
export function combineDisposables(parts: readonly Disposable[]): Disposable {
  let done = false;
  return {
    dispose: () => {
      if (done) return;
      done = true;
      for (const part of [...parts].reverse()) part.dispose();
    },
  };
}
