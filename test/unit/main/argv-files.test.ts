/** Files from the command line, second launches and Open With (electron/main/argv-files.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { filesFromArgv, filesFromSecondInstanceData, INCOMING_BATCH_MS, IncomingFiles } from '../../../electron/main/argv-files.js';

afterEach(() => vi.useRealTimers());

describe('filesFromArgv', () => {
  it('packaged: everything after the executable that is not an option, resolved against cwd', () => {
    const argv = ['/opt/Dropsign/dropsign-desktop', 'a.png', '--enable-logging', '../b.txt', '/abs/c', '-psn_0_123'];
    expect(filesFromArgv(argv, { cwd: '/home/me/work', defaultApp: false, platform: 'linux' })).toEqual(['/home/me/work/a.png', '/home/me/b.txt', '/abs/c']);
  });

  it('development: skips the app path; after -- everything is a file; file:// URLs become paths', () => {
    const argv = ['/x/electron', '--inspect', '.', 'a.png', '--', '--weird-name', 'file:///home/me/s%20p.txt'];
    expect(filesFromArgv(argv, { cwd: '/repo', defaultApp: true, platform: 'linux' })).toEqual(['/repo/a.png', '/repo/--weird-name', '/home/me/s p.txt']);
    expect(filesFromArgv(['/x/electron', '/repo'], { cwd: '/repo', defaultApp: true, platform: 'linux' })).toEqual([]);
  });

  it('Windows paths resolve the Windows way', () => {
    expect(filesFromArgv(['C:\\Dropsign\\Dropsign.exe', 'a.png', 'D:\\b.txt'], { cwd: 'C:\\Users\\me', defaultApp: false, platform: 'win32' })).toEqual([
      'C:\\Users\\me\\a.png',
      'D:\\b.txt',
    ]);
  });
});

describe('filesFromSecondInstanceData', () => {
  it('takes our own shape only', () => {
    expect(filesFromSecondInstanceData({ files: ['/a', 'C:\\b'] })).toEqual(['/a', 'C:\\b']);
    expect(filesFromSecondInstanceData({ files: [] })).toEqual([]);
    for (const data of [undefined, null, 'x', { files: 'x' }, { files: [1] }, { files: ['relative'] }, { files: ['/a\0b'] }]) {
      expect(filesFromSecondInstanceData(data)).toBeUndefined();
    }
  });
});

describe('IncomingFiles', () => {
  it('holds files until ready, then sends them and later ones in short batches', () => {
    vi.useFakeTimers();
    const deliver = vi.fn();
    const incoming = new IncomingFiles(deliver);
    incoming.add(['/a']);
    incoming.add(['/b', '/a']);
    expect(deliver).not.toHaveBeenCalled();
    incoming.ready();
    expect(deliver).toHaveBeenCalledWith(['/a', '/b']);
    incoming.add(['/c']);
    incoming.add(['/d']);
    vi.advanceTimersByTime(INCOMING_BATCH_MS);
    expect(deliver).toHaveBeenLastCalledWith(['/c', '/d']);
    expect(deliver).toHaveBeenCalledTimes(2);
  });
});
