/**
 * jsdom lays nothing out, so a virtual list there sees a zero-height window and zero-height rows. These
 * stubs give the queue's scroll box a window of `viewport` pixels and the list's height as its content,
 * every row `rowHeight`, and make
 * `scrollTo` scroll (and say so), as a browser does.
 */
import { vi } from 'vitest';

/** Gives the queue a layout until the returned function is called. */
export function layOutQueue(viewport = 600, rowHeight = 62): () => void {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) {
    return this.classList.contains('queue-scroll') ? viewport : 0;
  });
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockImplementation(function (this: Element) {
    return this.classList.contains('queue-scroll') ? 1000 : 0;
  });
  // The scroll box's content is the list, as tall as the list says.
  vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockImplementation(function (this: Element) {
    const list = this.classList.contains('queue-scroll') ? this.firstElementChild : null;
    return list instanceof HTMLElement ? Number.parseFloat(list.style.height) || 0 : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('transfer-row') ? rowHeight : 0;
  });
  const scrollTo = vi.fn(function (this: Element, options?: ScrollToOptions | number) {
    const top = typeof options === 'object' ? options.top : undefined;
    if (top === undefined) return;
    this.scrollTop = top;
    this.dispatchEvent(new Event('scroll'));
  });
  Element.prototype.scrollTo = scrollTo as unknown as Element['scrollTo'];
  return () => {
    vi.restoreAllMocks();
    delete (Element.prototype as { scrollTo?: unknown }).scrollTo;
  };
}
