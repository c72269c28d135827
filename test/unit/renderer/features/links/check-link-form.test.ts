import { describe, expect, it } from 'vitest';
import { checkLinkForm } from '../../../../../renderer/src/features/links/check-link-form.js';
import { initialFormValues, type LinkFormValues } from '../../../../../renderer/src/features/links/link-form-values.js';
import { ossLimits } from './fake-bridge.js';

const limits = ossLimits('prod');

function form(fields: Partial<LinkFormValues>, profile = 'prod'): LinkFormValues {
  return { ...initialFormValues(3600), profile, ...fields };
}

function problemsOf(values: LinkFormValues, given = limits): Record<string, string> {
  const check = checkLinkForm(values, given);
  if (check.ok) return {};
  return Object.fromEntries([...check.problems].map(([field, problem]) => [field, problem.code]));
}

describe('checkLinkForm', () => {
  it('sends an upload link with only what was filled in: key from folder and file name, validity, file name', () => {
    expect(checkLinkForm(form({ prefix: 'inbox/', fileName: 'report.pdf' }), limits)).toStrictEqual({
      ok: true,
      request: { method: 'PUT', profile: 'prod', key: 'inbox/report.pdf', expiresInSeconds: 3600, fileName: 'report.pdf' },
    });
  });

  it('joins folder and file name with exactly one slash, and an empty folder adds none', () => {
    const key = (prefix: string) => {
      const check = checkLinkForm(form({ prefix, fileName: 'a.txt' }), limits);
      return check.ok ? check.request.key : undefined;
    };
    expect(key('inbox')).toBe('inbox/a.txt');
    expect(key('inbox//')).toBe('inbox/a.txt');
    expect(key('')).toBe('a.txt');
  });

  it('sends an upload link with a locked Content-Type, no overwrite, a storage class, metadata and a callback', () => {
    const values = form({
      keyMode: 'key',
      key: 'inbox/cat.png',
      expiry: { kind: 'custom', amount: '2', unit: 'days' },
      contentType: ' image/png ',
      forbidOverwrite: true,
      storageClass: 'IA',
      metadata: [
        { id: 1, name: 'from', value: 'alice' },
        { id: 2, name: 'case-id', value: '42' },
      ],
      callbackUrl: 'https://app.example.com/uploaded',
      callbackHost: 'app.example.com',
    });
    expect(checkLinkForm(values, limits)).toStrictEqual({
      ok: true,
      request: {
        method: 'PUT',
        profile: 'prod',
        key: 'inbox/cat.png',
        expiresInSeconds: 172_800,
        contentType: 'image/png',
        forbidOverwrite: true,
        storageClass: 'IA',
        metadata: [
          { name: 'from', value: 'alice' },
          { name: 'case-id', value: '42' },
        ],
        callback: {
          url: 'https://app.example.com/uploaded',
          body: 'bucket=${bucket}&object=${object}&size=${size}&mimeType=${mimeType}',
          bodyType: 'application/x-www-form-urlencoded',
          host: 'app.example.com',
        },
      },
    });
  });

  it('sends a download link with a version, processing and a download name, and none of the upload fields', () => {
    const values = form({
      method: 'GET',
      keyMode: 'key',
      key: 'photos/cat.jpg',
      expiry: { kind: 'preset', seconds: 900 },
      contentType: 'image/png',
      metadata: [{ id: 1, name: 'from', value: 'alice' }],
      versionId: 'CAEQNhiBgMDJgZCA0BYiIDc4MGZjZGI2',
      process: 'image/resize,w_200',
      downloadName: '猫 photo.jpg',
    });
    expect(checkLinkForm(values, limits)).toStrictEqual({
      ok: true,
      request: {
        method: 'GET',
        profile: 'prod',
        key: 'photos/cat.jpg',
        expiresInSeconds: 900,
        versionId: 'CAEQNhiBgMDJgZCA0BYiIDc4MGZjZGI2',
        process: 'image/resize,w_200',
        responseContentDisposition: `attachment; filename="_ photo.jpg"; filename*=UTF-8''%E7%8C%AB%20photo.jpg`,
      },
    });
  });

  it('leaves out processing and callbacks when the store does not offer them', () => {
    const s3 = ossLimits('minio', { provider: 's3', supportsProcess: false, supportsCallback: false, storageClasses: ['STANDARD'] });
    expect(checkLinkForm(form({ method: 'GET', fileName: 'a.jpg', process: 'image/resize,w_200' }, 'minio'), s3)).toStrictEqual({
      ok: true,
      request: { method: 'GET', profile: 'minio', key: 'a.jpg', expiresInSeconds: 3600, fileName: 'a.jpg' },
    });
    expect(checkLinkForm(form({ fileName: 'a.jpg', callbackUrl: 'https://app.example.com/cb', storageClass: 'IA' }, 'minio'), s3)).toStrictEqual({
      ok: true,
      request: { method: 'PUT', profile: 'minio', key: 'a.jpg', expiresInSeconds: 3600, fileName: 'a.jpg' },
    });
  });

  it('names what is wrong with the object: missing file name, slashes in it, a leading slash or a dot segment in the folder', () => {
    expect(problemsOf(form({ fileName: '' }))).toStrictEqual({ fileName: 'fileNameEmpty' });
    expect(problemsOf(form({ fileName: 'a/b.txt' }))).toStrictEqual({ fileName: 'fileNameSlash' });
    expect(problemsOf(form({ prefix: '/inbox', fileName: 'a.txt' }))).toStrictEqual({ prefix: 'keyLeadingSlash' });
    expect(problemsOf(form({ prefix: 'a/../b', fileName: 'a.txt' }))).toStrictEqual({ prefix: 'keyDotSegment' });
    expect(problemsOf(form({ keyMode: 'key', key: '' }))).toStrictEqual({ key: 'keyEmpty' });
    expect(problemsOf(form({ keyMode: 'key', key: 'folder/' }))).toStrictEqual({ key: 'keyTrailingSlash' });
    expect(problemsOf(form({ keyMode: 'key', key: 'a\tb' }))).toStrictEqual({ key: 'keyControl' });
    expect(problemsOf(form({ keyMode: 'key', key: '好'.repeat(342) }))).toStrictEqual({ key: 'keyTooLong' });
  });

  it('refuses a custom validity that is not a whole number above zero, or longer than the cap', () => {
    expect(problemsOf(form({ fileName: 'a', expiry: { kind: 'custom', amount: '1.5', unit: 'hours' } }))).toStrictEqual({ expiry: 'expiryWhole' });
    expect(problemsOf(form({ fileName: 'a', expiry: { kind: 'custom', amount: '0', unit: 'hours' } }))).toStrictEqual({ expiry: 'expiryWhole' });
    expect(problemsOf(form({ fileName: 'a', expiry: { kind: 'custom', amount: '8', unit: 'days' } }))).toStrictEqual({ expiry: 'expiryOverCap' });
    const token = ossLimits('sts', { maxExpirySeconds: 1800, cap: { kind: 'token-expiry', tokenExpiresAt: '2026-11-21T08:30:00Z' } });
    const check = checkLinkForm(form({ fileName: 'a', expiry: { kind: 'preset', seconds: 3600 } }), token);
    expect(check.ok ? undefined : check.problems.get('expiry')).toStrictEqual({ code: 'expiryOverCap', maxSeconds: 1800 });
  });

  it('refuses every link while the profile’s token has expired', () => {
    const expired = ossLimits('sts', { maxExpirySeconds: 0, cap: { kind: 'token-expired', tokenExpiresAt: '2026-11-20T00:00:00Z' } });
    expect(problemsOf(form({ fileName: 'a' }), expired)).toStrictEqual({ expiry: 'tokenExpired' });
  });

  it('checks metadata as the contract does: name shape, names given once, ASCII values', () => {
    const metadata = [
      { id: 1, name: 'From', value: 'x' },
      { id: 2, name: 'ok', value: 'café' },
      { id: 3, name: 'ok', value: 'y' },
      { id: 4, name: '-lead', value: '' },
    ];
    expect(problemsOf(form({ fileName: 'a', metadata }))).toStrictEqual({
      'metaName-1': 'metaNameShape',
      'metaValue-2': 'metaValueAscii',
      'metaName-3': 'metaNameTwice',
      'metaName-4': 'metaNameShape',
    });
  });

  it('checks the Content-Type shape and the callback’s URL, body and host', () => {
    expect(problemsOf(form({ fileName: 'a', contentType: 'png' }))).toStrictEqual({ contentType: 'contentTypeShape' });
    expect(problemsOf(form({ fileName: 'a', contentType: 'text/plain; charset=utf-8' }))).toStrictEqual({});
    expect(problemsOf(form({ fileName: 'a', callbackUrl: 'ftp://x', callbackBody: ' ', callbackHost: 'a b' }))).toStrictEqual({
      callbackUrl: 'callbackUrlShape',
      callbackBody: 'callbackBodyEmpty',
      callbackHost: 'callbackHostShape',
    });
  });

  it('checks download fields: no slashes in the download name, no control characters', () => {
    expect(problemsOf(form({ method: 'GET', fileName: 'a', downloadName: 'x/y.pdf', versionId: 'v\n1' }))).toStrictEqual({ versionId: 'noControl', downloadName: 'downloadNameSlash' });
  });
});
