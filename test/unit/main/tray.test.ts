/**
 * The tray: its menu (items, order, enabled state), tooltip and icon as pure functions, and the service's
 * idempotent rendering.
 */
import { describe, expect, it, vi } from 'vitest';
import type { RecentUpload } from '../../../electron/main/recent-uploads.js';
import type { TrayActions } from '../../../electron/main/tray-menu.js';
import { FakeTray, type MenuTemplateItem } from '../../helpers/electron-mock.js';

vi.mock('electron', () => import('../../helpers/electron-mock.js'));

const { trayMenuTemplate, trayTooltip, trayIconKind } = await import('../../../electron/main/tray-menu.js');
const { TrayService } = await import('../../../electron/main/tray-service.js');

function actions(withDropWindow = true): TrayActions & Record<string, ReturnType<typeof vi.fn>> {
  const base = {
    uploadFiles: vi.fn(),
    uploadClipboard: vi.fn(),
    createLink: vi.fn(),
    copyLink: vi.fn(),
    pauseAll: vi.fn(),
    resumeAll: vi.fn(),
    showWindow: vi.fn(),
    quit: vi.fn(),
  };
  return withDropWindow ? { ...base, showDropWindow: vi.fn() } : base;
}

const idle = { active: 0, paused: 0, failed: 0 };
const recent: RecentUpload[] = [
  { id: 't2', name: 'holiday & friends.jpg', link: { kind: 'public', url: 'https://cdn.example.com/holiday.jpg' } },
  { id: 't1', name: 'report.pdf', link: { kind: 'presigned', url: 'https://b.oss/report.pdf?sig', expiresAt: '2099-01-01T00:00:00Z' } },
];

const labels = (template: MenuTemplateItem[]) => template.map((item) => item.type ?? item.label);

describe('tray menu', () => {
  it('lists the issue\'s items in order (drop window where the icon takes no drops)', () => {
    expect(labels(trayMenuTemplate({ activity: idle, recent }, actions()) as MenuTemplateItem[])).toEqual([
      'Upload Files…',
      'Upload Clipboard',
      'Show Drop Window',
      'Create Upload Link…',
      'separator',
      'Recent Uploads',
      'separator',
      'Pause All',
      'Resume All',
      'separator',
      'Show Dropsign',
      'Quit Dropsign',
    ]);
    expect(labels(trayMenuTemplate({ activity: idle, recent }, actions(false)) as MenuTemplateItem[])).not.toContain('Show Drop Window');
  });

  it('runs the matching action for each item; recent uploads copy their link', () => {
    const a = actions();
    const template = trayMenuTemplate({ activity: { active: 1, paused: 1, failed: 0 }, recent }, a) as MenuTemplateItem[];
    const byId = (id: string) => template.find((item) => item.id === id);
    for (const [id, action] of [
      ['upload-files', a.uploadFiles],
      ['upload-clipboard', a.uploadClipboard],
      ['drop-window', a.showDropWindow],
      ['create-link', a.createLink],
      ['pause-all', a.pauseAll],
      ['resume-all', a.resumeAll],
      ['show-window', a.showWindow],
      ['quit', a.quit],
    ] as const) {
      byId(id)?.click?.();
      expect(action, id).toHaveBeenCalledTimes(1);
    }
    const submenu = byId('recent')?.submenu ?? [];
    expect(submenu.map((item) => item.label)).toEqual(['holiday && friends.jpg', 'report.pdf']);
    submenu[1]?.click?.();
    expect(a.copyLink).toHaveBeenCalledWith(recent[1]);
  });

  it('shows a recent upload whose name holds control or bidirectional characters with them escaped', () => {
    const spoof: RecentUpload = { id: 't3', name: 'invoice\u202efdp.exe\n', link: { kind: 'public', url: 'https://cdn.example.com/x' } };
    const template = trayMenuTemplate({ activity: idle, recent: [spoof] }, actions()) as MenuTemplateItem[];
    expect(template.find((item) => item.id === 'recent')?.submenu?.map((item) => item.label)).toEqual(['invoice\\u202efdp.exe\\u000a']);
  });

  it('enables pause with uploads running and resume with uploads paused; shows an empty history', () => {
    const template = trayMenuTemplate({ activity: idle, recent: [] }, actions()) as MenuTemplateItem[];
    expect(template.find((i) => i.id === 'pause-all')?.enabled).toBe(false);
    expect(template.find((i) => i.id === 'resume-all')?.enabled).toBe(false);
    expect(template.find((i) => i.id === 'recent')?.submenu).toEqual([{ label: 'No uploads yet', enabled: false }]);
  });

  it('says what is happening in the tooltip and the icon', () => {
    expect(trayTooltip(idle)).toBe('Dropsign');
    expect(trayTooltip({ active: 3, paused: 0, failed: 0, percent: 42 })).toBe('Dropsign: uploading 3 files (42%)');
    expect(trayTooltip({ active: 1, paused: 2, failed: 1 })).toBe('Dropsign: uploading 1 file, 2 paused, 1 failed');
    expect(trayIconKind(idle)).toBe('idle');
    expect(trayIconKind({ ...idle, active: 1 })).toBe('active');
  });
});

describe('TrayService', () => {
  const icons = { idle: { name: 'idle' }, active: { name: 'active' } } as never;

  it('renders idempotently: only what changed is touched', () => {
    const a = actions();
    const service = new TrayService({ icons, actions: a, onDropFiles: vi.fn() });
    service.render({ activity: idle, recent });
    const tray = FakeTray.all.at(-1);
    expect(tray?.image).toEqual({ name: 'idle' });
    expect(tray?.setContextMenuCalls).toBe(1);
    service.render({ activity: idle, recent });
    expect(tray?.setContextMenuCalls).toBe(1);

    // Progress alone: tooltip and icon change, the menu stays.
    service.render({ activity: { active: 2, paused: 0, failed: 0, percent: 10 }, recent });
    service.render({ activity: { active: 2, paused: 0, failed: 0, percent: 55 }, recent });
    expect(tray?.tooltip).toBe('Dropsign: uploading 2 files (55%)');
    expect(tray?.image).toEqual({ name: 'active' });
    expect(tray?.images).toEqual([{ name: 'active' }]);
    expect(tray?.setContextMenuCalls).toBe(2); // pause became enabled once

    // A new recent upload with the same name still rebuilds the menu (new link behind it).
    const replaced = [{ ...recent[0], id: 't9' } as RecentUpload, recent[1] as RecentUpload];
    service.render({ activity: { active: 2, paused: 0, failed: 0, percent: 60 }, recent: replaced });
    expect(tray?.setContextMenuCalls).toBe(3);
    service.dispose();
    expect(tray?.destroyed).toBe(true);
  });

  it('uploads files dropped on the icon, and opens the window on a click', () => {
    const a = actions();
    const onDropFiles = vi.fn();
    new TrayService({ icons, actions: a, onDropFiles }).render({ activity: idle, recent: [] });
    const tray = FakeTray.all.at(-1);
    tray?.emit('drop-files', {}, ['/Users/me/a.png', '/Users/me/b.pdf']);
    expect(onDropFiles).toHaveBeenCalledWith(['/Users/me/a.png', '/Users/me/b.pdf']);
    tray?.emit('click');
    expect(a.showWindow).toHaveBeenCalled();
  });
});
