/**
 * OSS's limits, which the local bucket enforces with OSS's error codes so that clients tested against it
 * behave the same against the cloud.
 */

/** Largest single PutObject and largest part: 5 GiB (OSS PutObject and UploadPart; EntityTooLarge beyond). */
export const MAX_PUT_BYTES = 5 * 1024 * 1024 * 1024;

/** Smallest part other than the last: 100 KB (OSS CompleteMultipartUpload; EntityTooSmall below). */
export const MIN_PART_BYTES = 100 * 1024;

/** Part numbers run 1..10000 (OSS UploadPart), so an object has at most 10,000 parts. */
export const MAX_PART_NUMBER = 10_000;

/** Object keys are 1..1023 bytes of UTF-8 (OSS object naming rules). */
export const MAX_KEY_BYTES = 1023;

/** ListObjects' max-keys when absent: 100 (OSS ListObjects / ListObjectsV2; S3's is 1000). */
export const DEFAULT_MAX_KEYS = 100;

/** The largest max-keys OSS accepts: 1000. */
export const MAX_MAX_KEYS = 1000;

/** ListParts' max-parts: 1000 when absent, and at most 1000 (OSS ListParts). */
export const MAX_PARTS_PER_LIST = 1000;

/** ListMultipartUploads' page size when the request names none, and the most it may ask for (OSS: 1000 for both). */
export const MAX_UPLOADS_PER_LIST = 1000;
