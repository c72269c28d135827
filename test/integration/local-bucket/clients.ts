/**
 * The official SDKs, set up against a local bucket: ali-oss (path-style through `sldEnable`) and the AWS SDK
 * (path-style, checksums only when required).
 */
import { createRequire } from 'node:module';
import { S3Client } from '@aws-sdk/client-s3';
import { ACCESS_KEY_ID, ACCESS_KEY_SECRET } from './harness.js';

/** The response part of an ali-oss result. */
export interface AliOssResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
}

/** An object entry of an ali-oss listing. */
export interface AliOssListedObject {
  readonly name: string;
  readonly size: number;
  readonly etag: string;
}

/** The parts of an ali-oss client these tests use (the package ships no types). */
export interface AliOssClient {
  put(name: string, file: Buffer | string, options?: { headers?: Record<string, string>; mime?: string }): Promise<{ res: AliOssResponse }>;
  get(name: string): Promise<{ content: Buffer; res: AliOssResponse }>;
  head(name: string): Promise<{ status: number; meta: Record<string, string> | null; res: AliOssResponse }>;
  delete(name: string): Promise<{ res: AliOssResponse }>;
  list(
    query: Record<string, string | number>,
    options: object,
  ): Promise<{ objects: AliOssListedObject[]; prefixes: string[] | null; isTruncated: boolean }>;
  listV2(
    query: Record<string, string | number>,
    options: object,
  ): Promise<{ objects: AliOssListedObject[]; prefixes: string[] | null; isTruncated: boolean }>;
  multipartUpload(
    name: string,
    file: string,
    options: { partSize: number; parallel?: number; headers?: Record<string, string> },
  ): Promise<{ res: AliOssResponse; etag?: string }>;
  initMultipartUpload(name: string): Promise<{ uploadId: string }>;
  abortMultipartUpload(name: string, uploadId: string): Promise<{ res: AliOssResponse }>;
  listUploads(query: Record<string, string | number>): Promise<{
    uploads: { name: string; uploadId: string; initiated: string }[];
    isTruncated: boolean;
    nextKeyMarker: string;
    nextUploadIdMarker: string;
  }>;
}

type AliOssConstructor = new (options: Record<string, unknown>) => AliOssClient;
const AliOss = createRequire(import.meta.url)('ali-oss') as AliOssConstructor;

/** An ali-oss client addressing `bucket` path-style at `endpoint` (an IP endpoint plus `sldEnable`). */
export function aliOssClient(endpoint: string, bucket = 'photos'): AliOssClient {
  return new AliOss({
    accessKeyId: ACCESS_KEY_ID,
    accessKeySecret: ACCESS_KEY_SECRET,
    bucket,
    endpoint,
    sldEnable: true,
    region: 'oss-cn-hangzhou',
    timeout: 30_000,
  });
}

/** An AWS SDK S3 client addressing buckets path-style at `endpoint`. */
export function s3Client(endpoint: string): S3Client {
  return new S3Client({
    region: 'cn-hangzhou',
    endpoint,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: ACCESS_KEY_SECRET },
  });
}
