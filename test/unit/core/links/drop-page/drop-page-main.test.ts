// @vitest-environment jsdom
/**
 * The drop page's script in jsdom, on the page's own markup, with a fake XMLHttpRequest and a fake clock:
 * ready with a countdown, a file picked or dropped (one, under 5 GiB), the PUT with exactly the signed
 * headers (and no Content-Type when none is signed), progress, success with size and ETag, every kind of
 * refusal explained with the bucket's code and message, cancel, and an expired link.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dropPageMain } from '../../../../../electron/core/links/drop-page/drop-page-main.js';
import { renderDropPage, type DropPageLink } from '../../../../../electron/core/links/drop-page/render-drop-page.js';
import type { Language } from '../../../../../electron/shared/ipc/settings.js';
import { element, FakeXhr, installFakeXhr, loadPage, ossError, testDocument, uploadLink } from './page-fixture.js';

/** Seen at 08:00:48 UTC; the link expires at 09:00. */
const NOW = '2026-11-21T08:00:48Z';
const MIB = 1024 * 1024;

function open(link: DropPageLink = uploadLink(), language: Language = 'en'): void {
  dropPageMain(loadPage(renderDropPage(link, { language })), testDocument());
}

function fileList(files: readonly File[]): { readonly length: number; item(index: number): File | null } {
  return { length: files.length, item: (index) => files[index] ?? null };
}

/** A file of `bytes` zero bytes. */
function aFile(name = 'report-final.pdf', bytes = MIB, type = 'application/pdf'): File {
  return new File([new Uint8Array(bytes)], name, { type });
}

/** Picks `files` in the file picker. */
function pick(...files: File[]): void {
  const input = element('file-input');
  Object.defineProperty(input, 'files', { value: fileList(files), configurable: true });
  input.dispatchEvent(new Event('change'));
}

/** A drag event of `type` on the drop area carrying `files`; returns it. */
function drag(type: 'dragenter' | 'dragover' | 'dragleave' | 'drop', ...files: File[]): Event {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { files: fileList(files), dropEffect: 'none' } });
  element('drop-area').dispatchEvent(event);
  return event;
}

const state = (): string | null => element('drop-page').getAttribute('data-state');
const failure = (): string | null => element('drop-page').getAttribute('data-failure');
const status = (): string | null => element('status-text').textContent;
const detail = (): string | null => element('status-detail').textContent;
const button = (id: string): { readonly disabled: boolean; readonly hidden: boolean } => {
  const found = element(id);
  return { disabled: found.disabled === true, hidden: found.hidden };
};

/** Picks a file and presses Upload; returns the request. */
function upload(file = aFile()): FakeXhr {
  pick(file);
  element('upload-button').click();
  return FakeXhr.last();
}

describe('dropPageMain', () => {
  let restore: () => void;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date(NOW));
    restore = installFakeXhr();
  });
  afterEach(() => {
    restore();
    vi.useRealTimers();
  });

  it('starts ready: the expiry in local time, a countdown that ticks, and no upload until a file is chosen', () => {
    open();
    expect(state()).toBe('ready');
    expect(element('expires-at').textContent).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-11-21T09:00:00Z')));
    expect(element('countdown').textContent).toBe('(expires in 59 min 12 s)');
    expect(element('countdown').getAttribute('role')).toBe('timer');
    vi.advanceTimersByTime(1000);
    expect(element('countdown').textContent).toBe('(expires in 59 min 11 s)');
    expect(button('upload-button')).toEqual({ disabled: true, hidden: false });
    expect(button('cancel-button').hidden).toBe(true);
    expect(element('status').getAttribute('aria-live')).toBe('polite');
    expect(FakeXhr.sent).toHaveLength(0);
  });

  it('takes a picked file, and says it is stored as the link’s key whatever its name', () => {
    open();
    pick(aFile('my scan.pdf'));
    expect(state()).toBe('chosen');
    expect(status()).toBe('Ready to upload my scan.pdf (1 MB) as inbox/report.pdf.');
    expect(button('upload-button').disabled).toBe(false);
  });

  it('names a key holding a bidirectional control by its escape, so it cannot read as another name', () => {
    open(uploadLink({ key: 'inbox/report\u202efdp.exe' }));
    pick(aFile('scan.pdf'));
    expect(status()).toBe('Ready to upload scan.pdf (1 MB) as inbox/report\\u202efdp.exe.');
  });

  it('takes a dropped file, shows the drag over the area, and keeps the browser from opening a file dropped beside it', () => {
    open();
    expect(drag('dragover').defaultPrevented).toBe(true);
    expect(element('drop-area').classList.contains('dragging')).toBe(true);
    drag('dragleave');
    expect(element('drop-area').classList.contains('dragging')).toBe(false);
    expect(drag('drop', aFile('dropped.pdf')).defaultPrevented).toBe(true);
    expect(status()).toBe('Ready to upload dropped.pdf (1 MB) as inbox/report.pdf.');
    const beside = new Event('drop', { bubbles: true, cancelable: true });
    element('status').dispatchEvent(beside);
    expect(beside.defaultPrevented).toBe(true);
  });

  it('takes one file at a time', () => {
    open();
    drag('drop', aFile('a.pdf'), aFile('b.pdf'));
    expect(state()).toBe('ready');
    expect(status()).toBe('Drop one file at a time.');
  });

  it('refuses a file larger than one PUT can carry', () => {
    open();
    const huge = aFile('disk.img', 1);
    Object.defineProperty(huge, 'size', { value: 6 * 1024 * MIB });
    pick(huge);
    expect(state()).toBe('ready');
    expect(status()).toBe('disk.img is 6 GB; one upload takes at most 5 GB.');
    expect(button('upload-button').disabled).toBe(true);
  });

  it('opens the file picker from the drop area with a click, Enter or Space', () => {
    open();
    const input = element('file-input') as unknown as { click(): void };
    const opened = vi.spyOn(input, 'click').mockImplementation(() => undefined);
    element('drop-area').click();
    // jsdom's KeyboardEvent (the Node side's TypeScript has no DOM library to name it).
    const { KeyboardEvent } = globalThis as unknown as { readonly KeyboardEvent: new (type: string, init: { key: string; cancelable: boolean }) => Event };
    for (const key of ['Enter', ' ', 'a']) element('drop-area').dispatchEvent(new KeyboardEvent('keydown', { key, cancelable: true }));
    expect(opened).toHaveBeenCalledTimes(3);
    expect(element('drop-area').getAttribute('role')).toBe('button');
    expect(element('drop-area').getAttribute('tabindex')).toBe('0');
  });

  it('PUTs the file to the link with exactly the signed headers, showing bytes, percent and speed', () => {
    open();
    const file = aFile();
    const xhr = upload(file);
    expect(xhr.method).toBe('PUT');
    expect(xhr.url).toBe(uploadLink().url);
    expect(xhr.headers).toEqual([
      ['content-type', 'application/pdf'],
      ['x-oss-meta-from', 'alice'],
    ]);
    expect(xhr.body).toBe(file);
    expect(state()).toBe('uploading');
    expect(status()).toBe('Uploading report-final.pdf…');
    expect(button('upload-button').hidden).toBe(true);
    expect(button('cancel-button').hidden).toBe(false);
    expect(testDocument().activeElement).toBe(element('cancel-button'));
    expect(element('drop-area').getAttribute('aria-disabled')).toBe('true');
    vi.advanceTimersByTime(2000);
    xhr.progress(MIB / 2, MIB);
    expect((element('progress') as unknown as { value: number }).value).toBe(0.5);
    expect(element('progress-text').textContent).toBe('512 kB of 1 MB · 50% · 256 kB/s');
  });

  it('sends no Content-Type when the link signs none: the body goes without the file’s type', () => {
    open(uploadLink({ headers: { 'x-oss-forbid-overwrite': 'true' } }));
    const xhr = upload(aFile('photo.png', 10, 'image/png'));
    expect(xhr.headers).toEqual([['x-oss-forbid-overwrite', 'true']]);
    const body = xhr.body as Blob;
    expect(body).not.toBeInstanceOf(File);
    expect(body.type).toBe('');
    expect(body.size).toBe(10);
  });

  it('says done, with the size and the ETag, when the bucket takes the file', () => {
    open();
    const xhr = upload();
    xhr.respond(200, '', { ETag: '"5B3C1A2E053D763E1B002CC607C5A0FE"' });
    expect(state()).toBe('done');
    expect(element('status').getAttribute('data-kind')).toBe('success');
    expect(status()).toBe('Done: 1 MB uploaded as photos/inbox/report.pdf.');
    expect(detail()).toBe('ETag: "5B3C1A2E053D763E1B002CC607C5A0FE"');
    expect((element('progress') as unknown as { value: number }).value).toBe(1);
    expect(button('upload-button').disabled).toBe(true);
    expect(testDocument().activeElement).toBe(element('drop-area'));
  });

  it('says when the bucket does not expose the ETag, and when OSS stored the file but its callback failed', () => {
    open();
    upload().respond(203, ossError('CallbackFailed', 'Error status : 502.'));
    expect(state()).toBe('done');
    expect(detail()).toBe('The bucket did not show this page the ETag (its CORS rules do not expose it). The file is stored, but the sender’s server was not told: Error status : 502.');
  });

  it.each([
    ['expired', 403, ossError('AccessDenied', 'Request has expired.'), 'The bucket refused the upload: the link has expired.', 'The bucket answered: AccessDenied: Request has expired.'],
    ['denied', 403, ossError('AccessDenied', 'You have no right to access this object because of bucket acl.'), 'The bucket refused the upload (access denied)', 'The bucket answered: AccessDenied: You have no right to access this object because of bucket acl.'],
    ['denied', 403, ossError('InvalidAccessKeyId', 'The OSS Access Key Id you provided does not exist in our records.'), 'The bucket refused the upload (access denied)', 'The bucket answered: InvalidAccessKeyId: The OSS Access Key Id you provided does not exist in our records.'],
    ['signature', 403, ossError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.'), 'it does not match what the link signed', 'The bucket answered: SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided.'],
    ['exists', 409, ossError('FileAlreadyExists', 'The object you specified already exists and can not be overwritten.'), 'Something is already stored as inbox/report.pdf, and this link may not replace it.', 'The bucket answered: FileAlreadyExists: The object you specified already exists and can not be overwritten.'],
    ['other', 500, ossError('InternalError', 'We encountered an internal error &amp; gave up &lt;sorry&gt;.'), 'The bucket refused the upload (HTTP 500).', 'The bucket answered: InternalError: We encountered an internal error & gave up <sorry>.'],
    ['other', 502, '<html>Bad gateway</html>', 'The bucket refused the upload (HTTP 502).', ''],
  ])('explains a refusal (%s, HTTP %i) in plain words with the bucket’s code and message', (kind, status_, body, text, answer) => {
    open();
    upload().respond(status_, body);
    expect(state()).toBe('failed');
    expect(failure()).toBe(kind);
    expect(element('status').getAttribute('data-kind')).toBe('problem');
    expect(status()).toContain(text);
    expect(detail()).toBe(answer);
    expect(element('status-detail').hidden).toBe(answer === '');
    // The file is kept: Upload tries again.
    expect(button('upload-button').disabled).toBe(false);
    expect(testDocument().activeElement).toBe(element('upload-button'));
  });

  it('takes S3’s PreconditionFailed for an existing object when the link sends If-None-Match', () => {
    open(uploadLink({ headers: { 'if-none-match': '*' } }));
    upload().respond(412, ossError('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold'));
    expect(failure()).toBe('exists');
  });

  it('explains a failure without an answer as the network or the bucket’s CORS, naming the rule it needs', () => {
    open();
    upload().failNetwork();
    expect(state()).toBe('failed');
    expect(failure()).toBe('network');
    expect(status()).toBe(
      'The upload did not reach the bucket: the connection failed, or the bucket does not allow this page (CORS). If your connection works, tell whoever sent the page that the bucket’s CORS rules must allow it: AllowedOrigin * (a page opened from a file has the origin “null”), AllowedMethod PUT, AllowedHeader *, ExposeHeader ETag.',
    );
  });

  it('cancels an upload under way, and lets the same file be sent again', () => {
    open();
    const xhr = upload();
    element('cancel-button').click();
    expect(xhr.aborted).toBe(true);
    expect(state()).toBe('cancelled');
    expect(status()).toBe('Cancelled: nothing was stored.');
    expect(button('cancel-button').hidden).toBe(true);
    element('upload-button').click();
    expect(FakeXhr.sent).toHaveLength(2);
  });

  it('opened after the link expired: says so with the time, and takes no file', () => {
    vi.setSystemTime(new Date('2026-11-21T09:00:01Z'));
    open();
    expect(state()).toBe('expired');
    expect(status()).toBe(`This link expired at ${element('expires-at').textContent}: it can no longer upload. Ask whoever sent it for a new one.`);
    expect(element('countdown').textContent).toBe('');
    expect(element('drop-area').getAttribute('aria-disabled')).toBe('true');
    drag('drop', aFile());
    pick(aFile());
    expect(state()).toBe('expired');
    expect(button('upload-button').disabled).toBe(true);
    expect(FakeXhr.sent).toHaveLength(0);
  });

  it('closes when the link expires while it is open', () => {
    open();
    pick(aFile());
    vi.advanceTimersByTime(59 * 60_000 + 12_000);
    expect(state()).toBe('expired');
    expect(button('upload-button').disabled).toBe(true);
  });

  it('lets an upload under way finish when the link expires meanwhile, keeping its result', () => {
    open();
    const xhr = upload();
    vi.advanceTimersByTime(60 * 60_000);
    expect(state()).toBe('uploading');
    xhr.respond(200, '', { etag: '"abc"' });
    vi.advanceTimersByTime(2000);
    expect(state()).toBe('done');
    expect(status()).toBe('Done: 1 MB uploaded as photos/inbox/report.pdf.');
    expect(element('drop-area').getAttribute('aria-disabled')).toBe('true');
  });

  it('speaks Chinese when the page is in Chinese', () => {
    open(uploadLink(), 'zh-CN');
    expect(element('countdown').textContent).toBe('（59 分钟 12 秒后过期）');
    pick(aFile('扫描件.pdf'));
    expect(status()).toBe('准备将 扫描件.pdf（1 MB）上传为 inbox/report.pdf。');
    upload().failNetwork();
    expect(status()).toContain('上传未能到达存储桶');
  });
});
