/**
 * The messages on browser mode's WebSocket (JSON text frames, sub-protocol `dropsign.v1`):
 *
 * - page → host: `{ "id": 7, "channel": "transfers:cancel", "args": ["..."] }` (exactly these three
 *   fields; `id` a whole number the page picks, echoed in the reply);
 * - host → page: `{ "id": 7, "result": { "ok": true, "value": ... } }`, or with `"ok": false` and an
 *   ErrorInfo; `"id": null` answers a message whose id could not be read;
 * - host → page: `{ "event": "transfers:progress", "payload": { ... } }`, in the order they happened;
 *   several events that happened together come as one frame, a JSON array of such messages, in order.
 */
import type { ErrorInfo } from '../../shared/errors.js';
import { isInvokeChannel, type EventChannel, type EventMap, type InvokeChannel, type Result } from '../../shared/ipc/channels.js';

/** A message from the page, as read. */
export type ClientMessage =
  | { readonly kind: 'invoke'; readonly id: number; readonly channel: InvokeChannel; readonly args: readonly unknown[] }
  /** Not a call the host can run; answer `error` under `id` (null when the id itself is unreadable). */
  | { readonly kind: 'malformed'; readonly id: number | null; readonly error: ErrorInfo };

const FIELDS = ['id', 'channel', 'args'];

function malformed(id: number | null, message: string): ClientMessage {
  return {
    kind: 'malformed',
    id,
    error: {
      code: 'invalid-argument',
      message,
      hint: 'This is a bug in the page talking to Dropsign; reload it, and report it if it happens again.',
    },
  };
}

/** Reads one text frame. Never throws. */
export function parseClientMessage(text: string): ClientMessage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return malformed(null, 'The message is not JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return malformed(null, 'The message is not an object.');
  const message = value as Record<string, unknown>;
  const rawId = Object.hasOwn(message, 'id') ? message['id'] : undefined;
  const id = typeof rawId === 'number' && Number.isSafeInteger(rawId) && rawId >= 0 ? rawId : null;
  if (id === null) return malformed(null, 'The message has no id (a whole number from 0).');
  const extra = Object.keys(message).find((key) => !FIELDS.includes(key));
  if (extra !== undefined) return malformed(id, `The message has an unknown field (only ${FIELDS.join(', ')} are allowed).`);
  const channel = message['channel'];
  if (!isInvokeChannel(channel)) return malformed(id, 'The message names no known channel.');
  const args = message['args'];
  if (!Array.isArray(args)) return malformed(id, 'The message\'s args is not a list.');
  return { kind: 'invoke', id, channel, args };
}

/** The text of a reply. */
export function replyText(id: number | null, result: Result<unknown>): string {
  try {
    return JSON.stringify({ id, result });
  } catch {
    // Only a value JSON cannot hold (a cycle, a BigInt) gets here; services answer plain data.
    const error: ErrorInfo = { code: 'internal', message: 'The answer could not be sent.', hint: 'This is a bug in Dropsign; please report it.' };
    return JSON.stringify({ id, result: { ok: false, error } });
  }
}

/** One event message. */
export type EventMessage = { readonly [E in EventChannel]: { readonly event: E; readonly payload: EventMap[E] } }[EventChannel];

/** The text of one frame of events, in order: one message alone, several as an array. */
export function eventsText(messages: readonly EventMessage[]): string {
  return JSON.stringify(messages.length === 1 ? messages[0] : messages);
}
