/**
 * Checks the link form as the contract's schemas and the signer will (so the user reads a message next
 * to the field instead of a refusal from the host), and turns it into the exact LinkRequest: only the
 * fields of the chosen method, only what was filled in.
 */
import type { LinkCallback, LinkLimits, LinkRequest } from '../../../../electron/shared/ipc/link-types.js';
import { attachmentDisposition } from './content-disposition.js';
import { expirySeconds } from './expiry-choice.js';
import type { FormField, FormProblem, FormProblems } from './form-problems.js';
import { formKey, type LinkFormValues } from './link-form-values.js';

/** The form's verdict: the request to send, or what to fix. */
export type FormCheck = { readonly ok: true; readonly request: LinkRequest } | { readonly ok: false; readonly problems: FormProblems };

// The limits below are the contract's (electron/shared/ipc/schemas.ts), which the renderer does not import (zod).
/** Why 1023: OSS's longest key in UTF-8 bytes. */
const MAX_KEY_BYTES = 1023;
/** Why 255: the longest file name on common file systems. */
const MAX_FILE_NAME = 255;
/** Why 256: the contract's bound on a Content-Type. */
const MAX_CONTENT_TYPE = 256;
/** Why 1024: the contract's bound on a header value (metadata, version id, Content-Disposition). */
const MAX_HEADER_VALUE = 1024;
/** Why 4096: the contract's bound on `x-oss-process` and on a callback body. */
const MAX_LONG_TEXT = 4096;
/** Why 2048: the contract's bound on a URL. */
const MAX_URL = 2048;
/** Why 255: the longest DNS name. */
const MAX_HOST = 255;

/** Metadata names, as the contract allows them. */
const METADATA_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Visible ASCII and space: what a signed header value can carry. */
const HEADER_VALUE = /^[\x20-\x7e]*$/;
/** `type/subtype` with optional parameters, in HTTP token characters. */
const MEDIA_TYPE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+(\s*;\s*[\x20-\x7e]*)?$/;
const CONTROL = /\p{Cc}/u;

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

function keyProblem(key: string): FormProblem | undefined {
  if (key === '') return { code: 'keyEmpty' };
  if (key.startsWith('/') || key.startsWith('\\')) return { code: 'keyLeadingSlash' };
  if (CONTROL.test(key)) return { code: 'keyControl' };
  if (key.split('/').some((segment) => segment === '.' || segment === '..')) return { code: 'keyDotSegment' };
  if (key.endsWith('/')) return { code: 'keyTrailingSlash' };
  const bytes = utf8Bytes(key);
  return bytes > MAX_KEY_BYTES ? { code: 'keyTooLong', bytes } : undefined;
}

/** The folder of name mode: the key rules that a prefix alone can break. */
function prefixProblem(prefix: string): FormProblem | undefined {
  if (prefix.startsWith('/') || prefix.startsWith('\\')) return { code: 'keyLeadingSlash' };
  if (CONTROL.test(prefix)) return { code: 'keyControl' };
  return prefix.split('/').some((segment) => segment === '.' || segment === '..') ? { code: 'keyDotSegment' } : undefined;
}

function fileNameProblem(name: string): FormProblem | undefined {
  if (name === '') return { code: 'fileNameEmpty' };
  if (/[/\\]/.test(name)) return { code: 'fileNameSlash' };
  if (CONTROL.test(name)) return { code: 'noControl' };
  if (name === '.' || name === '..') return { code: 'keyDotSegment' };
  return name.length > MAX_FILE_NAME ? { code: 'tooLong', max: MAX_FILE_NAME } : undefined;
}

function canParseUrl(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/** A free text field: no control characters, at most `max` characters. */
function textProblem(value: string, max: number): FormProblem | undefined {
  if (CONTROL.test(value)) return { code: 'noControl' };
  return value.length > max ? { code: 'tooLong', max } : undefined;
}

function expiryProblem(values: LinkFormValues, limits: LinkLimits): FormProblem | undefined {
  if (limits.cap.kind === 'token-expired') return { code: 'tokenExpired' };
  const seconds = expirySeconds(values.expiry);
  if (seconds === undefined) return { code: 'expiryWhole' };
  return seconds > limits.maxExpirySeconds ? { code: 'expiryOverCap', maxSeconds: limits.maxExpirySeconds } : undefined;
}

/** Collects problems, and the request fields that passed. */
class Collector {
  readonly problems = new Map<FormField, FormProblem>();

  /** Records `problem` for `field` (when there is one); true when the field is fine. */
  check(field: FormField, problem: FormProblem | undefined): boolean {
    if (problem === undefined) return true;
    this.problems.set(field, problem);
    return false;
  }
}

function metadataOf(values: LinkFormValues, found: Collector): LinkRequest['metadata'] {
  const seen = new Set<string>();
  for (const row of values.metadata) {
    const nameOk = found.check(`metaName-${row.id}`, METADATA_NAME.test(row.name) ? undefined : { code: 'metaNameShape' });
    if (nameOk) found.check(`metaName-${row.id}`, seen.has(row.name) ? { code: 'metaNameTwice' } : undefined);
    seen.add(row.name);
    const value = HEADER_VALUE.test(row.value) ? undefined : ({ code: 'metaValueAscii' } as const);
    found.check(`metaValue-${row.id}`, value ?? (row.value.length > MAX_HEADER_VALUE ? { code: 'tooLong', max: MAX_HEADER_VALUE } : undefined));
  }
  return values.metadata.length === 0 ? undefined : values.metadata.map(({ name, value }) => ({ name, value }));
}

function callbackOf(values: LinkFormValues, found: Collector): LinkCallback | undefined {
  const url = values.callbackUrl.trim();
  if (url === '') return undefined;
  found.check('callbackUrl', /^https?:\/\/[^\s/]/i.test(url) && canParseUrl(url) && url.length <= MAX_URL ? undefined : { code: 'callbackUrlShape' });
  found.check('callbackBody', values.callbackBody.trim() === '' ? { code: 'callbackBodyEmpty' } : values.callbackBody.length > MAX_LONG_TEXT ? { code: 'tooLong', max: MAX_LONG_TEXT } : undefined);
  const host = values.callbackHost.trim();
  found.check('callbackHost', host === '' || (/^[^\s/]+$/.test(host) && host.length <= MAX_HOST) ? undefined : { code: 'callbackHostShape' });
  return { url, body: values.callbackBody, bodyType: values.callbackBodyType, ...(host === '' ? {} : { host }) };
}

function uploadFields(values: LinkFormValues, limits: LinkLimits, found: Collector): Partial<LinkRequest> {
  const contentType = values.contentType.trim();
  if (contentType !== '') {
    found.check('contentType', MEDIA_TYPE.test(contentType) ? (contentType.length > MAX_CONTENT_TYPE ? { code: 'tooLong', max: MAX_CONTENT_TYPE } : undefined) : { code: 'contentTypeShape' });
  }
  const metadata = metadataOf(values, found);
  const callback = limits.supportsCallback ? callbackOf(values, found) : undefined;
  return {
    ...(contentType === '' ? {} : { contentType }),
    ...(values.forbidOverwrite ? { forbidOverwrite: true } : {}),
    ...(values.storageClass !== '' && limits.storageClasses.includes(values.storageClass) ? { storageClass: values.storageClass } : {}),
    ...(metadata === undefined ? {} : { metadata }),
    ...(callback === undefined ? {} : { callback }),
  };
}

function downloadFields(values: LinkFormValues, limits: LinkLimits, found: Collector): Partial<LinkRequest> {
  const versionId = values.versionId.trim();
  const process = limits.supportsProcess ? values.process.trim() : '';
  const downloadName = values.downloadName.trim();
  found.check('versionId', textProblem(versionId, MAX_HEADER_VALUE));
  found.check('process', textProblem(process, MAX_LONG_TEXT));
  if (found.check('downloadName', /[/\\]/.test(downloadName) ? { code: 'downloadNameSlash' } : textProblem(downloadName, MAX_FILE_NAME))) {
    // The name is percent-encoded when it is not ASCII, so its header value may grow past the bound.
    found.check('downloadName', downloadName !== '' && attachmentDisposition(downloadName).length > MAX_HEADER_VALUE ? { code: 'tooLong', max: MAX_FILE_NAME } : undefined);
  }
  return {
    ...(versionId === '' ? {} : { versionId }),
    ...(process === '' ? {} : { process }),
    ...(downloadName === '' ? {} : { responseContentDisposition: attachmentDisposition(downloadName) }),
  };
}

/** Checks `values` against `limits` (the chosen profile's); the request when everything fits. */
export function checkLinkForm(values: LinkFormValues, limits: LinkLimits): FormCheck {
  const found = new Collector();
  const key = formKey(values);
  if (values.keyMode === 'name') {
    found.check('prefix', prefixProblem(values.prefix));
    // What is left of the key rules (its length in bytes) depends on both parts; the file name is the part to shorten.
    if (found.check('fileName', fileNameProblem(values.fileName)) && !found.problems.has('prefix')) found.check('fileName', keyProblem(key));
  } else {
    found.check('key', keyProblem(key));
  }
  found.check('expiry', expiryProblem(values, limits));
  const fields = values.method === 'PUT' ? uploadFields(values, limits, found) : downloadFields(values, limits, found);
  if (found.problems.size > 0) return { ok: false, problems: found.problems };
  const request: LinkRequest = {
    method: values.method,
    ...(values.profile === '' ? {} : { profile: values.profile }),
    key,
    expiresInSeconds: expirySeconds(values.expiry) ?? limits.maxExpirySeconds,
    ...(values.keyMode === 'name' ? { fileName: values.fileName } : {}),
    ...fields,
  };
  return { ok: true, request };
}
