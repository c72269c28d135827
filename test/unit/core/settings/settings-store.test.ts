/**
 * The settings file: defaults when absent, field-by-field recovery from bad values, a damaged or newer
 * file set aside with a notice, strict and atomic updates.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../../electron/core/settings/settings-store.js';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import { DEFAULT_SETTINGS } from '../../../../electron/shared/ipc/settings.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dropsign-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function store(notices: ErrorInfo[] = []): SettingsStore {
  return SettingsStore.inAppData(dir, { onNotice: (notice) => notices.push(notice), now: () => Date.parse('2026-01-01T00:00:00Z') });
}

describe('SettingsStore', () => {
  it('starts with the defaults and writes nothing until changed', async () => {
    expect(await store().read()).toEqual(DEFAULT_SETTINGS);
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes a versioned document and reads it back', async () => {
    const settings = store();
    const next = await settings.update({ concurrency: 2, language: 'zh-CN', copyLinkOnFinish: false, theme: undefined });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, concurrency: 2, language: 'zh-CN', copyLinkOnFinish: false });
    const document = JSON.parse(await readFile(settings.path, 'utf8')) as unknown;
    expect(document).toEqual({ version: 1, data: next });
    expect(await store().read()).toEqual(next);
  });

  it('refuses an invalid change, naming the field, and keeps the file as it was', async () => {
    const settings = store();
    await settings.update({ concurrency: 3 });
    await expect(settings.update({ concurrency: 3, partSize: 10 })).rejects.toMatchObject({ code: 'invalid-argument', details: { field: 'partSize' } });
    await expect(settings.update({ unknown: true } as never)).rejects.toMatchObject({ code: 'invalid-argument' });
    expect(await store().read()).toEqual({ ...DEFAULT_SETTINGS, concurrency: 3 });
  });

  it('keeps the good fields of a hand-edited file and defaults the bad ones', async () => {
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ version: 1, data: { concurrency: 500, theme: 'dark', extra: 1, globalShortcut: 'Alt+U' } }));
    expect(await store().read()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', globalShortcut: 'Alt+U' });
  });

  it.each([
    ['damaged', 'not json'],
    ['from a newer Dropsign', JSON.stringify({ version: 2, data: {} })],
  ])('sets a %s file aside with a notice', async (_why, text) => {
    await writeFile(path.join(dir, 'settings.json'), text);
    const notices: ErrorInfo[] = [];
    expect(await store(notices).read()).toEqual(DEFAULT_SETTINGS);
    expect(notices).toEqual([expect.objectContaining({ code: 'state-file-unreadable' })]);
    expect((await readdir(dir)).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(true);
  });

  it('applies concurrent changes one after the other', async () => {
    const settings = store();
    await Promise.all([settings.update({ concurrency: 5 }), settings.update({ theme: 'light' }), settings.update({ notifications: false })]);
    expect(await store().read()).toEqual({ ...DEFAULT_SETTINGS, concurrency: 5, theme: 'light', notifications: false });
  });
});
