/** Closing and quitting while uploads run (electron/main/quit-guard.ts). */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { FakeEvent } from '../../helpers/electron-mock.js';

vi.mock('electron', () => import('../../helpers/electron-mock.js'));

const { QuitGuard, confirmQuitDialog, decideWindowClose } = await import('../../../electron/main/quit-guard.js');

class FakeApp extends EventEmitter {
  quits = 0;
  quit(): void {
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.quits++;
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

function setup(active: number, answer: boolean | (() => Promise<boolean>)) {
  const app = new FakeApp();
  const order: string[] = [];
  const confirm = vi.fn(typeof answer === 'function' ? answer : async () => answer);
  const shutdown = vi.fn(async () => void order.push('shutdown'));
  const guard = new QuitGuard({ app: app as never, activeUploads: () => active, confirm, shutdown });
  app.on('before-quit', (event: FakeEvent) => {
    if (!event.defaultPrevented) order.push('quit');
  });
  return { app, guard, confirm, shutdown, order };
}

describe('decideWindowClose', () => {
  it('hides while uploads run, unless quitting', () => {
    expect(decideWindowClose({ quitting: false, activeUploads: 2 })).toBe('hide');
    expect(decideWindowClose({ quitting: false, activeUploads: 0 })).toBe('close');
    expect(decideWindowClose({ quitting: true, activeUploads: 2 })).toBe('close');
  });
});

describe('QuitGuard', () => {
  it('with nothing running: closes the services, then quits, without asking', async () => {
    const { app, guard, confirm, order } = setup(0, true);
    app.quit();
    expect(app.quits).toBe(0);
    await tick();
    expect(confirm).not.toHaveBeenCalled();
    expect(order).toEqual(['shutdown', 'quit']);
    expect(app.quits).toBe(1);
    expect(guard.quitting).toBe(true);
  });

  it('with uploads running: asks; "keep uploading" leaves everything running', async () => {
    const { app, guard, confirm, shutdown } = setup(3, false);
    app.quit();
    await tick();
    expect(confirm).toHaveBeenCalledWith(3);
    expect(shutdown).not.toHaveBeenCalled();
    expect(app.quits).toBe(0);
    expect(guard.quitting).toBe(false);
  });

  it('with uploads running: "quit" keeps resumable state (services closed) and quits', async () => {
    const { app, shutdown } = setup(1, true);
    app.quit();
    await tick();
    await tick();
    expect(shutdown).toHaveBeenCalledTimes(1);
    expect(app.quits).toBe(1);
  });

  it('asks once, whatever else asks to quit meanwhile', async () => {
    let answer: (quit: boolean) => void = () => undefined;
    const { app, confirm, shutdown } = setup(1, () => new Promise((resolve) => (answer = resolve)));
    app.quit();
    app.quit();
    expect(confirm).toHaveBeenCalledTimes(1);
    answer(true);
    await tick();
    await tick();
    expect(shutdown).toHaveBeenCalledTimes(1);
    expect(app.quits).toBe(1);
  });

  it('still quits when shutting down fails', async () => {
    const { app, shutdown } = setup(0, true);
    shutdown.mockRejectedValueOnce(new Error('disk full'));
    app.quit();
    await tick();
    await tick();
    expect(app.quits).toBe(1);
  });
});

describe('confirmQuitDialog', () => {
  it('asks with "Keep Uploading" as the default and answers true only for Quit', async () => {
    const dialog = { showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })) };
    expect(await confirmQuitDialog(dialog as never, 2)).toBe(true);
    const [options] = dialog.showMessageBox.mock.calls[0] as unknown as [{ buttons: string[]; defaultId: number; cancelId: number; message: string }];
    expect(options.buttons).toEqual(['Quit', 'Keep Uploading']);
    expect(options.defaultId).toBe(1);
    expect(options.cancelId).toBe(1);
    expect(options.message).toBe('2 uploads are still running.');
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(await confirmQuitDialog(dialog as never, 1)).toBe(false);
  });
});
