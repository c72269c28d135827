/**
 * links.json recorded into by several processes at once (the app, the tray and `dropsign link` commands):
 * every issued link stays listed (the register holds the file's inter-process lock for each change).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IssuedLinkRegister } from '../../../electron/core/links/issued-link-register.js';
import { REPO_ROOT } from '../../helpers/cli-path.js';
import { runNodeScript } from '../../helpers/run-node-script.js';

const REGISTER_MODULE = pathToFileURL(path.join(REPO_ROOT, 'out/electron/core/links/issued-link-register.js')).href;

/** A process that records `count` links for keys `<prefix>-<i>`, one at a time. */
const RECORDER = `
const { IssuedLinkRegister } = await import(process.env.REGISTER_MODULE);
const register = new IssuedLinkRegister({ path: process.env.LINKS_FILE });
for (let i = 0; i < Number(process.env.COUNT); i++) {
  const key = process.env.PREFIX + '-' + i;
  await register.record({
    issuedAt: new Date().toISOString(),
    link: {
      url: 'https://photos.oss-cn-hangzhou.aliyuncs.com/' + key + '?x-oss-signature=0', method: 'PUT', headers: {},
      expiresAt: '2099-01-01T00:00:00Z', signedAt: '2026-01-01T00:00:00Z', profile: 'prod', bucket: 'photos', key,
    },
  });
}
`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dropsign-links-mp-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('links.json shared by several processes', () => {
  it('lists every link four processes record at the same time', async () => {
    const file = path.join(dir, 'links.json');
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((prefix) => runNodeScript(RECORDER, { REGISTER_MODULE, LINKS_FILE: file, PREFIX: prefix, COUNT: '15' })),
    );
    const { links } = await new IssuedLinkRegister({ path: file }).list();
    const keys = links.map((link) => link.key);
    expect(keys).toHaveLength(60);
    expect(new Set(keys).size).toBe(60);
    expect(new Set(links.map((link) => link.id)).size).toBe(60);
  }, 60_000);
});
