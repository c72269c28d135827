/**
 * Small parsers shared by the verifiers: query lookups, `Authorization` header parameters, credential scopes.
 */
import type { QueryParam } from '../../../shared/signing.js';

/** The value of the first query parameter named exactly `name` (`''` for a bare name), or undefined. */
export function queryValue(query: readonly QueryParam[], name: string): string | undefined {
  const param = query.find((candidate) => candidate.name === name);
  return param === undefined ? undefined : (param.value ?? '');
}

/** True when a query parameter named exactly `name` is present. */
export function hasQuery(query: readonly QueryParam[], name: string): boolean {
  return query.some((candidate) => candidate.name === name);
}

/** The query without the parameter named `name` (the signature, which is not part of what was signed). */
export function queryWithout(query: readonly QueryParam[], name: string): QueryParam[] {
  return query.filter((candidate) => candidate.name !== name);
}

/**
 * Parses the parameters of a V4 `Authorization` header after the algorithm name:
 * `Credential=AK/20241112/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=host,Signature=abc`
 * (commas, optionally followed by spaces). Undefined when malformed or a name repeats.
 */
export function parseAuthorizationParams(text: string): ReadonlyMap<string, string> | undefined {
  const params = new Map<string, string>();
  for (const part of text.split(',')) {
    const item = part.trim();
    const eq = item.indexOf('=');
    if (eq <= 0) return undefined;
    const name = item.slice(0, eq);
    if (params.has(name)) return undefined;
    params.set(name, item.slice(eq + 1));
  }
  return params;
}

/** The parts of a V4 credential `AK/YYYYMMDD/region/service/terminator`. */
export interface CredentialScope {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
}

/**
 * Parses a V4 credential for the given service (`oss`, `s3`) and terminator (`aliyun_v4_request`,
 * `aws4_request`). Undefined when it has the wrong shape.
 */
export function parseCredentialScope(credential: string, service: string, terminator: string): CredentialScope | undefined {
  const parts = credential.split('/');
  // Why 5: access key id, date, region, service, terminator.
  if (parts.length !== 5) return undefined;
  const [accessKeyId, date, region, gotService, gotTerminator] = parts as [string, string, string, string, string];
  if (accessKeyId === '' || region === '' || !/^\d{8}$/.test(date)) return undefined;
  if (gotService !== service || gotTerminator !== terminator) return undefined;
  return { accessKeyId, date, region };
}

/** Splits a `;`-separated header name list; undefined when an item is empty. */
export function parseHeaderNameList(value: string): string[] | undefined {
  if (value === '') return [];
  const names = value.split(';');
  return names.some((name) => name === '') ? undefined : names;
}
