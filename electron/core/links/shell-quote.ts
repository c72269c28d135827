/**
 * Quoting for POSIX shells (sh, bash, zsh, dash), so a printed command can be pasted and run as is.
 *
 * Single quotes keep every byte literal (`$`, backquotes, `\`, `!` in scripts, newlines, unicode); the only
 * character they cannot hold is `'` itself, written as `'\''` (close, escaped quote, reopen).
 *
 * Shared by the CLI (which re-exports it) and the link snippets of the app.
 */

/** Words no POSIX shell changes. A leading `=` is excluded: zsh expands `=cmd` to the path of cmd. */
const SAFE_WORD = /^[A-Za-z0-9_@%+:,./-][A-Za-z0-9_@%+=:,./-]*$/;

/** Always single-quotes `value` for a POSIX shell: `it's` → `'it'\''s'`, the empty string → `''`. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * Quotes `word` only when a POSIX shell would otherwise change it (spaces, `$`, `*`, quotes, `~` and so on);
 * plain words such as `curl`, `-X` or `./file.txt` stay bare.
 */
export function shellWord(word: string): string {
  return SAFE_WORD.test(word) ? word : shellQuote(word);
}

/** Joins words into one command line, quoting each as `shellWord` does. */
export function shellJoin(words: readonly string[]): string {
  return words.map(shellWord).join(' ');
}
