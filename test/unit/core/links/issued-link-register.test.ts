/**
 * The persisted register of issued links: a private versioned file, newest first, random ids, no secret
 * or snippet kept; forgetting unknown ids is a typed error; writes are serialised and another process's
 * writes are picked up; the cap drops expired links first; a damaged or newer file is set aside.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IssuedLinkRegister, LINKS_FILE_NAME, pruned } from '../../../../electron/core/links/issued-link-register.js';
import type { IssuedLink } from '../../../../electron/core/links/link-register.js';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import type { IssuedLinkView } from '../../../../electron/shared/ipc/link-types.js';

const NOW = Date.parse('2026-11-21T08:00:00Z');
let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dropsign-links-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function issued(key: string, options: { expiresAt?: string; issuedAt?: string } = {}): IssuedLink {
  return {
    issuedAt: options.issuedAt ?? '2026-11-21T08:00:00.000Z',
    link: {
      url: `http://127.0.0.1:47110/dropsign/${key}?x-oss-signature=abc`,
      method: 'PUT',
      headers: { 'content-type': 'image/png' },
      expiresAt: options.expiresAt ?? '2026-11-21T09:00:00Z',
      signedAt: '2026-11-21T08:00:00Z',
      profile: 'local',
      bucket: 'dropsign',
      key,
    },
  };
}

function register(options: { notices?: ErrorInfo[]; max?: number; now?: () => number } = {}): IssuedLinkRegister {
  return IssuedLinkRegister.inAppData(dir, {
    now: options.now ?? (() => NOW),
    onNotice: (notice) => options.notices?.push(notice),
    ...(options.max === undefined ? {} : { maxLinks: options.max }),
  });
}

describe('IssuedLinkRegister', () => {
  it('records links with random ids and lists them newest first', async () => {
    const links = register();
    const first = await links.record(issued('a.png'));
    const second = await links.record(issued('b.png'));
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second.id).not.toBe(first.id);
    expect((await links.list()).links.map((link) => link.key)).toEqual(['b.png', 'a.png']);
    expect(await links.findByUrl(second.url)).toEqual(second);
    expect(await links.findByUrl(`${second.url}x`)).toBeUndefined();
  });

  it('keeps exactly the fields of a listed link in a private, versioned file that survives a restart', async () => {
    const entry = await register().record({ ...issued('a.png'), link: { ...issued('a.png').link, snippets: { curl: 'curl' }, warnings: [] } as unknown as IssuedLink['link'] });
    const file = path.join(dir, LINKS_FILE_NAME);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(await readFile(file, 'utf8')) as { version: number; data: { links: Record<string, unknown>[] } };
    expect(stored.version).toBe(1);
    expect(Object.keys(stored.data.links[0] ?? {}).sort()).toEqual(['bucket', 'expiresAt', 'headers', 'id', 'issuedAt', 'key', 'method', 'profile', 'signedAt', 'url']);
    expect((await register().list()).links).toEqual([entry]);
  });

  it('forgets a link by id and refuses an id it does not hold', async () => {
    const links = register();
    const kept = await links.record(issued('keep'));
    const gone = await links.record(issued('gone'));
    await links.forget(gone.id);
    expect((await links.list()).links).toEqual([kept]);
    await expect(links.forget(gone.id)).rejects.toMatchObject({ code: 'invalid-argument', details: { field: 'id' } });
  });

  it('serialises concurrent writes: none is lost', async () => {
    const links = register();
    const made = await Promise.all(Array.from({ length: 40 }, (_, i) => links.record(issued(`k${i}`))));
    const listed = (await links.list()).links;
    expect(listed).toHaveLength(40);
    expect(new Set(listed.map((link) => link.id))).toEqual(new Set(made.map((link) => link.id)));
    // Forgetting while recording keeps both effects.
    await Promise.all([links.forget(made[0]?.id ?? ''), links.record(issued('late'))]);
    expect((await register().list()).links).toHaveLength(40);
  });

  it('sees links another process recorded since it last read the file', async () => {
    const app = register();
    const cli = register();
    await app.record(issued('from-app'));
    await cli.record(issued('from-cli'));
    await app.record(issued('again-from-app'));
    expect((await cli.list()).links.map((link) => link.key)).toEqual(['again-from-app', 'from-cli', 'from-app']);
  });

  it('when full, drops expired links oldest first, then the oldest', async () => {
    const links = register({ max: 3 });
    await links.record(issued('live-old', { expiresAt: '2026-11-22T00:00:00Z' }));
    await links.record(issued('expired-old', { expiresAt: '2026-11-20T00:00:00Z' }));
    await links.record(issued('expired-new', { expiresAt: '2026-11-21T07:00:00Z' }));
    await links.record(issued('fourth'));
    expect((await links.list()).links.map((link) => link.key)).toEqual(['fourth', 'expired-new', 'live-old']);
    await links.record(issued('fifth'));
    expect((await links.list()).links.map((link) => link.key)).toEqual(['fifth', 'fourth', 'live-old']);
    await links.record(issued('sixth'));
    expect((await links.list()).links.map((link) => link.key)).toEqual(['sixth', 'fifth', 'fourth']);
  });

  it.each([
    ['damaged', '{"version":1,"data":{"links":[{"id":'],
    ['invalid', '{"version":1,"data":{"links":[{"id":"x","headers":{"__proto__":"y"}}]}}'],
    ['from a newer Dropsign', JSON.stringify({ version: 99, data: { links: [] } })],
  ])('sets a %s file aside, says so, and starts empty', async (_what, text) => {
    await writeFile(path.join(dir, LINKS_FILE_NAME), text);
    const notices: ErrorInfo[] = [];
    const links = register({ notices });
    expect((await links.list()).links).toEqual([]);
    expect(notices).toEqual([expect.objectContaining({ code: 'state-file-unreadable', details: expect.objectContaining({ movedTo: expect.stringContaining('links.json.corrupt-') }) })]);
    await links.record(issued('fresh'));
    expect((await register().list()).links.map((link) => link.key)).toEqual(['fresh']);
  });
});

describe('pruned', () => {
  const view = (key: string, expiresAt: string): IssuedLinkView => ({ ...issued(key, { expiresAt }).link, id: key, issuedAt: '2026-11-21T08:00:00Z' });

  it('keeps everything under the cap', () => {
    const links = [view('a', '2020-01-01T00:00:00Z')];
    expect(pruned(links, 5, NOW)).toBe(links);
  });

  it('takes only as many as needed', () => {
    const links = [view('a', '2020-01-01T00:00:00Z'), view('b', '2020-01-01T00:00:00Z'), view('c', '2099-01-01T00:00:00Z')];
    expect(pruned(links, 2, NOW).map((link) => link.id)).toEqual(['b', 'c']);
    expect(pruned(links, 0, NOW)).toEqual([]);
  });
});
