/** `1 file`, `3 files`: a count and an English noun that takes -s. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
