/**
 * What the user hears when uploads finish: a system notification (the `notifications` setting) and the
 * share link on the clipboard (the `copyLinkOnFinish` setting). Finishes are gathered for a moment, so a
 * folder of a hundred files makes one notification and one clipboard write per batch, not a hundred.
 *
 * A notification for one finished upload copies its link when clicked; the others open the window. None
 * is shown while the window has the focus: it shows the same thing.
 */
import { Notification } from 'electron';
import type { AppSettings } from '../shared/ipc/settings.js';
import { visibleLine } from '../shared/visible-text.js';
import type { Disposable } from './disposable.js';
import type { FinishedTransfer } from './queue-model.js';
import { plural } from './plural.js';

/** Why 1 s: files of one drop finish within a second of each other; a person still feels it as "at once". */
export const FINISH_BATCH_MS = 1000;

/** A notification to show. */
export interface NotificationRequest {
  readonly title: string;
  readonly body: string;
  readonly onClick: () => void;
}

/** What the notifier needs. */
export interface CompletionNotifierDeps {
  readonly settings: () => Pick<AppSettings, 'notifications' | 'copyLinkOnFinish'>;
  readonly show: (request: NotificationRequest) => void;
  readonly copyText: (text: string) => void;
  readonly showWindow: () => void;
  /** True while the user is looking at the window, which shows the same news: no notification then. */
  readonly windowFocused: () => boolean;
}

/** The notifications for one batch of finishes (pure; exported for tests). */
export function notificationsFor(
  finished: readonly FinishedTransfer[],
  deps: Pick<CompletionNotifierDeps, 'copyText' | 'showWindow'>,
  linksCopied: boolean,
): NotificationRequest[] {
  const requests: NotificationRequest[] = [];
  const done = finished.filter((item) => item.kind === 'done');
  const failed = finished.filter((item) => item.kind === 'failed');
  const first = done[0];
  if (done.length === 1 && first !== undefined) {
    const url = first.result.link?.url;
    requests.push({
      title: `Uploaded ${visibleLine(first.name)}`,
      body: url === undefined ? visibleLine(first.result.key) : linksCopied ? 'The link is on the clipboard.' : 'Click to copy the link.',
      onClick: url === undefined ? deps.showWindow : () => deps.copyText(url),
    });
  } else if (done.length > 1) {
    requests.push({
      title: `Uploaded ${plural(done.length, 'file')}`,
      body: linksCopied ? 'Their links are on the clipboard.' : 'Click to see them.',
      onClick: deps.showWindow,
    });
  }
  const firstFailure = failed[0];
  if (firstFailure !== undefined) {
    requests.push({
      title: failed.length === 1 ? `Upload failed: ${visibleLine(firstFailure.name)}` : `${plural(failed.length, 'upload')} failed`,
      body: firstFailure.error.message,
      onClick: deps.showWindow,
    });
  }
  return requests;
}

/** See the module comment. */
export class CompletionNotifier implements Disposable {
  readonly #deps: CompletionNotifierDeps;
  #pending: FinishedTransfer[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(deps: CompletionNotifierDeps) {
    this.#deps = deps;
  }

  /** Adds finishes to the current batch (the batch's wait starts with its first item and is never extended). */
  add(finished: readonly FinishedTransfer[]): void {
    if (finished.length === 0) return;
    this.#pending.push(...finished);
    this.#timer ??= setTimeout(() => this.flush(), FINISH_BATCH_MS);
  }

  /** Acts on the batch now. */
  flush(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#pending;
    this.#pending = [];
    if (batch.length === 0) return;
    const settings = this.#deps.settings();
    const links = batch.flatMap((item) => (item.kind === 'done' && item.result.link !== undefined ? [item.result.link.url] : []));
    const copy = settings.copyLinkOnFinish && links.length > 0;
    if (copy) this.#deps.copyText(links.join('\n'));
    if (!settings.notifications || this.#deps.windowFocused()) return;
    for (const request of notificationsFor(batch, this.#deps, copy)) this.#deps.show(request);
  }

  dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = [];
  }
}

/** Shown notifications, kept referenced until closed: Windows drops the click of a collected one. */
const live = new Set<Notification>();

/** Shows `request` as a system notification, when the OS has them. */
export function showSystemNotification(request: NotificationRequest): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title: request.title, body: request.body });
  live.add(notification);
  notification.on('click', () => {
    live.delete(notification);
    request.onClick();
  });
  notification.on('close', () => live.delete(notification));
  notification.show();
}
