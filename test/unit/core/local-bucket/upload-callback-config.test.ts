/**
 * The local bucket reads an upload callback as OSS does (base64 JSON, up to five `;`-separated URLs, a
 * bare host:port meaning http), refuses a malformed one and any callback URL off loopback, and fills the
 * body's variables URL-encoded for the form type and as JSON values for the JSON type.
 */
import { describe, expect, it } from 'vitest';
import { callbackBody, parseUploadCallback } from '../../../../electron/core/local-bucket/upload-callback-config.js';

const encode = (config: unknown): string => Buffer.from(JSON.stringify(config)).toString('base64');
const VARIABLES = { bucket: 'photos', object: 'dir/a b&c.png', size: 42, etag: 'ABC', mimeType: 'image/png', crc64: '123', contentMd5: 'q1==' };

describe('parseUploadCallback', () => {
  it('reads the config, defaulting to the form encoding', () => {
    const callback = parseUploadCallback(encode({ callbackUrl: 'http://127.0.0.1:8080/cb;localhost:9/x', callbackBody: 'a=${size}' }));
    expect(callback.urls.map((url) => url.href)).toEqual(['http://127.0.0.1:8080/cb', 'http://localhost:9/x']);
    expect(callback).toMatchObject({ body: 'a=${size}', bodyType: 'application/x-www-form-urlencoded' });
    expect(callback).not.toHaveProperty('host');
    expect(parseUploadCallback(encode({ callbackUrl: 'https://[::1]/cb', callbackBody: '{}', callbackBodyType: 'application/json', callbackHost: 'app.example.com' }))).toMatchObject({
      bodyType: 'application/json',
      host: 'app.example.com',
    });
  });

  it.each([
    ['not base64', '!!!', /base64 of a JSON object/],
    ['base64 of a non-object', encode([1]), /base64 of a JSON object/],
    ['no URL', encode({ callbackBody: 'a' }), /callbackUrl must be a non-empty string/],
    ['an empty body', encode({ callbackUrl: 'http://127.0.0.1/', callbackBody: '' }), /callbackBody must be a non-empty string/],
    ['an unknown body type', encode({ callbackUrl: 'http://127.0.0.1/', callbackBody: 'a', callbackBodyType: 'text/xml' }), /callbackBodyType/],
    ['six URLs', encode({ callbackUrl: Array(6).fill('127.0.0.1/x').join(';'), callbackBody: 'a' }), /1 to 5 URLs/],
    ['a public address', encode({ callbackUrl: 'http://203.0.113.5/cb', callbackBody: 'a' }), /only loopback addresses .* not 203\.0\.113\.5/],
    ['a private address', encode({ callbackUrl: 'http://127.0.0.1/ok;http://192.168.1.1/cb', callbackBody: 'a' }), /not 192\.168\.1\.1/],
    ['a name', encode({ callbackUrl: 'https://app.example.com/cb', callbackBody: 'a' }), /not app\.example\.com/],
    ['another scheme', encode({ callbackUrl: 'file:///etc/passwd', callbackBody: 'a' }), /http or https/],
  ])('refuses %s with InvalidArgument before anything is stored', (_what, encoded, message) => {
    expect(() => parseUploadCallback(encoded)).toThrow(expect.objectContaining({ response: expect.objectContaining({ code: 'InvalidArgument', status: 400, message: expect.stringMatching(message) }) }));
  });
});

describe('callbackBody', () => {
  it('URL-encodes values for the form type', () => {
    expect(callbackBody({ body: 'bucket=${bucket}&object=${object}&size=${size}&etag=${etag}&mimeType=${mimeType}&x=${x:mine}', bodyType: 'application/x-www-form-urlencoded' }, VARIABLES)).toBe(
      'bucket=photos&object=dir%2Fa%20b%26c.png&size=42&etag=ABC&mimeType=image%2Fpng&x=${x:mine}',
    );
  });

  it('writes JSON values for the JSON type', () => {
    const body = callbackBody({ body: '{"object":${object},"size":${size},"type":${mimeType},"crc":${crc64}}', bodyType: 'application/json' }, { ...VARIABLES, object: 'a"b\\c' });
    expect(JSON.parse(body)).toEqual({ object: 'a"b\\c', size: 42, type: 'image/png', crc: '123' });
  });
});
