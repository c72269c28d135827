/**
 * The part of the browser the drop page's script uses, typed here because the Node side's TypeScript has
 * no DOM library (and must not get one: core runs in plain Node). A browser's `document`, and jsdom's in
 * the tests, have every member named here with these types.
 */

/** A file as the page gets it from the picker or a drop. */
export interface PageFile {
  readonly name: string;
  readonly size: number;
  readonly type: string;
  /** A view of the bytes (nothing is copied) with another media type; `''` for none. */
  slice(start: number, end: number, contentType: string): PageBlob;
}

/** Bytes the request sends. */
export interface PageBlob {
  readonly size: number;
}

/** The files of a picker or a drop. */
export interface PageFileList {
  readonly length: number;
  item(index: number): PageFile | null;
}

/** Any event the page listens to. */
export interface PageEvent {
  preventDefault(): void;
}

/** A key press. */
export interface PageKeyboardEvent extends PageEvent {
  readonly key: string;
}

/** A drag over, or a drop on, the page. */
export interface PageDragEvent extends PageEvent {
  readonly dataTransfer: { readonly files: PageFileList; dropEffect: string } | null;
}

/** The events the page listens to, by name. */
export interface PageEventMap {
  readonly click: PageEvent;
  readonly change: PageEvent;
  readonly keydown: PageKeyboardEvent;
  readonly dragenter: PageDragEvent;
  readonly dragover: PageDragEvent;
  readonly dragleave: PageDragEvent;
  readonly drop: PageDragEvent;
}

/** Something the page listens on. */
export interface PageEventTarget {
  addEventListener<K extends keyof PageEventMap>(type: K, listener: (event: PageEventMap[K]) => void): void;
}

/** An element of the page, with the members of the kinds it uses (buttons, the file input, the progress bar). */
export interface PageElement extends PageEventTarget {
  textContent: string | null;
  hidden: boolean;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  readonly classList: { toggle(token: string, force?: boolean): boolean };
  focus(): void;
  click(): void;
}

/** A button. */
export interface PageButton extends PageElement {
  disabled: boolean;
}

/** The `<input type="file">`. */
export interface PageFileInput extends PageButton {
  readonly files: PageFileList | null;
  value: string;
}

/** The `<progress>` bar. */
export interface PageProgress extends PageElement {
  value: number;
  max: number;
}

/** Upload progress of a request. */
export interface PageProgressEvent {
  readonly loaded: number;
  readonly total: number;
  readonly lengthComputable: boolean;
}

/** An XMLHttpRequest, as far as the page uses one. */
export interface PageXhr {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: PageBlob): void;
  abort(): void;
  readonly status: number;
  readonly responseText: string;
  getResponseHeader(name: string): string | null;
  readonly upload: { addEventListener(type: 'progress', listener: (event: PageProgressEvent) => void): void };
  addEventListener(type: 'load' | 'error' | 'abort' | 'timeout', listener: () => void): void;
}

/** The window. */
export interface PageWindow {
  readonly XMLHttpRequest: new () => PageXhr;
  setInterval(handler: () => void, milliseconds: number): number;
  clearInterval(id: number): void;
}

/** The document. */
export interface PageDocument extends PageEventTarget {
  getElementById(id: string): PageElement | null;
  readonly defaultView: PageWindow | null;
}
