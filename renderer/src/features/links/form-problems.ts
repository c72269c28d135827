/**
 * What can be wrong with a field of the link form, and which field: the words are in the `links`
 * catalog under `problems.<code>`; values the words need travel with the code.
 */

/** A problem with one field. */
export type FormProblem =
  | {
      readonly code:
        | 'keyEmpty'
        | 'keyLeadingSlash'
        | 'keyControl'
        | 'keyDotSegment'
        | 'keyTrailingSlash'
        | 'fileNameEmpty'
        | 'fileNameSlash'
        | 'expiryWhole'
        | 'tokenExpired'
        | 'contentTypeShape'
        | 'metaNameShape'
        | 'metaNameTwice'
        | 'metaValueAscii'
        | 'noControl'
        | 'downloadNameSlash'
        | 'callbackUrlShape'
        | 'callbackBodyEmpty'
        | 'callbackHostShape';
    }
  | { readonly code: 'keyTooLong'; readonly bytes: number }
  | { readonly code: 'expiryOverCap'; readonly maxSeconds: number }
  | { readonly code: 'tooLong'; readonly max: number };

/** The form's fields that can have a problem; metadata rows by their row id. */
export type FormField =
  | 'key'
  | 'prefix'
  | 'fileName'
  | 'expiry'
  | 'contentType'
  | 'versionId'
  | 'process'
  | 'downloadName'
  | 'callbackUrl'
  | 'callbackBody'
  | 'callbackHost'
  | `metaName-${number}`
  | `metaValue-${number}`;

/** Problems by field, in the order the fields appear. */
export type FormProblems = ReadonlyMap<FormField, FormProblem>;

/** The DOM id of a field's control (what a problem's message points back to). */
export function fieldId(field: FormField): string {
  return `link-${field}`;
}

/** The DOM id of a field's problem message (the control's `aria-describedby`). */
export function problemId(field: FormField): string {
  return `link-${field}-problem`;
}
