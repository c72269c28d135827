import { describe, expect, it } from 'vitest';
import { requestTarget } from '../../../../../electron/core/transfer/http/request-target.js';

describe('requestTarget', () => {
  it('keeps the path and query byte for byte, as signed', () => {
    const url = "http://127.0.0.1:9000/photos/a%20b%2B%25%23%3F%26%E6%96%87'*/x?uploadId=A%2BB&partNumber=1&x-oss-signature=ab%2Fcd";
    const target = requestTarget(url);
    expect(target.path).toBe("/photos/a%20b%2B%25%23%3F%26%E6%96%87'*/x?uploadId=A%2BB&partNumber=1&x-oss-signature=ab%2Fcd");
    expect(target).toMatchObject({ protocol: 'http:', hostname: '127.0.0.1', port: 9000 });
  });

  it('defaults the path and port, drops a fragment, and unbrackets IPv6 hosts', () => {
    expect(requestTarget('https://bucket.oss-cn-hangzhou.aliyuncs.com')).toMatchObject({ path: '/', port: undefined, protocol: 'https:' });
    expect(requestTarget('https://h.example?uploads').path).toBe('/?uploads');
    expect(requestTarget('http://h.example/k#frag').path).toBe('/k');
    expect(requestTarget('http://[::1]:8080/b/k')).toMatchObject({ hostname: '::1', port: 8080, path: '/b/k' });
  });

  it('refuses other schemes and unparsable URLs without quoting them', () => {
    expect(() => requestTarget('ftp://h/k?sig=secret')).toThrow(/not http or https/);
    expect(() => requestTarget('not a url ?sig=secret')).toThrow(TypeError);
    try {
      requestTarget('nope?sig=secret');
    } catch (error) {
      expect(String(error)).not.toContain('secret');
    }
  });
});
