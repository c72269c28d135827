/**
 * Where a presigned URL puts the bucket: in the host (virtual-hosted: `photos.oss-cn-hangzhou.aliyuncs.com`,
 * `photos.s3.us-east-1.amazonaws.com`, `photos.localhost`), in the first path segment (path style: an
 * `oss-REGION.aliyuncs.com` or `s3.REGION.amazonaws.com` host, an IP address, `localhost`), or nowhere (a
 * custom domain bound to the bucket). A host of another name may also be a path-style endpoint (MinIO on
 * `files.example.com`), so a custom domain keeps the path-style reading as an alternative for verification.
 */

/** How the URL addresses the bucket. */
export type Addressing =
  | { readonly style: 'virtual-hosted' | 'path'; readonly bucket: string; readonly key: string }
  | {
      readonly style: 'cname';
      /** The whole path, decoded. */
      readonly key: string;
      /** The path-style reading, when the path has a first segment. */
      readonly asPath?: { readonly bucket: string; readonly key: string };
    };

/** Bucket names: 3-63 characters of a-z, 0-9, `-` and `.` (S3 allows dots), not starting or ending with `-`. */
const BUCKET = '[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]';

const VIRTUAL_HOSTS: readonly RegExp[] = [
  new RegExp(`^(${BUCKET})\\.oss-[a-z0-9-]+\\.aliyuncs\\.com$`),
  new RegExp(`^(${BUCKET})\\.s3(?:[.-][a-z0-9-]+)*\\.amazonaws\\.com(?:\\.cn)?$`),
  new RegExp(`^(${BUCKET})\\.localhost$`),
];

const PATH_HOSTS: readonly RegExp[] = [
  /^oss-[a-z0-9-]+\.aliyuncs\.com$/,
  /^s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?$/,
  /^localhost$/,
  /^\d{1,3}(?:\.\d{1,3}){3}$/,
  /^\[[0-9a-f:.]+\]$/,
];

/** The path-style reading of `rawPath`: first segment the bucket, the rest the key. */
function pathStyle(rawPath: string, decode: (raw: string, what: string) => string): { bucket: string; key: string } | undefined {
  const rest = rawPath.slice(1);
  const slash = rest.indexOf('/');
  const bucket = decode(slash < 0 ? rest : rest.slice(0, slash), 'path');
  if (bucket === '') return undefined;
  return { bucket, key: slash < 0 ? '' : decode(rest.slice(slash + 1), 'path') };
}

/** How `hostname` (lower-case, as the URL parser gives it) and `rawPath` address the bucket. */
export function addressingOf(hostname: string, rawPath: string, decode: (raw: string, what: string) => string): Addressing {
  for (const pattern of VIRTUAL_HOSTS) {
    const bucket = pattern.exec(hostname)?.[1];
    if (bucket !== undefined) return { style: 'virtual-hosted', bucket, key: decode(rawPath.slice(1), 'path') };
  }
  const asPath = pathStyle(rawPath, decode);
  if (PATH_HOSTS.some((pattern) => pattern.test(hostname)) && asPath !== undefined) return { style: 'path', ...asPath };
  return { style: 'cname', key: decode(rawPath.slice(1), 'path'), ...(asPath === undefined ? {} : { asPath }) };
}
