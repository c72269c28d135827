/**
 * The snippets send exactly the signed headers, quote every value, and send no Content-Type unless one
 * is locked.
 */
import { describe, expect, it } from 'vitest';
import { linkSnippets } from '../../../../electron/core/links/snippets.js';

const URL = "https://b.example.com/it's%20here?x-oss-signature=abc&x-oss-date=1";

describe('linkSnippets', () => {
  it('PUT with a locked Content-Type and metadata', () => {
    const s = linkSnippets({ url: URL, method: 'PUT', headers: { 'content-type': 'image/png', 'x-oss-meta-who': "o'neil" }, fileName: "my file's.png" });
    expect(s.curl).toBe(
      `curl --fail-with-body --globoff --path-as-is -X PUT -H 'content-type: image/png' -H 'x-oss-meta-who: o'\\''neil' -T 'my file'\\''s.png' 'https://b.example.com/it'\\''s%20here?x-oss-signature=abc&x-oss-date=1'`,
    );
    expect(s.powershell).toBe(
      "Invoke-WebRequest -UseBasicParsing -Method Put -Uri 'https://b.example.com/it''s%20here?x-oss-signature=abc&x-oss-date=1' -ContentType 'image/png' -Headers @{'x-oss-meta-who' = 'o''neil'} -InFile 'my file''s.png'",
    );
    expect(s.python).toContain('headers = {\n    "content-type": "image/png",\n    "x-oss-meta-who": "o\'neil",\n}');
    expect(s.python).toContain('requests.put(url, data=body, headers=headers)');
    expect(s.fetch).toContain('headers: { "content-type": "image/png", "x-oss-meta-who": "o\'neil" },');
    expect(s.fetch).toContain('  body: file,');
  });

  it('PUT without a Content-Type: nothing adds one', () => {
    const s = linkSnippets({ url: URL, method: 'PUT', headers: {}, fileName: 'a.bin' });
    expect(s.curl).not.toContain('-H');
    expect(s.powershell).not.toContain('-ContentType');
    expect(s.powershell).not.toContain('-Headers');
    expect(s.python).toContain('headers = {}');
    expect(s.fetch).toContain('body: new Blob([file]),');
    expect(s.fetch).toContain('headers: {},');
  });

  it('GET writes the file', () => {
    const s = linkSnippets({ url: URL, method: 'GET', headers: {}, fileName: '-rf' });
    expect(s.curl).toContain("-X GET -o './-rf'");
    expect(s.powershell).toBe("Invoke-WebRequest -UseBasicParsing -Uri 'https://b.example.com/it''s%20here?x-oss-signature=abc&x-oss-date=1' -OutFile '-rf'");
    expect(s.python).toContain('with open("-rf", "wb") as out:');
    expect(s.fetch).toContain('await response.blob()');
  });
});
