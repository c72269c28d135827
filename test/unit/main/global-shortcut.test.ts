/** The clipboard-upload shortcut follows its setting (electron/main/global-shortcut.ts). */
import { describe, expect, it, vi } from 'vitest';
import { ClipboardShortcut } from '../../../electron/main/global-shortcut.js';

function fakeGlobalShortcut(taken: string[] = []) {
  const registered = new Map<string, () => void>();
  return {
    registered,
    register: vi.fn((accelerator: string, callback: () => void) => {
      if (accelerator.includes('Bogus')) throw new Error('conversion failure');
      if (taken.includes(accelerator)) return false;
      registered.set(accelerator, callback);
      return true;
    }),
    unregister: vi.fn((accelerator: string) => void registered.delete(accelerator)),
  };
}

describe('ClipboardShortcut', () => {
  it('registers, replaces and removes the accelerator as the setting changes', () => {
    const globalShortcut = fakeGlobalShortcut();
    const onPress = vi.fn();
    const shortcut = new ClipboardShortcut(globalShortcut, onPress);
    expect(shortcut.apply(null)).toEqual({ kind: 'none' });
    expect(shortcut.apply('CommandOrControl+Shift+U')).toEqual({ kind: 'registered', accelerator: 'CommandOrControl+Shift+U' });
    shortcut.apply('CommandOrControl+Shift+U');
    expect(globalShortcut.register).toHaveBeenCalledTimes(1);
    globalShortcut.registered.get('CommandOrControl+Shift+U')?.();
    expect(onPress).toHaveBeenCalledTimes(1);
    shortcut.apply('Alt+F9');
    expect([...globalShortcut.registered.keys()]).toEqual(['Alt+F9']);
    shortcut.apply(null);
    expect(globalShortcut.registered.size).toBe(0);
  });

  it('reports a combination another app holds, and one Electron cannot parse', () => {
    const shortcut = new ClipboardShortcut(fakeGlobalShortcut(['Alt+F9']), vi.fn());
    expect(shortcut.apply('Alt+F9')).toEqual({ kind: 'taken', accelerator: 'Alt+F9' });
    expect(shortcut.apply('Bogus+Key')).toEqual({ kind: 'invalid', accelerator: 'Bogus+Key' });
  });

  it('releases its key on dispose', () => {
    const globalShortcut = fakeGlobalShortcut();
    const shortcut = new ClipboardShortcut(globalShortcut, vi.fn());
    shortcut.apply('Alt+F9');
    shortcut.dispose();
    expect(globalShortcut.registered.size).toBe(0);
  });
});
