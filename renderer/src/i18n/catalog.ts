/**
 * The shape every translation must have: the English catalog's keys, each a string. A translation that
 * misses or adds a key fails the typecheck, so no screen shows a raw key in one language only.
 */

/** `T` with every leaf widened to `string` (the English catalog is written `as const`). */
export type Catalog<T> = { readonly [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };
