/**
 * `t` for a key chosen at run time (a problem's message, a failure's explanation) with its values as a
 * map: i18next's types demand each key's own values, which a map of them cannot prove. The key stays
 * checked against the catalog; a missing value shows as the placeholder's name, never as a crash.
 */

/** A translation function over keys `K` taking values as a map. */
export type ValuesT<K extends string> = (key: K, values?: Readonly<Record<string, string | number | undefined>>) => string;

/** `t` seen as a {@link ValuesT} over keys `K`. */
export function valuesT<K extends string>(t: unknown): ValuesT<K> {
  return t as ValuesT<K>;
}
