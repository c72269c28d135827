/**
 * Small response writers for the web host: plain-text refusals and JSON results.
 */
import type { ServerResponse } from 'node:http';
import type { Result } from '../../shared/ipc/channels.js';

/** Ends `response` with `status` and a one-line plain-text body. */
export function sendText(response: ServerResponse, status: number, text: string, headers: Readonly<Record<string, string>> = {}): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(`${text}\n`);
}

/** Ends `response` with `status` and a contract Result as JSON (the spool endpoint answers this way). */
export function sendResult(response: ServerResponse, status: number, result: Result<unknown>): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(result));
}
