/**
 * What the link form holds, exactly as typed (checked and turned into a LinkRequest by
 * check-link-form.ts), and what a new form starts with.
 */
import { CALLBACK_BODY_TYPES, type LinkMethod } from '../../../../electron/shared/ipc/link-types.js';
import { initialExpiry, type ExpiryChoice } from './expiry-choice.js';

/** How the object is named: a folder (the profile's prefix) plus a file name, or the whole key. */
export type KeyMode = 'name' | 'key';

/** The encodings of an upload callback's body. */
export type CallbackBodyType = (typeof CALLBACK_BODY_TYPES)[number];

/** One metadata row; `id` keeps React's rows and their messages apart as rows come and go. */
export interface MetadataRow {
  readonly id: number;
  readonly name: string;
  readonly value: string;
}

/** Every field of the form. Fields of the other method are kept (switching back finds them) but not sent. */
export interface LinkFormValues {
  /** A profile name; empty until the profiles are known (the host then uses the default profile). */
  readonly profile: string;
  readonly method: LinkMethod;
  readonly keyMode: KeyMode;
  readonly prefix: string;
  readonly fileName: string;
  readonly key: string;
  readonly expiry: ExpiryChoice;
  // Upload (PUT).
  readonly contentType: string;
  readonly forbidOverwrite: boolean;
  /** Empty: the bucket's default. */
  readonly storageClass: string;
  readonly metadata: readonly MetadataRow[];
  readonly callbackUrl: string;
  readonly callbackBody: string;
  readonly callbackBodyType: CallbackBodyType;
  readonly callbackHost: string;
  // Download (GET).
  readonly versionId: string;
  readonly process: string;
  readonly downloadName: string;
}

/** OSS's callback variables in each body encoding: what OSS fills in for the uploaded object. */
export const CALLBACK_BODY_TEMPLATES: Readonly<Record<CallbackBodyType, string>> = {
  'application/x-www-form-urlencoded': 'bucket=${bucket}&object=${object}&size=${size}&mimeType=${mimeType}',
  'application/json': '{"bucket":${bucket},"object":${object},"size":${size},"mimeType":${mimeType}}',
};

/** Why 32: the contract's limit (OSS's 8 KiB of user metadata is full well before). */
export const MAX_METADATA_ROWS = 32;

/** The OSS image processing a thumbnail preset asks for: 200 pixels wide, height in proportion. */
export const THUMBNAIL_PROCESS = 'image/resize,w_200';

/** A new form: an upload link, named by folder and file, valid for `defaultExpirySeconds` (the setting). */
export function initialFormValues(defaultExpirySeconds: number | undefined): LinkFormValues {
  const callbackBodyType = CALLBACK_BODY_TYPES[0];
  return {
    profile: '',
    method: 'PUT',
    keyMode: 'name',
    prefix: '',
    fileName: '',
    key: '',
    expiry: initialExpiry(defaultExpirySeconds),
    contentType: '',
    forbidOverwrite: false,
    storageClass: '',
    metadata: [],
    callbackUrl: '',
    callbackBody: CALLBACK_BODY_TEMPLATES[callbackBodyType],
    callbackBodyType,
    callbackHost: '',
    versionId: '',
    process: '',
    downloadName: '',
  };
}

/**
 * The key the form names: the whole key, or the folder joined to the file name with exactly one `/`
 * (as uploads join a profile's prefix).
 */
export function formKey(values: Pick<LinkFormValues, 'keyMode' | 'prefix' | 'fileName' | 'key'>): string {
  if (values.keyMode === 'key') return values.key;
  const prefix = values.prefix.replace(/\/+$/, '');
  return prefix === '' ? values.fileName : `${prefix}/${values.fileName}`;
}
