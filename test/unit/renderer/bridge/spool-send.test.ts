/**
 * One spool request from the page, over a fake XMLHttpRequest: the form it sends, the progress it
 * reports, and how it reads every kind of answer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PickedFile } from '../../../../renderer/src/bridge/dropsign-api.js';
import { readSpoolReply, sendSpoolRequest } from '../../../../renderer/src/bridge/spool-send.js';

class FakeXhr {
  static last: FakeXhr | undefined;
  method = '';
  url = '';
  readonly headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  responseText = '';
  readonly upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }
  send(body: unknown): void {
    this.body = body;
  }
  answer(status: number, body: unknown): void {
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.onload?.();
  }
}

beforeEach(() => vi.stubGlobal('XMLHttpRequest', FakeXhr));
afterEach(() => vi.unstubAllGlobals());

const picked = (relativePath: string, text: string): PickedFile => ({ file: new File([text], relativePath.split('/').at(-1) ?? relativePath), relativePath });
const sent = (): FakeXhr => FakeXhr.last as FakeXhr;

describe('sendSpoolRequest', () => {
  it('posts the files as a form: the manifest of paths and sizes, then each file named by its index, with the token', async () => {
    const reply = sendSpoolRequest('TOKEN', [picked('photos/a.txt', 'alpha'), picked('b.txt', 'bb')], () => undefined);
    const xhr = sent();
    expect([xhr.method, xhr.url, xhr.headers]).toEqual(['POST', '/spool', { Authorization: 'Bearer TOKEN' }]);
    const form = xhr.body as FormData;
    expect(JSON.parse(form.get('manifest') as string)).toEqual({ files: [{ path: 'photos/a.txt', size: 5 }, { path: 'b.txt', size: 2 }] });
    const parts = form.getAll('file') as File[];
    expect(parts.map((part) => [part.name, part.size])).toEqual([['0', 5], ['1', 2]]);
    expect(await parts[0]?.text()).toBe('alpha');
    xhr.answer(200, { ok: true, value: { files: [{ ok: true, value: { ref: 'spool:1', size: 5 } }, { ok: true, value: { ref: 'spool:2', size: 2 } }] } });
    expect(await reply).toEqual({ kind: 'answered', files: [{ ok: true, value: { ref: 'spool:1', size: 5 } }, { ok: true, value: { ref: 'spool:2', size: 2 } }] });
  });

  it('reports the files\' share of the bytes sent, never more than they hold', () => {
    const heard: number[] = [];
    void sendSpoolRequest('T', [picked('a', 'x'.repeat(100))], (bytes) => heard.push(bytes));
    const progress = sent().upload.onprogress;
    progress?.({ lengthComputable: true, loaded: 100, total: 200 });
    progress?.({ lengthComputable: false, loaded: 150, total: 0 });
    progress?.({ lengthComputable: true, loaded: 200, total: 200 });
    expect(heard).toEqual([50, 100]);
  });

  it('answers a sentence when the connection fails', async () => {
    const reply = sendSpoolRequest('T', [picked('a', 'x')], () => undefined);
    sent().onerror?.();
    expect(await reply).toEqual({ kind: 'failed', message: 'The files could not be sent to Dropsign (the connection failed).' });
  });
});

describe('readSpoolReply', () => {
  it('turns a refusal of the whole request into its sentence and what to do, telling a busy host apart', () => {
    expect(readSpoolReply(400, JSON.stringify({ ok: false, error: { code: 'invalid-argument', message: 'Malformed.', hint: 'Reload.' } }), 1)).toEqual({ kind: 'failed', message: 'Malformed. Reload.' });
    expect(readSpoolReply(503, JSON.stringify({ ok: false, error: { code: 'server-busy', message: 'Too many.', hint: 'Wait.' } }), 1)).toEqual({ kind: 'busy', message: 'Too many. Wait.' });
  });

  it('does not trust an answer it cannot read, or one with the wrong number of files', () => {
    expect(readSpoolReply(502, '<html>', 1)).toEqual({ kind: 'failed', message: 'Dropsign answered 502 while receiving the files.' });
    expect(readSpoolReply(200, JSON.stringify({ ok: true, value: { files: [] } }), 1)).toMatchObject({ kind: 'failed' });
    expect(readSpoolReply(200, 'null', 1)).toMatchObject({ kind: 'failed' });
  });
});
