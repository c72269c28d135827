/**
 * A ready-to-run curl command line for a presigned request, quoted for POSIX shells.
 *
 * - PUT and POST send FILE as the body (`-T FILE`, streamed). When the URL path ends in `/` (a bucket-level
 *   request, or a key such as `dir/`), curl would append the file name to it, so the body goes with
 *   `--data-binary @FILE` instead, and the Content-Type curl adds for that is removed unless signed.
 * - GET, HEAD and DELETE save the response (for HEAD: the response headers) to FILE (`-o FILE`).
 *
 * Every signed header is sent with exactly its signed value, and nothing that would change the signed
 * request: `--globoff` (no `[]`/`{}` globbing of the URL), `--path-as-is` (no `/../` squashing). With
 * `--fail-with-body` an HTTP error makes curl exit non-zero and still show the server's explanation.
 *
 * Shared by `dropsign sign --curl` (the CLI re-exports it) and the app's link snippets.
 */
import type { HttpMethod, PresignResult } from '../../shared/signing.js';
import { shellQuote } from './shell-quote.js';

/** Methods whose request carries FILE as the body; the others write the response to FILE. */
export const UPLOAD_METHODS: ReadonlySet<HttpMethod> = new Set<HttpMethod>(['PUT', 'POST']);

/** Builds the curl command for `result`, with `file` as the body (PUT, POST) or the output (others). */
export function curlCommand(result: Pick<PresignResult, 'url' | 'method' | 'signedHeaders'>, file: string): string {
  // Literal flags go in bare; every value is single-quoted.
  const words: string[] = ['curl', '--fail-with-body', '--globoff', '--path-as-is'];
  const headerNames = Object.keys(result.signedHeaders).map((name) => name.toLowerCase());
  const safeFile = file.startsWith('-') ? `./${file}` : file; // `-T -`, `-o -`, `@-` mean stdin/stdout.

  if (result.method === 'HEAD') words.push('--head');
  else words.push('-X', result.method);

  for (const [name, value] of Object.entries(result.signedHeaders)) {
    // curl drops a header given as `Name:`; `Name;` is its syntax for sending one with an empty value.
    words.push('-H', shellQuote(value === '' ? `${name};` : `${name}: ${value}`));
  }

  if (UPLOAD_METHODS.has(result.method)) {
    if (new URL(result.url).pathname.endsWith('/')) {
      if (!headerNames.includes('content-type')) words.push('-H', shellQuote('Content-Type:'));
      words.push('--data-binary', shellQuote(`@${safeFile}`));
    } else {
      words.push('-T', shellQuote(safeFile));
    }
  } else {
    words.push('-o', shellQuote(safeFile));
  }
  words.push(shellQuote(result.url));
  return words.join(' ');
}
