/**
 * The contract over the socket: every call is checked against the contract's schemas before any service
 * sees it (wrong types, extra fields, huge arrays, prototype keys), anything unreadable gets an error
 * Result (never a crash, never a silent drop), and in browser mode only spooled files can be enqueued.
 * Files spooled and enqueued upload to the local bucket, keep their folder structure, and leave the spool.
 */
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { TransferEvent } from '../../../electron/shared/transfer.js';
import { openSocket, type TestSocket } from './socket-client.js';
import { refsOf, spooledRef, spoolFiles, startHostHarness, type HostHarness } from './harness.js';

let harness: HostHarness;
let page: TestSocket;
beforeAll(async () => {
  harness = await startHostHarness();
  page = await openSocket(harness.host.origin, harness.token);
});
afterAll(async () => {
  await page.close();
  await harness.close();
});

const invalid = { ok: false, error: { code: 'invalid-argument' } };

const spooled = (path: string, body: string): Promise<string> => spooledRef(harness, path, body);

/** The keys of the done transfers among `ids`, sorted. */
async function doneKeys(ids: readonly string[]): Promise<string[]> {
  const snapshot = (await page.call('transfers:snapshot', [])) as { value: { transfers: { id: string; key: string; state: { kind: string } }[] } };
  return snapshot.value.transfers.filter((view) => ids.includes(view.id) && view.state.kind === 'done').map((view) => view.key).sort();
}

describe('calls the contract refuses', () => {
  it.each([
    ['a wrong type', 'transfers:cancel', [42]],
    ['a wrong type deep inside', 'settings:set', [{ concurrency: 'many' }]],
    ['an extra field', 'transfers:enqueue', [{ paths: ['spool:x'], extra: true }]],
    ['an extra argument', 'transfers:snapshot', [1]],
    ['a missing argument', 'profiles:get', []],
    ['a huge array', 'transfers:enqueue', [{ paths: Array.from({ length: 10_001 }, (_, index) => `spool:${index}`) }]],
    ['a __proto__ key', 'settings:set', [JSON.parse('{"__proto__": {"polluted": true}}')]],
    ['a constructor key', 'settings:set', [{ constructor: { prototype: { polluted: true } } }]],
    ['a string past its bound', 'history:list', [{ text: 'x'.repeat(300) }]],
    ['NUL in a path', 'transfers:enqueue', [{ paths: ['spool:\u0000'] }]],
  ])('refuses %s', async (_case, channel, args) => {
    const result = await page.call(channel, args);
    expect(result).toMatchObject(invalid);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('names the field and never echoes the value', async () => {
    const result = (await page.call('profiles:save', [{ profile: { name: 'x' }, secret: { accessKeySecret: 42, leak: 'TOP-SECRET-VALUE' } }])) as { error: { message: string } };
    expect(result).toMatchObject(invalid);
    expect(JSON.stringify(result)).not.toContain('TOP-SECRET-VALUE');
  });

  it.each([
    ['not JSON', '{"id": 1, "channel"', null],
    ['not an object', '[1, 2, 3]', null],
    ['no id', '{"channel": "app:info", "args": []}', null],
    ['a negative id', '{"id": -1, "channel": "app:info", "args": []}', null],
    ['an unknown channel', '{"id": 7, "channel": "fs:read", "args": ["/etc/passwd"]}', 7],
    ['an extra envelope field', '{"id": 8, "channel": "app:info", "args": [], "__proto__": {}}', 8],
    ['args that are not a list', '{"id": 9, "channel": "app:info", "args": {}}', 9],
  ])('answers %s with an error under its id', async (_case, text, id) => {
    expect(await page.sendRaw(text, id)).toMatchObject(invalid);
  });

  it('answers a binary frame with an error', async () => {
    const reply = new Promise((resolve) => page.socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()))));
    page.socket.send(Buffer.from('{"id":1,"channel":"app:info","args":[]}'), { binary: true });
    expect(await reply).toMatchObject({ id: null, result: invalid });
  });

  it('closes a socket that sends a message over the 1 MiB limit (1009), and the page can reconnect', async () => {
    const big = await openSocket(harness.host.origin, harness.token);
    const closed = new Promise<number>((resolve) => big.socket.once('close', resolve));
    big.socket.send(JSON.stringify({ id: 1, channel: 'app:info', args: ['x'.repeat(1024 * 1024)] }));
    expect(await closed).toBe(1009);
    const again = await openSocket(harness.host.origin, harness.token);
    expect(await again.call('app:info', [])).toMatchObject({ ok: true });
    await again.close();
  });

  it('answers server-busy past the message rate, and recovers', async () => {
    const fast = await openSocket(harness.host.origin, harness.token);
    const replies = await Promise.all(Array.from({ length: 260 }, () => fast.call('transfers:snapshot', [])));
    const busy = replies.filter((result) => (result as { error?: { code: string } }).error?.code === 'server-busy');
    expect(busy.length).toBeGreaterThan(0);
    expect(replies.length - busy.length).toBeGreaterThanOrEqual(16);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await fast.call('transfers:snapshot', [])).toMatchObject({ ok: true });
    await fast.close();
  });
});

describe('enqueueing in browser mode', () => {
  it('refuses paths on the host: only spooled files can be queued', async () => {
    for (const path of ['/etc/passwd', harness.dataDir, '~/.ssh/id_rsa', 'spool:../../etc', `spool:${'0'.repeat(32)}`]) {
      const result = await page.call('transfers:enqueue', [{ paths: [path] }]);
      expect(result, path).toMatchObject(invalid);
    }
    const ref = await spooled('mixed.txt', 'x');
    expect(await page.call('transfers:enqueue', [{ paths: [ref, '/etc/hostname'] }])).toMatchObject(invalid);
    // All or nothing: the refused request used nothing up, so the file can still be queued.
    expect(await page.call('transfers:enqueue', [{ paths: [ref] }])).toMatchObject({ ok: true });
    expect(await page.call('transfers:enqueue', [{ paths: [ref] }])).toMatchObject(invalid);
  });

  it('uploads spooled files with their folder structure, pushes events in order, and empties the spool', async () => {
    const watcher = await openSocket(harness.host.origin, harness.token);
    const refs = [
      await spooled('photos/a.txt', 'alpha'),
      await spooled('photos/sub/b.txt', 'bravo'),
      await spooled('a.txt', 'again'),
      await spooled('photos/a.txt', 'clash'),
    ];
    const result = (await page.call('transfers:enqueue', [{ paths: refs }])) as { ok: boolean; value: { ids: string[] } };
    expect(result).toMatchObject({ ok: true, value: { profile: 'local', problems: [] } });
    expect(result.value.ids).toHaveLength(4);
    await expect.poll(() => doneKeys(result.value.ids), { timeout: 20_000 }).toEqual(['a.txt', 'photos/a.txt', 'photos/a.txt', 'photos/sub/b.txt']);

    const events = watcher.received.filter((message): message is { event: string; payload: TransferEvent[] } => (message as { event?: string }).event === 'transfers:events');
    const seqs = events.flatMap((message) => message.payload.map((event) => event.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(events.flatMap((message) => message.payload).filter((event) => event.kind === 'added')).toHaveLength(4);
    await watcher.close();
    await expect.poll(() => readdir(harness.spool.root)).toEqual([]);
  });

  it('keeps folder/sub/file keys for a drop sent as several batches, each enqueued as it arrives', async () => {
    const ids: string[] = [];
    const batches = [
      [
        { path: 'folder/sub/one.txt', body: '1' },
        { path: 'folder/two.txt', body: '2' },
      ],
      [
        { path: 'folder/sub/three.txt', body: '3' },
        { path: 'loose.txt', body: '4' },
      ],
    ];
    for (const batch of batches) {
      const refs = refsOf(await spoolFiles(harness, batch));
      const result = (await page.call('transfers:enqueue', [{ paths: refs }])) as { ok: boolean; value: { ids: string[]; problems: unknown[] } };
      expect(result).toMatchObject({ ok: true, value: { problems: [] } });
      ids.push(...result.value.ids);
    }
    expect(ids).toHaveLength(4);
    await expect.poll(() => doneKeys(ids), { timeout: 20_000 }).toEqual(['folder/sub/one.txt', 'folder/sub/three.txt', 'folder/two.txt', 'loose.txt']);
    await expect.poll(() => readdir(harness.spool.root)).toEqual([]);
  });

  it('enqueues what a batch kept when some of its files were refused', async () => {
    const refs = refsOf(await spoolFiles(harness, [{ path: '../escape.txt', body: 'x' }, { path: 'kept/file.txt', body: 'y' }]));
    expect(refs[0]).toBeUndefined();
    const result = (await page.call('transfers:enqueue', [{ paths: [refs[1]] }])) as { ok: boolean; value: { ids: string[] } };
    expect(result).toMatchObject({ ok: true });
    await expect.poll(() => doneKeys(result.value.ids), { timeout: 20_000 }).toEqual(['kept/file.txt']);
  });

  it('leaves a closed socket alone: events go only to open pages', async () => {
    const gone = await openSocket(harness.host.origin, harness.token);
    gone.socket.terminate();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await page.call('transfers:enqueue', [{ paths: [await spooled('late.txt', 'late')] }])).toMatchObject({ ok: true });
    expect(page.socket.readyState).toBe(WebSocket.OPEN);
  });
});
