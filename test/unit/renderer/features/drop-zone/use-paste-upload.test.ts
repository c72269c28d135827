import { describe, expect, it } from 'vitest';
import { isTextEntry, pasteShortcut } from '../../../../../renderer/src/features/drop-zone/use-paste-upload.js';

describe('isTextEntry', () => {
  it('is true where typed text goes, and false for other controls', () => {
    const input = (type: string) => Object.assign(document.createElement('input'), { type });
    expect(isTextEntry(input('text'))).toBe(true);
    expect(isTextEntry(input('search'))).toBe(true);
    expect(isTextEntry(document.createElement('textarea'))).toBe(true);
    expect(isTextEntry(input('radio'))).toBe(false);
    expect(isTextEntry(input('file'))).toBe(false);
    expect(isTextEntry(document.createElement('button'))).toBe(false);
    expect(isTextEntry(document.body)).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});

describe('pasteShortcut', () => {
  it('reads as the keyboard labels it', () => {
    expect(pasteShortcut('MacIntel')).toBe('⌘V');
    expect(pasteShortcut('Linux x86_64')).toBe('Ctrl+V');
    expect(pasteShortcut('Win32')).toBe('Ctrl+V');
  });
});
