/**
 * The links channels through the app services: every link made is recorded in `links.json` and listed
 * newest first; forget and the CSV export work on it; a register that fails is a notice, not a lost link;
 * limits follow the profile's store and STS token; inspect reads a link made here; the drop page of an
 * issued upload link, refused for a download link, an unknown id and an expired link.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_LISTED_LINKS } from '../../../../electron/core/app/link-service.js';
import type { LinkRegister } from '../../../../electron/core/links/link-register.js';
import type { IssuedLinkView } from '../../../../electron/shared/ipc/link-types.js';
import { okValue, servicesFixture, type ServicesFixture } from './services-fixture.js';

const NOW = Date.parse('2026-11-21T08:00:00Z');
let fx: ServicesFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});


describe('links channels', () => {
  it('records each link made, lists newest first, forgets, and exports CSV', async () => {
    fx = await servicesFixture({ now: () => NOW });
    const { services, dir } = fx;
    const put = await okValue(services.invoke('links:create', [{ method: 'PUT', key: 'in/a.png', contentType: 'image/png', expiresInSeconds: 60 }]));
    await okValue(services.invoke('links:create', [{ method: 'GET', key: 'out/b.txt' }]));
    const listed = await okValue(services.invoke('links:list', []));
    expect(listed.total).toBe(2);
    expect(listed.links.map((link) => [link.method, link.key])).toEqual([
      ['GET', 'out/b.txt'],
      ['PUT', 'in/a.png'],
    ]);
    expect(listed.links[1]).toEqual({ id: expect.any(String), issuedAt: '2026-11-21T08:00:00.000Z', url: put.url, method: 'PUT', headers: { 'content-type': 'image/png' }, expiresAt: put.expiresAt, signedAt: put.signedAt, profile: 'local', bucket: 'dropsign', key: 'in/a.png' });
    expect(await readFile(path.join(dir, 'links.json'), 'utf8')).not.toContain('snippets');

    const csv = await okValue(services.invoke('links:export-csv', []));
    expect(csv.fileName).toBe('dropsign-links-2026-11-21.csv');
    expect(csv.csv.split('\r\n')).toHaveLength(4);

    const forgotten = listed.links[0]?.id ?? '';
    expect(await services.invoke('links:forget', [forgotten])).toEqual({ ok: true, value: null });
    expect(await services.invoke('links:forget', [forgotten])).toMatchObject({ ok: false, error: { code: 'invalid-argument', details: { field: 'id' } } });
    expect((await okValue(services.invoke('links:list', []))).total).toBe(1);

    const inspected = await okValue(services.invoke('links:inspect', [put.url]));
    expect(inspected).toMatchObject({ issuedLinkId: listed.links[1]?.id, verification: { kind: 'valid', profile: 'local', method: 'PUT' } });
    expect(await services.invoke('links:inspect', ['hello'])).toMatchObject({ ok: false, error: { code: 'invalid-argument', hint: expect.stringContaining('Paste the whole link') } });
  });

  it('hands the link out when the register fails, and says so in a notice', async () => {
    const failing: LinkRegister = {
      record: () => Promise.reject(new Error('disk full')),
      list: () => Promise.resolve({ links: [] }),
      forget: () => Promise.resolve(),
      findByUrl: () => Promise.resolve(undefined),
    };
    fx = await servicesFixture({ linkRegister: failing });
    const notices: string[] = [];
    fx.services.on('app:notice', (notice) => notices.push(notice.message));
    expect(await fx.services.invoke('links:create', [{ method: 'GET', key: 'a' }])).toMatchObject({ ok: true });
    expect(notices).toEqual(['The link was made but could not be recorded: Unexpected error: disk full']);
  });

  it(`lists at most ${MAX_LISTED_LINKS} links, with the total`, async () => {
    const many: IssuedLinkView[] = Array.from({ length: MAX_LISTED_LINKS + 5 }, (_, i) => ({
      id: `id-${i}`, issuedAt: '', url: 'u', method: 'GET', headers: {}, expiresAt: '', signedAt: '', profile: 'p', bucket: 'b', key: `k${i}`,
    }));
    fx = await servicesFixture({ linkRegister: { record: () => Promise.reject(new Error('no')), list: () => Promise.resolve({ links: many }), forget: () => Promise.resolve(), findByUrl: () => Promise.resolve(undefined) } });
    const listed = await okValue(fx.services.invoke('links:list', []));
    expect(listed.links).toHaveLength(MAX_LISTED_LINKS);
    expect(listed.total).toBe(MAX_LISTED_LINKS + 5);
    expect(listed.links[0]?.id).toBe('id-0');
  });

  it('sets a damaged links.json aside and reports it in app:info', async () => {
    fx = await servicesFixture({}, (dir) => writeFile(path.join(dir, 'links.json'), 'not json'));
    expect(await okValue(fx.services.invoke('links:list', []))).toEqual({ links: [], total: 0 });
    const info = await okValue(fx.services.invoke('app:info', []));
    expect(info.notices).toEqual([expect.objectContaining({ code: 'state-file-unreadable', message: expect.stringContaining('list of issued links') })]);
  });

  it('gives the limits of the default profile and of a profile with an STS token', async () => {
    fx = await servicesFixture({ now: () => NOW });
    expect(await okValue(fx.services.invoke('links:limits', []))).toMatchObject({ profile: 'local', provider: 'oss', maxExpirySeconds: 604_800, cap: { kind: 'signature-max' }, supportsCallback: true });
    await okValue(
      fx.services.invoke('profiles:save', [
        {
          profile: { name: 'sts', provider: 's3', region: 'us-east-1', endpoint: { kind: 'custom', url: 'http://127.0.0.1:9000' }, style: 'path', bucket: 'media', accessKeyId: 'AKSTS' },
          secret: { accessKeySecret: 'SK', securityToken: 'TOKEN', securityTokenExpiresAt: '2026-11-21T08:30:00Z' },
        },
      ]),
    );
    expect(await okValue(fx.services.invoke('links:limits', ['sts']))).toMatchObject({ profile: 'sts', provider: 's3', maxExpirySeconds: 1800, cap: { kind: 'token-expiry' }, supportsCallback: false, supportsProcess: false });
    expect(await fx.services.invoke('links:limits', ['nobody'])).toMatchObject({ ok: false, error: { code: 'profile-not-found' } });
  });
});

describe('links:drop-page', () => {
  it('answers the page of an issued upload link, named after its key, in the language asked for', async () => {
    fx = await servicesFixture({ now: () => NOW });
    const put = await okValue(fx.services.invoke('links:create', [{ method: 'PUT', key: 'inbox/2026 report.pdf', contentType: 'application/pdf', expiresInSeconds: 600 }]));
    expect(put.id).toEqual(expect.any(String));
    const page = await okValue(fx.services.invoke('links:drop-page', [put.id ?? '']));
    expect(page.fileName).toBe('dropsign-upload-2026-report.pdf.html');
    expect(page.html).toContain('<html lang="en">');
    expect(page.html).toContain('"shownKey":"inbox/2026 report.pdf"');
    const chinese = await okValue(fx.services.invoke('links:drop-page', [put.id ?? '', 'zh-CN']));
    expect(chinese.html).toContain('<html lang="zh-CN">');
  });

  it('refuses a download link, an id it does not hold and an expired link, saying what to do', async () => {
    let now = NOW;
    fx = await servicesFixture({ now: () => now });
    const get = await okValue(fx.services.invoke('links:create', [{ method: 'GET', key: 'out/b.txt' }]));
    expect(await fx.services.invoke('links:drop-page', [get.id ?? ''])).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('download link'), hint: expect.stringContaining('upload (PUT) link') } });
    expect(await fx.services.invoke('links:drop-page', ['no-such-link'])).toMatchObject({ ok: false, error: { code: 'invalid-argument', details: { field: 'id' } } });
    expect(await fx.services.invoke('links:drop-page', ['../links.json'])).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('is not a link id') } });
    expect(await fx.services.invoke('links:drop-page', ['id', 'fr'])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const put = await okValue(fx.services.invoke('links:create', [{ method: 'PUT', key: 'in/a.png', expiresInSeconds: 60 }]));
    now = NOW + 61_000;
    expect(await fx.services.invoke('links:drop-page', [put.id ?? ''])).toMatchObject({ ok: false, error: { code: 'url-expired', hint: 'Make a new upload link, then save its drop page.' } });
  });
});
