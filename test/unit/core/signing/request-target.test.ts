import { describe, expect, it } from 'vitest';

import { resolveRequestTarget } from '../../../../electron/core/signing/request-target.js';

describe('resolveRequestTarget', () => {
  it('prefixes the endpoint host with the bucket for virtual-hosted style', () => {
    expect(resolveRequestTarget('https://oss-cn-hangzhou.aliyuncs.com', 'virtual-hosted', 'b1', 'a b.txt')).toEqual({
      protocol: 'https',
      host: 'b1.oss-cn-hangzhou.aliyuncs.com',
      path: '/a%20b.txt',
      origin: 'https://b1.oss-cn-hangzhou.aliyuncs.com',
    });
  });

  it('puts the bucket in the path for path style, keeping a non-default port', () => {
    const target = resolveRequestTarget('http://127.0.0.1:9000', 'path', 'b1', 'dir/x+y');
    expect(target.host).toBe('127.0.0.1:9000');
    expect(target.path).toBe('/b1/dir/x%2By');
  });

  it('uses the custom domain and the key only for cname style', () => {
    const target = resolveRequestTarget('https://files.example.com', 'cname', 'b1', 'k');
    expect(target.origin).toBe('https://files.example.com');
    expect(target.path).toBe('/k');
  });

  it('drops a default port and lower-cases the host, as the Host header would carry it', () => {
    expect(resolveRequestTarget('https://OSS.Example.com:443/', 'virtual-hosted', 'b1').host).toBe('b1.oss.example.com');
    expect(resolveRequestTarget('http://example.com:80', 'path', 'b1').host).toBe('example.com');
  });

  it('gives "/" or "/bucket/" for bucket-level requests', () => {
    expect(resolveRequestTarget('https://oss-cn-hangzhou-internal.aliyuncs.com', 'virtual-hosted', 'b1').path).toBe('/');
    expect(resolveRequestTarget('http://[::1]:9000', 'path', 'b1').path).toBe('/b1/');
    expect(resolveRequestTarget('http://[::1]:9000', 'path', 'b1').host).toBe('[::1]:9000');
  });

  it('works for acceleration endpoints', () => {
    expect(resolveRequestTarget('https://oss-accelerate.aliyuncs.com', 'virtual-hosted', 'b1', 'k').origin).toBe('https://b1.oss-accelerate.aliyuncs.com');
  });
});
