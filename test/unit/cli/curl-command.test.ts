import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlCommand } from '../../../electron/cli/curl-command.js';

const URL_ = "https://b.oss-cn-hangzhou.aliyuncs.com/it's%20a%20key?x-oss-signature=ab&x-oss-date=20241112T083238Z";

/** The argument vector sh builds from `command` (printf prints each argument followed by a NUL). */
function argvOf(command: string): string[] {
  const script = command.replace(/^curl /, "printf '%s\\0' ");
  return execFileSync('sh', ['-c', script], { encoding: 'utf8' }).split('\0').slice(0, -1);
}

describe('curlCommand', () => {
  it('uploads with -T for PUT, sending exactly the signed headers', () => {
    const command = curlCommand(
      { url: URL_, method: 'PUT', signedHeaders: { 'content-type': 'text/plain', 'x-oss-meta-who': "O'Brien $HOME" } },
      'my file.txt',
    );
    expect(command).toBe(
      "curl --fail-with-body --globoff --path-as-is -X PUT -H 'content-type: text/plain' " +
        "-H 'x-oss-meta-who: O'\\''Brien $HOME' -T 'my file.txt' " +
        `'https://b.oss-cn-hangzhou.aliyuncs.com/it'\\''s%20a%20key?x-oss-signature=ab&x-oss-date=20241112T083238Z'`,
    );
    expect(argvOf(command)).toEqual([
      '--fail-with-body',
      '--globoff',
      '--path-as-is',
      '-X',
      'PUT',
      '-H',
      'content-type: text/plain',
      '-H',
      "x-oss-meta-who: O'Brien $HOME",
      '-T',
      'my file.txt',
      URL_,
    ]);
  });

  it('uploads with -X POST -T for POST', () => {
    expect(argvOf(curlCommand({ url: 'http://h/k?uploads', method: 'POST', signedHeaders: {} }, 'body.xml'))).toEqual(
      ['--fail-with-body', '--globoff', '--path-as-is', '-X', 'POST', '-T', 'body.xml', 'http://h/k?uploads'],
    );
  });

  it('uses --data-binary when the path ends in / (curl would append the file name) and drops its Content-Type', () => {
    const argv = argvOf(curlCommand({ url: 'http://h/dir/?x=1', method: 'PUT', signedHeaders: {} }, 'f.txt'));
    expect(argv).toEqual([
      '--fail-with-body',
      '--globoff',
      '--path-as-is',
      '-X',
      'PUT',
      '-H',
      'Content-Type:',
      '--data-binary',
      '@f.txt',
      'http://h/dir/?x=1',
    ]);
    const xml = { 'content-type': 'application/xml' };
    const signed = argvOf(curlCommand({ url: 'http://h/?lifecycle', method: 'PUT', signedHeaders: xml }, 'l.xml'));
    expect(signed).not.toContain('Content-Type:');
    expect(signed).toContain('content-type: application/xml');
  });

  it('writes the response to FILE for GET, DELETE and HEAD', () => {
    expect(argvOf(curlCommand({ url: 'http://h/k', method: 'GET', signedHeaders: {} }, 'out.bin'))).toEqual([
      '--fail-with-body',
      '--globoff',
      '--path-as-is',
      '-X',
      'GET',
      '-o',
      'out.bin',
      'http://h/k',
    ]);
    expect(argvOf(curlCommand({ url: 'http://h/k', method: 'DELETE', signedHeaders: {} }, 'o'))).toContain('DELETE');
    const head = argvOf(curlCommand({ url: 'http://h/k', method: 'HEAD', signedHeaders: {} }, 'headers.txt'));
    expect(head).toContain('--head');
    expect(head).not.toContain('-X');
  });

  it('sends an empty signed header with curl’s Name; syntax', () => {
    const command = curlCommand({ url: 'http://h/k', method: 'PUT', signedHeaders: { 'x-oss-meta-e': '' } }, 'f');
    expect(argvOf(command)).toContain('x-oss-meta-e;');
  });

  it('never lets a file named - mean standard input or output', () => {
    expect(argvOf(curlCommand({ url: 'http://h/k', method: 'PUT', signedHeaders: {} }, '-'))).toContain('./-');
    expect(argvOf(curlCommand({ url: 'http://h/k', method: 'GET', signedHeaders: {} }, '-'))).toContain('./-');
    expect(argvOf(curlCommand({ url: 'http://h/', method: 'PUT', signedHeaders: {} }, '-'))).toContain('@./-');
  });
});
