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

  it('is always connected', () => {
    const statuses: unknown[] = [];
    createDesktopBridge({} as DropsignApi).onStatus((status) => statuses.push(status));
    expect(statuses).toEqual([{ kind: 'open' }]);
  });
});
