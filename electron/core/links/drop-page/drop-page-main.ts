/**
 * The drop page's script: shows until when the link works (with a live countdown), takes one file from
 * the picker or a drop, PUTs it to the link with exactly the headers the link signed, shows the progress
 * (bytes, percent, speed), lets the upload be cancelled, and ends by saying what happened: done (size and
 * ETag), or why the bucket refused it, in plain words with the bucket's own code and message.
 *
 * The page carries this function as source text (`Function.prototype.toString`) and calls it with its
 * JSON config and `document` (render-drop-page.ts), so it must stay self-contained: no imports but
 * types, and nothing from outside its own body (no module constant, no other function). It is still an
 * ordinary function for the typecheck, the linter and the tests (jsdom, with a fake XMLHttpRequest).
 *
 * Element ids are the ones page-markup.ts writes.
 */
import type { DropPageConfig } from './drop-page-config.js';
import type { PageButton, PageDocument, PageElement, PageFile, PageFileInput, PageFileList, PageProgress, PageXhr } from './page-dom.js';

/** What the page is doing, also in `data-state` on its `<main>` (the style and the tests read it). */
export type DropPageState = 'ready' | 'chosen' | 'uploading' | 'done' | 'failed' | 'cancelled' | 'expired';

/** Why an upload failed, in `data-failure` on the page's `<main>` while it shows the failure. */
export type DropPageFailure = 'expired' | 'denied' | 'signature' | 'exists' | 'network' | 'other';

/** Runs the page: see the module comment. */
export function dropPageMain(config: DropPageConfig, doc: PageDocument): void {
  const win = doc.defaultView;
  if (win === null) return;
  const texts = config.texts;
  const byId = <T extends PageElement>(id: string): T => {
    const found = doc.getElementById(id);
    if (found === null) throw new Error(`The drop page has no #${id}.`);
    return found as T;
  };
  const root = byId('drop-page');
  const countdown = byId('countdown');
  const dropArea = byId('drop-area');
  const input = byId<PageFileInput>('file-input');
  const uploadButton = byId<PageButton>('upload-button');
  const cancelButton = byId<PageButton>('cancel-button');
  const progressBox = byId('progress-box');
  const progress = byId<PageProgress>('progress');
  const progressText = byId('progress-text');
  const statusBox = byId('status');
  const statusText = byId('status-text');
  const statusDetail = byId('status-detail');

  const fill = (template: string, values: Readonly<Record<string, string | number>>): string =>
    template.replace(/\{([a-z]+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
  const units = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  const size = (bytes: number): string => {
    let value = bytes;
    let unit: string = 'byte';
    for (const next of units) {
      // Why 1024: binary multiples, as the app and most file managers count them.
      if (value < 1024) break;
      value /= 1024;
      unit = next;
    }
    return new Intl.NumberFormat(config.language, { style: 'unit', unit, maximumFractionDigits: unit === 'byte' ? 0 : 1 }).format(value);
  };
  const percent = (fraction: number): string => new Intl.NumberFormat(config.language, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
  const duration = (milliseconds: number): string => {
    const total = Math.max(0, Math.ceil(milliseconds / 1000));
    const parts: readonly (readonly [number, string])[] = [
      [Math.floor(total / 86_400), texts.days],
      [Math.floor(total / 3600) % 24, texts.hours],
      [Math.floor(total / 60) % 60, texts.minutes],
      [total % 60, texts.seconds],
    ];
    const first = parts.findIndex(([count]) => count > 0);
    // The two largest units are enough to read at a glance (`2 d 3 h`, `59 min 12 s`).
    return (first < 0 ? parts.slice(3) : parts.slice(first, first + 2)).map(([count, text]) => fill(text, { n: count })).join(' ');
  };
  const expiresAtMs = Date.parse(config.expiresAt);
  const localExpiry = new Intl.DateTimeFormat(config.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(expiresAtMs));

  let state: DropPageState = 'ready';
  /** The link has expired: nothing more may be sent (an upload under way finishes). */
  let closed = false;
  let file: PageFile | undefined;
  let request: PageXhr | undefined;
  let timer: number | undefined;

  const update = (): void => {
    root.setAttribute('data-state', state);
    if (state !== 'failed') root.removeAttribute('data-failure');
    const busy = state === 'uploading';
    const shut = busy || closed;
    uploadButton.disabled = shut || file === undefined;
    uploadButton.hidden = busy;
    cancelButton.hidden = !busy;
    input.disabled = shut;
    dropArea.setAttribute('aria-disabled', shut ? 'true' : 'false');
    progressBox.hidden = !(busy || state === 'done');
  };
  const say = (kind: 'info' | 'success' | 'problem', text: string, detail = ''): void => {
    statusBox.setAttribute('data-kind', kind);
    statusText.textContent = text;
    statusDetail.textContent = detail;
    statusDetail.hidden = detail === '';
  };
  const showProgress = (sent: number, total: number, startedAt: number): void => {
    // An empty file is all sent at once.
    const fraction = total > 0 ? Math.min(1, sent / total) : 1;
    const seconds = (Date.now() - startedAt) / 1000;
    progress.value = fraction;
    progressText.textContent = fill(texts.progress, {
      sent: size(sent),
      total: size(total),
      percent: percent(fraction),
      speed: fill(texts.speed, { size: size(seconds > 0 ? sent / seconds : 0) }),
    });
  };

  const tick = (): void => {
    const left = expiresAtMs - Date.now();
    if (left > 0) {
      countdown.textContent = fill(texts.countdown, { duration: duration(left) });
      return;
    }
    countdown.textContent = '';
    closed = true;
    // The bucket checked the link when the upload began: let it finish, and close the page after.
    if (state === 'uploading') return update();
    if (timer !== undefined) win.clearInterval(timer);
    timer = undefined;
    if (state !== 'done') {
      state = 'expired';
      file = undefined;
      say('problem', fill(texts.expired, { time: localExpiry }));
    }
    update();
  };

  const choose = (files: PageFileList | null | undefined): void => {
    if (state === 'uploading' || closed || files === null || files === undefined || files.length === 0) return;
    if (files.length > 1) return say('problem', texts.oneFile);
    const picked = files.item(0);
    if (picked === null) return;
    if (picked.size > config.maxBytes) {
      file = undefined;
      state = 'ready';
      update();
      return say('problem', fill(texts.tooLarge, { name: picked.name, size: size(picked.size), max: size(config.maxBytes) }));
    }
    file = picked;
    state = 'chosen';
    update();
    say('info', fill(texts.chosen, { name: picked.name, size: size(picked.size), key: config.shownKey }));
  };

  const fail = (failure: DropPageFailure, text: string, detail: string): void => {
    request = undefined;
    state = 'failed';
    update();
    root.setAttribute('data-failure', failure);
    say('problem', text, detail);
    uploadButton.focus();
  };
  /** A tag's text in an OSS or S3 XML error (`<Code>AccessDenied</Code>`), with XML's own entities read. */
  const tag = (xml: string, name: string): string => {
    const found = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? '';
    const entities: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    return found.replace(/&(lt|gt|amp|quot|apos);/g, (whole, entity: string) => entities[entity] ?? whole).trim();
  };
  const refused = (xhr: PageXhr): void => {
    const code = tag(xhr.responseText, 'Code');
    const message = tag(xhr.responseText, 'Message');
    const answer = code === '' ? '' : fill(texts.answer, { answer: message === '' ? code : `${code}: ${message}` });
    if ((code === 'AccessDenied' && /expired/i.test(message)) || (xhr.status === 403 && Date.now() >= expiresAtMs)) return fail('expired', texts.failedExpired, answer);
    if (code === 'SignatureDoesNotMatch') return fail('signature', texts.failedSignature, answer);
    // OSS answers FileAlreadyExists to x-oss-forbid-overwrite; S3 answers PreconditionFailed to If-None-Match: *.
    if (code === 'FileAlreadyExists' || (code === 'PreconditionFailed' && Object.hasOwn(config.headers, 'if-none-match'))) {
      return fail('exists', fill(texts.failedExists, { key: config.shownKey }), answer);
    }
    if (code === 'AccessDenied' || code === 'InvalidAccessKeyId') return fail('denied', texts.failedDenied, answer);
    fail('other', fill(texts.failedOther, { status: xhr.status }), answer);
  };
  const finish = (xhr: PageXhr, sent: PageFile, startedAt: number): void => {
    if (xhr.status < 200 || xhr.status > 299) return refused(xhr);
    request = undefined;
    file = undefined;
    state = 'done';
    update();
    showProgress(sent.size, sent.size, startedAt);
    const etag = xhr.getResponseHeader('ETag');
    const details = [etag === null ? texts.noEtag : fill(texts.etag, { etag })];
    // 203: OSS stored the object but the upload callback to the sender's server failed.
    if (xhr.status === 203) details.push(fill(texts.callbackFailed, { message: tag(xhr.responseText, 'Message') }));
    say('success', fill(texts.done, { size: size(sent.size), target: `${config.bucket}/${config.shownKey}` }), details.join(' '));
    dropArea.focus();
  };

  const start = (): void => {
    if (file === undefined || state === 'uploading' || closed) return;
    if (Date.now() >= expiresAtMs) return tick();
    const sending = file;
    const startedAt = Date.now();
    const xhr = new win.XMLHttpRequest();
    request = xhr;
    xhr.open('PUT', config.url);
    for (const [name, value] of Object.entries(config.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (event) => showProgress(event.loaded, event.lengthComputable ? event.total : sending.size, startedAt));
    xhr.addEventListener('load', () => finish(xhr, sending, startedAt));
    xhr.addEventListener('error', () => fail('network', texts.failedNetwork, ''));
    xhr.addEventListener('timeout', () => fail('network', texts.failedNetwork, ''));
    xhr.addEventListener('abort', () => {
      request = undefined;
      state = 'cancelled';
      update();
      say('info', texts.cancelled);
      uploadButton.focus();
    });
    state = 'uploading';
    update();
    showProgress(0, sending.size, startedAt);
    say('info', fill(texts.uploading, { name: sending.name }));
    cancelButton.focus();
    // With no Content-Type signed, none may be sent: a body without a type makes the browser send none
    // (a File would send its own, such as image/png, which the bucket would then refuse).
    xhr.send(Object.hasOwn(config.headers, 'content-type') ? sending : sending.slice(0, sending.size, ''));
  };

  const openPicker = (): void => {
    if (state !== 'uploading' && !closed) input.click();
  };
  dropArea.addEventListener('click', openPicker);
  dropArea.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    openPicker();
  });
  for (const type of ['dragenter', 'dragover'] as const) {
    dropArea.addEventListener(type, (event) => {
      event.preventDefault();
      const open = state !== 'uploading' && !closed;
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = open ? 'copy' : 'none';
      dropArea.classList.toggle('dragging', open);
    });
  }
  dropArea.addEventListener('dragleave', () => dropArea.classList.toggle('dragging', false));
  dropArea.addEventListener('drop', (event) => {
    event.preventDefault();
    dropArea.classList.toggle('dragging', false);
    choose(event.dataTransfer?.files);
  });
  // A drop beside the area must not make the browser leave the page to show the file.
  doc.addEventListener('dragover', (event) => event.preventDefault());
  doc.addEventListener('drop', (event) => event.preventDefault());
  input.addEventListener('change', () => {
    choose(input.files);
    // Forget the picker's choice, so picking the same file again is seen as a change.
    input.value = '';
  });
  uploadButton.addEventListener('click', start);
  cancelButton.addEventListener('click', () => request?.abort());

  byId('expires-at').textContent = localExpiry;
  update();
  tick();
  if (!closed) timer = win.setInterval(tick, 1000);
}
