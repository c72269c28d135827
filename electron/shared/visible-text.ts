/**
 * Text from outside (file names, object keys, a server's sentences) made safe to show: printed on a
 * terminal by the CLI, or shown on screen by the app.
 *
 * A file name may hold any byte but `/` and NUL, and a server or proxy writes what it likes in its error
 * messages: escape sequences in either could retitle the terminal, recolour or hide what follows, move the
 * cursor over earlier lines, or, where the terminal allows it, write the clipboard (OSC 52); a carriage
 * return overwrites the line it is on; bidirectional controls reorder what is shown (`evil\u202Etxt.exe`
 * reads as `evilexe.txt`) in a terminal and on a web page alike. Such characters are shown as their JSON
 * escape, `\uXXXX`: visible, and the same character to a JSON reader, so `--json` output stays valid and
 * means the same.
 */

/**
 * C0 controls but tab, line feed and a carriage return ending a line (CSV's CRLF), DEL, C1 controls, and
 * the bidirectional controls. A carriage return before anything else would overwrite the line.
 */
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const UNSAFE_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

/** The same, plus tab, line feed and the Unicode line and paragraph separators: for a value within a line. */
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function jsonEscape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `text` with every character that could control a terminal escaped; tabs and line breaks (LF, CRLF) are kept. */
export function visibleText(text: string): string {
  return text.replace(UNSAFE_IN_TEXT, jsonEscape);
}

/** One value (a file name, a key) for a line of output: line breaks and tabs are escaped too. */
export function visibleLine(text: string): string {
  return text.replace(UNSAFE_IN_LINE, jsonEscape);
}
