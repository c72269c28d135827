/**
 * Types `t()` against the English catalogs: a key that does not exist is a compile error.
 */
import 'i18next';
import type { en } from './resources.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof en;
  }
}
