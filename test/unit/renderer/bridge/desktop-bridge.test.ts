import { describe, expect, it } from 'vitest';
import { createDesktopBridge, droppedItemOf } from '../../../../renderer/src/bridge/desktop-bridge.js';
import type { DropsignApi } from '../../../../renderer/src/bridge/dropsign-api.js';

describe('droppedItemOf', () => {
  it('is the file itself, or the folder it was picked inside', () => {
    expect(droppedItemOf('/home/me/a.txt', 'a.txt')).toBe('/home/me/a.txt');
    expect(droppedItemOf('/home/me/photos/2024/a.jpg', 'photos/2024/a.jpg')).toBe('/home/me/photos');
    expect(droppedItemOf('C:\\Users\\me\\photos\\a.jpg', 'photos/a.jpg')).toBe('C:\\Users\\me\\photos');
  });
});

describe('the desktop bridge', () => {
  it('stages files by their real paths (one per dropped item), and says which have none', async () => {
    const paths: Record<string, string> = { 'a.jpg': '/p/photos/a.jpg', 'b.jpg': '/p/photos/sub/b.jpg', 'c.txt': '/p/c.txt', 'pasted.png': '' };
    const api = { pathForFile: (file: { name: string }) => paths[file.name] ?? '' } as unknown as DropsignApi;
    const bridge = createDesktopBridge(api);
    const picked = [
      { file: { name: 'a.jpg' }, relativePath: 'photos/a.jpg' },
      { file: { name: 'b.jpg' }, relativePath: 'photos/sub/b.jpg' },
      { file: { name: 'c.txt' }, relativePath: 'c.txt' },
      { file: { name: 'pasted.png' }, relativePath: 'pasted.png' },
    ] as unknown as Parameters<typeof bridge.stager.stage>[0];
    const outcome = await bridge.stager.stage(picked, () => undefined);
    expect(outcome.paths).toEqual(['/p/photos', '/p/c.txt']);
    expect(outcome.failures).toMatchObject([{ relativePath: 'pasted.png' }]);
    expect(bridge.stager.needsFileContents).toBe(false);
  });

  it('queues a pasted image (no file on disk) as the clipboard image main saved, once per paste', async () => {
    const calls: string[] = [];
    const api = {
      pathForFile: (file: { name: string }) => (file.name === 'notes.txt' ? '/p/notes.txt' : ''),
      invoke: (channel: string) => {
        calls.push(channel);
        return Promise.resolve({ ok: true, value: { path: '/data/clipboard/pasted-20261121-081503.png' } });
      },
    } as unknown as DropsignApi;
    const picked = [
      { file: { name: 'pasted.png', type: 'image/png' }, relativePath: 'pasted.png', origin: 'paste' },
      { file: { name: 'pasted.jpg', type: 'image/jpeg' }, relativePath: 'pasted.jpg', origin: 'paste' },
      { file: { name: 'notes.txt', type: 'text/plain' }, relativePath: 'notes.txt', origin: 'paste' },
    ] as unknown as Parameters<ReturnType<typeof createDesktopBridge>['stager']['stage']>[0];
    const outcome = await createDesktopBridge(api).stager.stage(picked, () => undefined);
    expect(calls).toEqual(['clipboard:save-image']);
    expect(outcome).toEqual({ paths: ['/data/clipboard/pasted-20261121-081503.png', '/p/notes.txt'], failures: [] });
  });

  it('says why a pasted image could not be saved, and never asks main for a dropped item without a file', async () => {
    const calls: string[] = [];
    const api = {
      pathForFile: () => '',
      invoke: (channel: string) => {
        calls.push(channel);
        return Promise.resolve({ ok: false, error: { code: 'file-not-found', message: 'The clipboard no longer holds an image.', hint: 'Copy the image again, then paste it.' } });
      },
    } as unknown as DropsignApi;
    const bridge = createDesktopBridge(api);
    const dropped = [{ file: { name: 'from-browser.png', type: 'image/png' }, relativePath: 'from-browser.png' }] as unknown as Parameters<typeof bridge.stager.stage>[0];
    expect((await bridge.stager.stage(dropped, () => undefined)).failures).toMatchObject([{ relativePath: 'from-browser.png', message: expect.stringMatching(/no file on disk/) }]);
    expect(calls).toEqual([]);
    const pasted = [{ file: { name: 'image.png', type: 'image/png' }, relativePath: 'image.png', origin: 'paste' }] as unknown as Parameters<typeof bridge.stager.stage>[0];
    const outcome = await bridge.stager.stage(pasted, () => undefined);
    expect(outcome).toEqual({ paths: [], failures: [{ relativePath: 'image.png', message: 'The clipboard no longer holds an image. Copy the image again, then paste it.' }] });
  });

  it('is always connected', () => {
    const statuses: unknown[] = [];
    createDesktopBridge({} as DropsignApi).onStatus((status) => statuses.push(status));
    expect(statuses).toEqual([{ kind: 'open' }]);
  });
});
