/**
 * The drop page's Content-Security-Policy: nothing may load or run but its own inline style and script
 * (allowed by their SHA-256 hashes, so an injected block would not run), and it may connect only to the
 * bucket's origin. Delivered in a `<meta http-equiv>`, which works wherever the page is opened (from disk
 * or from any host), at the cost of the directives a meta cannot carry (`frame-ancestors`, reports).
 */
import { createHash } from 'node:crypto';

/** What the policy allows. */
export interface DropPagePolicy {
  /** The exact text of the inline `<script>` block. */
  readonly script: string;
  /** The exact text of the inline `<style>` block. */
  readonly style: string;
  /** The only origin the page may connect to: the bucket's (`https://bucket.oss-cn-hangzhou.aliyuncs.com`). */
  readonly connectOrigin: string;
}

/** A CSP hash source for an inline block: `'sha256-<base64>'`. */
export function hashSource(blockText: string): string {
  return `'sha256-${createHash('sha256').update(blockText, 'utf8').digest('base64')}'`;
}

/** The policy, as the content of the meta element (escape it for the attribute). */
export function dropPagePolicy(policy: DropPagePolicy): string {
  return [
    "default-src 'none'",
    `script-src ${hashSource(policy.script)}`,
    `style-src ${hashSource(policy.style)}`,
    `connect-src ${policy.connectOrigin}`,
    // The favicon is an empty data: URL, so the browser does not ask a server for one.
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
