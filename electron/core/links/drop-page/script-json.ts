/**
 * Data for a page's script, as the text of a `<script type="application/json">` block: JSON in which `<`,
 * `>` and `&` are written as `\u003c`, `\u003e` and `\u0026`, so no value can close the block
 * (`</script>`), open a comment (`<!--`) or look like markup to anything that scans the page; and U+2028
 * and U+2029 as escapes too, which older JavaScript parsers took for line ends. `JSON.parse` of the
 * block's text gives the value back unchanged.
 */

const ESCAPES: Readonly<Record<string, string>> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** `value` as the text of a JSON script block (see the module comment). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => ESCAPES[character] ?? character);
}
