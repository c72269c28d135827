/**
 * String literals for the link snippets in PowerShell, Python and JavaScript: any text (quotes, `$`,
 * backslashes, newlines, unicode) comes out as a literal that evaluates to exactly that text, so a URL or a
 * file name can never end the string and run as code.
 */

/**
 * PowerShell single-quoted string. Inside one only the quote itself is special, written twice; PowerShell
 * also treats the typographic single quotes (U+2018..U+201B) as quotes, so those are doubled too.
 */
export function powerShellQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (quote) => quote + quote)}'`;
}

/** `\uXXXX` (or Python's `\UXXXXXXXX` above the BMP) for one code point. */
function escapeCodePoint(codePoint: number, python: boolean): string {
  if (codePoint <= 0xffff) return `\\u${codePoint.toString(16).padStart(4, '0')}`;
  if (python) return `\\U${codePoint.toString(16).padStart(8, '0')}`;
  return `\\u{${codePoint.toString(16)}}`;
}

/**
 * A double-quoted literal with only printable ASCII in it: JSON's escapes (valid in both languages) for
 * quotes, backslashes and controls, and code-point escapes for everything else, so neither the file's
 * encoding nor an editor can change what it means.
 */
function asciiLiteral(value: string, python: boolean): string {
  let out = '"';
  for (const char of value) {
    const codePoint = char.codePointAt(0) ?? 0;
    // Why 0x20..0x7e: printable ASCII, the only characters kept as they are.
    if (codePoint >= 0x20 && codePoint <= 0x7e) out += char === '"' || char === '\\' ? `\\${char}` : char;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else out += escapeCodePoint(codePoint, python);
  }
  return `${out}"`;
}

/** A Python 3 string literal. */
export function pythonString(value: string): string {
  return asciiLiteral(value, true);
}

/** A JavaScript string literal. */
export function jsString(value: string): string {
  return asciiLiteral(value, false);
}
