/**
 * What the drop page's tests share (they run in jsdom, `// @vitest-environment jsdom`): an upload link, the
 * page loaded into jsdom's document as a browser would parse it (its scripts not run), the DOM members the
 * tests use (typed here: the Node side's TypeScript has no DOM library), and a fake XMLHttpRequest that
 * records what the page sends and answers as the test says.
 */
import type { DropPageConfig } from '../../../../../electron/core/links/drop-page/drop-page-config.js';
import type { PageDocument, PageProgressEvent } from '../../../../../electron/core/links/drop-page/page-dom.js';
import { DROP_PAGE_CONFIG_ID, type DropPageLink } from '../../../../../electron/core/links/drop-page/render-drop-page.js';

/** An element as the tests read and drive it. */
export interface TestElement {
  readonly tagName: string;
  textContent: string | null;
  readonly hidden: boolean;
  readonly disabled?: boolean;
  readonly value?: number | string;
  readonly files?: unknown;
  readonly classList: { contains(token: string): boolean };
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelectorAll(selectors: string): ArrayLike<TestElement>;
  dispatchEvent(event: Event): boolean;
  click(): void;
}

/** jsdom's document as the tests use it. */
export interface TestDocument extends PageDocument {
  readonly documentElement: TestElement & { innerHTML: string };
  readonly head: TestElement;
  readonly activeElement: TestElement | null;
  querySelector(selectors: string): TestElement | null;
  querySelectorAll(selectors: string): ArrayLike<TestElement>;
}

/** jsdom's `document` (the tests run in the jsdom environment). */
export function testDocument(): TestDocument {
  return (globalThis as unknown as { readonly document: TestDocument }).document;
}

/** The element with `id`, or a failed test. */
export function element(id: string): TestElement {
  const found = testDocument().getElementById(id) as TestElement | null;
  if (found === null) throw new Error(`no #${id}`);
  return found;
}

/** An upload link to `photos/inbox/report.pdf` locked to application/pdf, expiring at 09:00 UTC. */
export function uploadLink(fields: Partial<DropPageLink> = {}): DropPageLink {
  return {
    method: 'PUT',
    url: 'https://photos.oss-cn-hangzhou.aliyuncs.com/inbox/report.pdf?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-expires=3600&x-oss-signature=abc',
    headers: { 'content-type': 'application/pdf', 'x-oss-meta-from': 'alice' },
    expiresAt: '2026-11-21T09:00:00.000Z',
    bucket: 'photos',
    key: 'inbox/report.pdf',
    ...fields,
  };
}

/** Puts the page's `<head>` and `<body>` into jsdom's document (no script runs) and returns its config. */
export function loadPage(html: string): DropPageConfig {
  const inner = /<html[^>]*>([\s\S]*)<\/html>/.exec(html)?.[1];
  if (inner === undefined) throw new Error('not a page');
  const doc = testDocument();
  doc.documentElement.innerHTML = inner;
  return JSON.parse(element(DROP_PAGE_CONFIG_ID).textContent ?? '') as DropPageConfig;
}

/** A fake XMLHttpRequest: records the request, and answers when the test says so. */
export class FakeXhr {
  /** Every request sent, oldest first. */
  static sent: FakeXhr[] = [];
  method = '';
  url = '';
  readonly headers: [string, string][] = [];
  body: unknown;
  status = 0;
  responseText = '';
  aborted = false;
  private responseHeaders: Record<string, string> = {};
  private readonly listeners = new Map<string, (() => void)[]>();
  private readonly progressListeners: ((event: PageProgressEvent) => void)[] = [];
  readonly upload = { addEventListener: (_type: 'progress', listener: (event: PageProgressEvent) => void) => void this.progressListeners.push(listener) };

  /** The request the page sent last. */
  static last(): FakeXhr {
    const last = FakeXhr.sent.at(-1);
    if (last === undefined) throw new Error('nothing was sent');
    return last;
  }

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string): void {
    this.headers.push([name, value]);
  }
  send(body: unknown): void {
    this.body = body;
    FakeXhr.sent.push(this);
  }
  abort(): void {
    this.aborted = true;
    this.emit('abort');
  }
  getResponseHeader(name: string): string | null {
    return this.responseHeaders[name.toLowerCase()] ?? null;
  }
  addEventListener(type: string, listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  /** The browser reports `loaded` of `total` bytes sent. */
  progress(loaded: number, total: number): void {
    for (const listener of this.progressListeners) listener({ loaded, total, lengthComputable: true });
  }
  /** The server answers. */
  respond(status: number, body = '', headers: Record<string, string> = {}): void {
    this.status = status;
    this.responseText = body;
    this.responseHeaders = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
    this.emit('load');
  }
  /** The request fails without an answer (offline, refused by CORS). */
  failNetwork(): void {
    this.emit('error');
  }
  private emit(type: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener();
  }
}

/** Makes the page's window use {@link FakeXhr}; returns the undo. */
export function installFakeXhr(): () => void {
  FakeXhr.sent = [];
  const original = Object.getOwnPropertyDescriptor(globalThis, 'XMLHttpRequest');
  Object.defineProperty(globalThis, 'XMLHttpRequest', { value: FakeXhr, configurable: true, writable: true });
  return () => {
    if (original === undefined) Reflect.deleteProperty(globalThis, 'XMLHttpRequest');
    else Object.defineProperty(globalThis, 'XMLHttpRequest', original);
  };
}

/** An OSS error answer. */
export function ossError(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>${code}</Code>\n  <Message>${message}</Message>\n  <RequestId>5C3D9175B6FC201293AD4890</RequestId>\n</Error>\n`;
}
