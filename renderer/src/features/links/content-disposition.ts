/**
 * The Content-Disposition a download link asks for when the user names the file it should be saved as:
 * `attachment; filename="report.pdf"`, with the RFC 6266 / RFC 5987 `filename*` form added for names
 * that plain ASCII cannot carry (`报告.pdf`), which every current browser reads.
 */

/** Characters a quoted `filename="…"` can hold as they are: visible ASCII and space, without `"` and `\`. */
const PLAIN = /^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/;

/** `encodeURIComponent` plus the characters RFC 5987's attr-char also excludes. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The header value that makes browsers save the download as `fileName`. */
export function attachmentDisposition(fileName: string): string {
  if (PLAIN.test(fileName)) return `attachment; filename="${fileName}"`;
  const fallback = fileName.replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
}
