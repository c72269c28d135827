/**
 * Every catalog, by language and namespace (one namespace per screen, so screens can be translated and
 * reviewed on their own). English is the source; each translation is typed against it (catalog.ts).
 */
import type { Language } from '../../../electron/shared/ipc/settings.js';
import { common as enCommon } from './locales/en/common.js';
import { errors as enErrors } from './locales/en/errors.js';
import { history as enHistory } from './locales/en/history.js';
import { links as enLinks } from './locales/en/links.js';
import { profiles as enProfiles } from './locales/en/profiles.js';
import { settings as enSettings } from './locales/en/settings.js';
import { unfinished as enUnfinished } from './locales/en/unfinished.js';
import { upload as enUpload } from './locales/en/upload.js';
import { common as zhCommon } from './locales/zh-CN/common.js';
import { errors as zhErrors } from './locales/zh-CN/errors.js';
import { history as zhHistory } from './locales/zh-CN/history.js';
import { links as zhLinks } from './locales/zh-CN/links.js';
import { profiles as zhProfiles } from './locales/zh-CN/profiles.js';
import { settings as zhSettings } from './locales/zh-CN/settings.js';
import { unfinished as zhUnfinished } from './locales/zh-CN/unfinished.js';
import { upload as zhUpload } from './locales/zh-CN/upload.js';

/** The English catalogs: the source of every key (and of the `t()` key types). */
export const en = {
  common: enCommon,
  errors: enErrors,
  history: enHistory,
  links: enLinks,
  profiles: enProfiles,
  settings: enSettings,
  unfinished: enUnfinished,
  upload: enUpload,
} as const;

/** A namespace's name. */
export type Namespace = keyof typeof en;

/** Every language's catalogs. */
export const resources = {
  en,
  'zh-CN': { common: zhCommon, errors: zhErrors, history: zhHistory, links: zhLinks, profiles: zhProfiles, settings: zhSettings, unfinished: zhUnfinished, upload: zhUpload },
} as const satisfies Record<Language, Record<Namespace, unknown>>;
