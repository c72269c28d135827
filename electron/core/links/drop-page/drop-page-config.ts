/**
 * What the drop page's script is given: the link (URL, the headers it signed, expiry, bucket and key), the
 * page's language and the words it shows while it runs. It travels in the page as JSON (script-json.ts)
 * and is read by `dropPageMain` (drop-page-main.ts), so it holds plain data only.
 */
import type { Language } from '../../../shared/ipc/settings.js';

/** The words the page's script writes; `{name}` marks a value put in. */
export interface DropPageScriptTexts {
  /** After the local expiry time: `(expires in {duration})`. */
  readonly countdown: string;
  /** `{n} d`, `{n} h`, `{n} min`, `{n} s`. */
  readonly days: string;
  readonly hours: string;
  readonly minutes: string;
  readonly seconds: string;
  /** `{time}`: the local expiry time. */
  readonly expired: string;
  /** `{name}`, `{size}`, `{key}`. */
  readonly chosen: string;
  readonly oneFile: string;
  /** `{name}`, `{size}`, `{max}`. */
  readonly tooLarge: string;
  /** `{name}`. */
  readonly uploading: string;
  /** `{sent}`, `{total}`, `{percent}`, `{speed}`. */
  readonly progress: string;
  /** `{size}` per second. */
  readonly speed: string;
  /** `{size}`, `{target}`. */
  readonly done: string;
  /** `{etag}`. */
  readonly etag: string;
  readonly noEtag: string;
  /** `{message}`. */
  readonly callbackFailed: string;
  readonly cancelled: string;
  readonly failedExpired: string;
  readonly failedDenied: string;
  readonly failedSignature: string;
  /** `{key}`. */
  readonly failedExists: string;
  readonly failedNetwork: string;
  /** `{status}`. */
  readonly failedOther: string;
  /** `{answer}`: the store's error code and message. */
  readonly answer: string;
}

/** Everything the page's script needs. */
export interface DropPageConfig {
  readonly language: Language;
  /** The presigned PUT URL. */
  readonly url: string;
  /** The headers the link signed (lower-case names), sent with exactly these values. */
  readonly headers: Readonly<Record<string, string>>;
  /** ISO 8601 UTC. */
  readonly expiresAt: string;
  readonly bucket: string;
  /**
   * The key as the page shows it: control and bidirectional characters escaped (shared/visible-text.ts),
   * so a key cannot make the page read as another name (`report\u202efdp.exe`). The key itself is in the URL.
   */
  readonly shownKey: string;
  /** The largest file one PUT can take. */
  readonly maxBytes: number;
  readonly texts: DropPageScriptTexts;
}
