/**
 * The drop page's policy: nothing by default, its inline blocks by hash, connections to one origin.
 */
import { describe, expect, it } from 'vitest';
import { dropPagePolicy, hashSource } from '../../../../../electron/core/links/drop-page/content-security-policy.js';

describe('dropPagePolicy', () => {
  it('hashes a block as CSP expects: SHA-256 of its UTF-8 text, base64', () => {
    // SHA-256 of the empty string, a published test vector.
    expect(hashSource('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(hashSource('报告')).not.toBe(hashSource('报'));
  });

  it('allows nothing but the two blocks, data: images and connections to the given origin', () => {
    expect(dropPagePolicy({ script: '', style: '', connectOrigin: 'http://127.0.0.1:9000' })).toBe(
      "default-src 'none'; script-src 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; style-src 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; connect-src http://127.0.0.1:9000; img-src data:; base-uri 'none'; form-action 'none'",
    );
  });
});
